import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { officeWhere, type SessionUser } from "@/lib/server/scope";
import { setChangeContext } from "@/lib/features/offices/reference";
import type { changeWorkAreaSchema } from "@/lib/features/offices/schemas";

type Tx = Prisma.TransactionClient;
type Named = { id: string; name: string };

/**
 * What a new work area for one office means. A regency it gains is taken from whichever office
 * holds it, with every desa binaan there; a regency it gives up must have none of its desa
 * binaan, since nobody would be responsible for them ("blocked": the change is refused).
 */
export type WorkAreaPlan = {
  office: Named;
  added: { code: string; name: string; from: Named[] }[];
  removed: { code: string; name: string }[];
  blocked: { code: string; name: string; villages: number }[];
  moves: { id: string; villageCode: string; villageName: string; regency: string; from: Named; to: Named }[];
};

async function planWorkAreaChange(client: Tx, office: Named, regencyCodes: string[]): Promise<WorkAreaPlan> {
  const regencies = await client.regency.findMany({ where: { code: { in: regencyCodes } }, select: { code: true, name: true } });
  if (regencies.length !== regencyCodes.length) {
    throw new AppError("VALIDATION", undefined, { regencyCodes: "office.errors.unknownRegency" });
  }
  const current = await client.officeRegency.findMany({
    where: { officeId: office.id },
    select: { regency: { select: { code: true, name: true } } },
  });
  const currentCodes = new Set(current.map((r) => r.regency.code));
  const wanted = new Set(regencyCodes);
  const added = regencies.filter((r) => !currentCodes.has(r.code));
  const removed = current.map((r) => r.regency).filter((r) => !wanted.has(r.code));
  const addedCodes = added.map((r) => r.code);
  const removedCodes = removed.map((r) => r.code);

  const [holders, moving, stranded] = await Promise.all([
    client.officeRegency.findMany({
      where: { regencyCode: { in: addedCodes }, officeId: { not: office.id } },
      select: { regencyCode: true, office: { select: { id: true, name: true } } },
      orderBy: { office: { name: "asc" } },
    }),
    client.desaBinaan.findMany({
      where: { officeId: { not: office.id }, village: { regencyCode: { in: addedCodes } } },
      select: {
        id: true,
        villageCode: true,
        villageName: true,
        office: { select: { id: true, name: true } },
        village: { select: { regency: { select: { name: true } } } },
      },
      orderBy: [{ villageName: "asc" }, { id: "asc" }],
    }),
    client.desaBinaan.findMany({
      where: { officeId: office.id, village: { regencyCode: { in: removedCodes } } },
      select: { village: { select: { regencyCode: true } } },
    }),
  ]);
  const strandedBy = new Map<string, number>();
  for (const s of stranded) strandedBy.set(s.village.regencyCode, (strandedBy.get(s.village.regencyCode) ?? 0) + 1);
  return {
    office,
    added: added.map((r) => ({ ...r, from: holders.filter((h) => h.regencyCode === r.code).map((h) => h.office) })),
    removed,
    blocked: removed.filter((r) => strandedBy.has(r.code)).map((r) => ({ ...r, villages: strandedBy.get(r.code) ?? 0 })),
    moves: moving.map((m) => ({
      id: m.id,
      villageCode: m.villageCode,
      villageName: m.villageName,
      regency: m.village.regency.name,
      from: m.office,
      to: office,
    })),
  };
}

async function scopedOffice(actor: SessionUser, officeId: string) {
  const office = await db.office.findFirst({
    where: { AND: [{ id: assertId(officeId) }, officeWhere(actor, "manage:office")] },
    select: { id: true, name: true, version: true },
  });
  if (!office) throw new AppError("NOT_FOUND");
  return office;
}

const stale = () => new AppError("CONFLICT", undefined, { _form: "office.errors.stale" });

/** What confirming would do; writes nothing. A stale version is reported now rather than at confirmation. */
export async function previewWorkAreaChange(actor: SessionUser, input: z.output<typeof changeWorkAreaSchema>): Promise<WorkAreaPlan> {
  const office = await scopedOffice(actor, input.officeId);
  if (office.version !== input.version) throw stale();
  return planWorkAreaChange(db, { id: office.id, name: office.name }, input.regencyCodes);
}

/**
 * Applies a new work area in one transaction: the office's regencies, those it takes from other
 * offices, the desa binaan in them (with their village accounts; PIMPASA of the old office are
 * unassigned), the history (by triggers, dated input.effectiveOn) and audit entries for the
 * office and for every office that gave something up.
 */
export async function changeWorkArea(actor: SessionUser, input: z.output<typeof changeWorkAreaSchema>) {
  const office = await scopedOffice(actor, input.officeId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.office.updateMany({ where: { id: office.id, version: input.version }, data: { version: { increment: 1 } } });
    if (count === 0) throw stale();
    const plan = await planWorkAreaChange(tx, { id: office.id, name: office.name }, input.regencyCodes);
    if (plan.blocked.length > 0) {
      throw new AppError("VALIDATION", undefined, { regencyCodes: "office.errors.wouldOrphan" });
    }
    const moveIds = plan.moves.map((m) => m.id);
    if (input.expectedMoves && [...input.expectedMoves].sort().join() !== [...moveIds].sort().join()) {
      throw new AppError("CONFLICT", undefined, { _form: "office.errors.planChanged" });
    }
    const addedCodes = plan.added.map((r) => r.code);
    const removedCodes = plan.removed.map((r) => r.code);
    const touched = [...addedCodes, ...removedCodes];
    if (touched.length === 0) return { id: office.id, version: input.version + 1, moved: 0 };

    // History stays in order: a change cannot take effect before the responsibility it ends began.
    const latest = await tx.officeRegencyPeriod.aggregate({
      where: { regencyCode: { in: touched }, validUntil: null },
      _max: { validFrom: true },
    });
    if (latest._max.validFrom && latest._max.validFrom.toISOString().slice(0, 10) > input.effectiveOn) {
      throw new AppError("VALIDATION", undefined, { effectiveOn: "office.errors.effectiveTooEarly" });
    }

    await setChangeContext(tx, actor, input.effectiveOn);
    const losers = new Map<string, { name: string; regencies: string[]; villages: string[] }>();
    for (const r of plan.added) {
      for (const from of r.from) {
        const entry = losers.get(from.id) ?? { name: from.name, regencies: [], villages: [] };
        entry.regencies.push(r.code);
        losers.set(from.id, entry);
      }
    }
    for (const m of plan.moves) {
      const entry = losers.get(m.from.id) ?? { name: m.from.name, regencies: [], villages: [] };
      entry.villages.push(m.villageCode);
      losers.set(m.from.id, entry);
    }

    await tx.officeRegency.deleteMany({ where: { regencyCode: { in: addedCodes }, officeId: { not: office.id } } });
    await tx.officeRegency.deleteMany({ where: { officeId: office.id, regencyCode: { in: removedCodes } } });
    await tx.officeRegency.createMany({ data: addedCodes.map((regencyCode) => ({ officeId: office.id, regencyCode })) });
    if (moveIds.length > 0) {
      await tx.desaBinaan.updateMany({ where: { id: { in: moveIds } }, data: { officeId: office.id } });
      await tx.user.updateMany({ where: { desaBinaanId: { in: moveIds }, role: "VILLAGE" }, data: { officeId: office.id } });
      await tx.desaBinaanOfficer.deleteMany({ where: { desaBinaanId: { in: moveIds } } });
    }
    if (losers.size > 0) {
      await tx.office.updateMany({ where: { id: { in: [...losers.keys()] } }, data: { version: { increment: 1 } } });
    }

    const movedVillages = plan.moves.map((m) => ({ id: m.id, villageCode: m.villageCode, villageName: m.villageName, from: m.from.name }));
    await recordAudit(tx, actor, {
      action: "office.work_area_change",
      entityType: "office",
      entityId: office.id,
      officeId: office.id,
      changes: {
        before: { regencyCodes: [...removedCodes] },
        after: { regencyCodes: addedCodes, effectiveOn: input.effectiveOn, movedVillages },
      },
    });
    for (const [loserId, lost] of losers) {
      await recordAudit(tx, actor, {
        action: "office.work_area_transfer_out",
        entityType: "office",
        entityId: loserId,
        officeId: loserId,
        changes: {
          before: { regencyCodes: lost.regencies, villageCodes: lost.villages },
          after: { office: office.name, effectiveOn: input.effectiveOn },
        },
      });
    }
    return { id: office.id, version: input.version + 1, moved: moveIds.length };
  });
}
