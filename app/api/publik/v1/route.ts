import { siteUrl } from "@/lib/features/site/paths";
import { publicApiOptions, publicApiRoute } from "@/lib/server/route";

/** GET /api/publik/v1: where things are. */
export const GET = publicApiRoute(async () => ({
  version: "1",
  openapi: siteUrl("/api/publik/v1/openapi.json"),
  endpoints: ["ringkasan", "provinsi", "desa", "desa/{code}", "materi"].map((p) => siteUrl(`/api/publik/v1/${p}`)),
}));
export const OPTIONS = publicApiOptions;
