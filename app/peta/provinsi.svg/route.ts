import { provinceSprite } from "@/lib/features/reports/map/province-map";

// Static geometry: rendered once at build time and served like a file.
export const dynamic = "force-static";

/**
 * The province outlines as one SVG file, each path with an id (`p-33`, `p-64-65`). The dashboard
 * map refers to them with <use href="/peta/provinsi.svg?v=…#p-33">, so a page carries 38 short
 * references instead of 30 KB of path data twice (HTML and React's payload); the browser keeps
 * the file. The `v` query names the geometry's version, so the file can be cached for good.
 */
export function GET() {
  return new Response(provinceSprite().svg, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
