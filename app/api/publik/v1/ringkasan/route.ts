import { getOpenFigures } from "@/lib/features/open-data/queries";
import { publicApiOptions, publicApiRoute } from "@/lib/server/route";

/** GET /api/publik/v1/ringkasan: the program's figures (villages by stage, offices, sessions, people reached). */
export const GET = publicApiRoute(async () => getOpenFigures());
export const OPTIONS = publicApiOptions;
