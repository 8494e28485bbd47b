import { findOpenProvinces } from "@/lib/features/open-data/queries";
import { publicApiOptions, publicApiRoute } from "@/lib/server/route";

/** GET /api/publik/v1/provinsi: every province with its desa binaan, sessions held and people reached. */
export const GET = publicApiRoute(async () => ({ provinces: await findOpenProvinces() }));
export const OPTIONS = publicApiOptions;
