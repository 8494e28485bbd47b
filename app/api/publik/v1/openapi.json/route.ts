import { openApiDocument } from "@/lib/features/open-data/openapi";
import { siteUrl } from "@/lib/features/site/paths";
import { publicApiOptions, publicApiRoute } from "@/lib/server/route";

/** GET /api/publik/v1/openapi.json: the API's OpenAPI 3.1 description. */
export const GET = publicApiRoute(async () => openApiDocument(siteUrl("/api/publik/v1")));
export const OPTIONS = publicApiOptions;
