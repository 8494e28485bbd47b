import { findOpenMaterials, parseOpenQuery } from "@/lib/features/open-data/queries";
import { materialListQuerySchema } from "@/lib/features/open-data/schemas";
import { languageOf } from "@/lib/features/site/paths";
import { publicApiOptions, publicApiRoute } from "@/lib/server/route";

/** GET /api/publik/v1/materi?bahasa=id|en&kategori=: published material, newest first. */
export const GET = publicApiRoute(async ({ searchParams }) => {
  const query = parseOpenQuery(materialListQuerySchema, searchParams);
  return { materials: await findOpenMaterials({ language: query.bahasa ? languageOf(query.bahasa) : undefined, category: query.kategori }) };
});
export const OPTIONS = publicApiOptions;
