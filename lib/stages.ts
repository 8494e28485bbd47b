import type { VillageStage } from "@/lib/generated/prisma/enums";

/** The lifecycle of a desa binaan, in program order: the one list every schema and view uses. */
export const VILLAGE_STAGES = [
  "PROPOSED",
  "SOCIALISED",
  "DECLARED",
  "INAUGURATED",
  "MENTORING",
  "INACTIVE",
] as const satisfies readonly VillageStage[];

/**
 * Position in the program, for "is this later?" questions. INACTIVE is not later than anything
 * (-1): an inactive village is never moved forward automatically.
 */
export function stageRank(stage: VillageStage): number {
  return stage === "INACTIVE" ? -1 : VILLAGE_STAGES.indexOf(stage);
}
