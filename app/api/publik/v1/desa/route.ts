import { findOpenVillages, parseOpenQuery } from "@/lib/features/open-data/queries";
import { villageListQuerySchema } from "@/lib/features/open-data/schemas";
import { publicApiOptions, publicApiRoute } from "@/lib/server/route";

/** GET /api/publik/v1/desa?q=&provinsi=&halaman=: public desa binaan, 100 a page. */
export const GET = publicApiRoute(async ({ searchParams }) => {
  const query = parseOpenQuery(villageListQuerySchema, searchParams);
  return findOpenVillages({ query: query.q, provinceCode: query.provinsi, page: query.halaman });
});
export const OPTIONS = publicApiOptions;
