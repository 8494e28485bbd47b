import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventType, VillageStage } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/server/audit";
import { stageRank } from "@/lib/stages";
import type { SessionUser } from "@/lib/server/scope";

/** The stage a held session of this type brings its villages to, if any. */
export const STAGE_REACHED_BY: Partial<Record<EventType, VillageStage>> = {
  PENCANANGAN: "DECLARED",
  PERESMIAN: "INAUGURATED",
};

/**
 * Moves each given desa binaan forward to `toStage` if its stage is earlier, appending the
 * history row and an audit entry, inside the caller's transaction. Villages already at or past
 * the stage (or inactive) are untouched. Returns the ids that moved. Reusable by the villages
 * feature for any event-driven stage change.
 */
export async function advanceVillageStages(
  tx: Prisma.TransactionClient,
  actor: SessionUser,
  input: { desaBinaanIds: string[]; toStage: VillageStage; effectiveOn: Date; eventId?: string | null; note?: string | null },
): Promise<string[]> {
  if (input.desaBinaanIds.length === 0) return [];
  const villages = await tx.desaBinaan.findMany({
    where: { id: { in: input.desaBinaanIds } },
    select: { id: true, stage: true, officeId: true },
  });
  const moved: string[] = [];
  for (const v of villages) {
    if (stageRank(v.stage) < 0 || stageRank(v.stage) >= stageRank(input.toStage)) continue;
    const dateField =
      input.toStage === "DECLARED" ? { declaredOn: input.effectiveOn } : input.toStage === "INAUGURATED" ? { inauguratedOn: input.effectiveOn } : {};
    await tx.desaBinaan.update({
      where: { id: v.id },
      data: { stage: input.toStage, stageChangedAt: input.effectiveOn, ...dateField },
    });
    await tx.desaBinaanStageChange.create({
      data: {
        desaBinaanId: v.id,
        fromStage: v.stage,
        toStage: input.toStage,
        effectiveOn: input.effectiveOn,
        eventId: input.eventId ?? null,
        note: input.note ?? null,
        changedById: actor.id,
      },
    });
    await recordAudit(tx, actor, {
      action: "village.stage",
      entityType: "desa_binaan",
      entityId: v.id,
      officeId: v.officeId,
      changes: { before: { stage: v.stage }, after: { stage: input.toStage, eventId: input.eventId ?? null } },
    });
    moved.push(v.id);
  }
  return moved;
}
