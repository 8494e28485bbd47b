import type { VillageStage } from "@/lib/generated/prisma/enums";

/** The lifecycle of a desa binaan, in program order. */
export const VILLAGE_STAGES: readonly VillageStage[] = [
  "PROPOSED",
  "SOCIALISED",
  "DECLARED",
  "INAUGURATED",
  "MENTORING",
  "INACTIVE",
];
