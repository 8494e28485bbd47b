import { getOpenVillage, parseOpenQuery } from "@/lib/features/open-data/queries";
import { villageCodeSchema } from "@/lib/features/open-data/schemas";
import { publicApiOptions, publicApiRoute } from "@/lib/server/route";

/** GET /api/publik/v1/desa/<Kemendagri code>: one desa binaan (stage, office, sessions, people reached). */
export const GET = publicApiRoute<{ code: string }>(async ({ params }) =>
  getOpenVillage(parseOpenQuery(villageCodeSchema, decodeURIComponent(params.code))),
);
export const OPTIONS = publicApiOptions;
