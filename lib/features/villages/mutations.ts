import "server-only";
import { localDay } from "@/lib/features/events/local-time";
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VillageStage } from "@/lib/generated/prisma/enums";
import { recordAudit, diffFields } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { desaBinaanWhere, requireScope, type SessionUser } from "@/lib/server/scope";
import type {
  changeStageSchema,
  registerVillageSchema,
  updateVillageSchema,
} from "@/lib/features/villages/schemas";

type Tx = Prisma.TransactionClient;

/** Officers of `officeId` that may be assigned to its villages; anything else is a field error. */
async function checkOfficers(tx: Tx, officeId: string, officerIds: string[]): Promise<string[]> {
  const unique = [...new Set(officerIds)];
  if (unique.length === 0) return unique;
  const found = await tx.user.count({
    where: { id: { in: unique }, officeId, active: true, role: { in: ["OFFICE_OFFICER", "OFFICE_ADMIN"] } },
  });
  if (found !== unique.length) throw new AppError("VALIDATION", undefined, { officerIds: "validation.officerNotInOffice" });
  return unique;
}

/**
 * Registers a real village as a desa binaan of the actor's own office. The village must lie in
 * the office's work area and not be adopted yet (the unique village code settles a race).
 */
export async function registerVillage(actor: SessionUser, input: z.output<typeof registerVillageSchema>) {
  requireScope(actor, "create:village");
  const officeId = actor.officeId;
  if (!officeId) throw new AppError("FORBIDDEN");

  const village = await db.village.findUnique({
    where: { code: input.villageCode },
    select: { code: true, regencyCode: true, desaBinaan: { select: { id: true } }, province: { select: { timeZone: true } } },
  });
  if (!village) throw new AppError("VALIDATION", undefined, { villageCode: "validation.villageCode" });
  const inWorkArea = await db.officeRegency.count({ where: { officeId, regencyCode: village.regencyCode } });
  if (!inWorkArea) throw new AppError("VALIDATION", undefined, { villageCode: "villages.errors.outsideWorkArea" });
  if (village.desaBinaan) throw new AppError("CONFLICT", undefined, { villageCode: "villages.errors.alreadyAdopted" });

  const today = localDay(new Date(), village.province.timeZone);
  if (input.proposedOn && input.proposedOn > today) throw new AppError("VALIDATION", undefined, { proposedOn: "validation.dateFuture" });
  const proposedOn = input.proposedOn ?? today;
  try {
    return await db.$transaction(async (tx) => {
      const officerIds = await checkOfficers(tx, officeId, input.officerIds);
      const created = await tx.desaBinaan.create({
        data: {
          villageCode: village.code,
          officeId,
          stage: "PROPOSED",
          stageChangedAt: proposedOn,
          selectionReason: input.selectionReason,
          migrantWorkerCount: input.migrantWorkerCount,
          prospectiveCount: input.prospectiveCount,
          figuresYear: input.figuresYear,
          isDesaMigranEmas: input.isDesaMigranEmas,
          isDesmigratif: input.isDesmigratif,
          whatsappGroupUrl: input.whatsappGroupUrl,
          createdById: actor.id,
          stageHistory: {
            create: { fromStage: null, toStage: "PROPOSED", effectiveOn: proposedOn, changedById: actor.id },
          },
          officers: { create: officerIds.map((userId) => ({ userId })) },
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "desa_binaan.create",
        entityType: "desa_binaan",
        entityId: created.id,
        officeId,
        changes: { after: { ...input, officerIds } },
      });
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", undefined, { villageCode: "villages.errors.alreadyAdopted" });
    }
    throw error;
  }
}

/** Loads a desa binaan the actor may act on for `key`, or "not found". */
async function villageTimeZone(villageCode: string) {
  const { province } = await db.village.findUniqueOrThrow({ where: { code: villageCode }, select: { province: { select: { timeZone: true } } } });
  return province.timeZone;
}

async function scopedVillage(actor: SessionUser, id: string, key: "update:village") {
  const found = await db.desaBinaan.findFirst({
    where: { AND: [{ id }, desaBinaanWhere(actor, key)] },
    include: { officers: { select: { userId: true } } },
  });
  if (!found) throw new AppError("NOT_FOUND");
  return found;
}

/** Changes the profile: reason, figures, program flags, WhatsApp group and assigned officers. */
export async function updateVillage(actor: SessionUser, input: z.output<typeof updateVillageSchema>) {
  const current = await scopedVillage(actor, input.id, "update:village");
  return db.$transaction(async (tx) => {
    const officerIds = await checkOfficers(tx, current.officeId, input.officerIds);
    const fields = {
      selectionReason: input.selectionReason,
      migrantWorkerCount: input.migrantWorkerCount,
      prospectiveCount: input.prospectiveCount,
      figuresYear: input.figuresYear,
      isDesaMigranEmas: input.isDesaMigranEmas,
      isDesmigratif: input.isDesmigratif,
      whatsappGroupUrl: input.whatsappGroupUrl,
    };
    await tx.desaBinaan.update({ where: { id: current.id }, data: fields });
    const before = current.officers.map((o) => o.userId).sort();
    const after = [...officerIds].sort();
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await tx.desaBinaanOfficer.deleteMany({ where: { desaBinaanId: current.id, userId: { notIn: after } } });
      await tx.desaBinaanOfficer.createMany({
        data: after.filter((u) => !before.includes(u)).map((userId) => ({ desaBinaanId: current.id, userId })),
      });
    }
    const changes = diffFields({ ...current, officerIds: before } as Record<string, unknown>, { ...fields, officerIds: after });
    if (Object.keys(changes.after).length > 0) {
      await recordAudit(tx, actor, {
        action: "desa_binaan.update",
        entityType: "desa_binaan",
        entityId: current.id,
        officeId: current.officeId,
        changes,
      });
    }
    return { id: current.id };
  });
}

/**
 * Moves a desa binaan to another lifecycle stage on the day it happened and appends the
 * timeline row. An inauguration carries its decree; a session given must be the office's own
 * and cover this village.
 */
export async function changeStage(actor: SessionUser, input: z.output<typeof changeStageSchema>) {
  const current = await scopedVillage(actor, input.id, "update:village");
  const toStage = input.toStage as VillageStage;
  if (current.stage === toStage) throw new AppError("VALIDATION", undefined, { toStage: "villages.errors.sameStage" });
  // Nothing can have happened after today where the village is.
  const today = localDay(new Date(), await villageTimeZone(current.villageCode));
  if (input.effectiveOn > today) throw new AppError("VALIDATION", undefined, { effectiveOn: "validation.dateFuture" });
  if (input.decreeDate && input.decreeDate > today) throw new AppError("VALIDATION", undefined, { decreeDate: "validation.dateFuture" });
  // The timeline reads in order: a change cannot predate the one before it.
  if (input.effectiveOn.toISOString().slice(0, 10) < current.stageChangedAt.toISOString().slice(0, 10)) {
    throw new AppError("VALIDATION", undefined, { effectiveOn: "villages.errors.beforeLastChange" });
  }
  if (input.eventId) {
    const linked = await db.eventVillage.count({
      where: { eventId: input.eventId, desaBinaanId: current.id, event: { officeId: current.officeId } },
    });
    if (!linked) throw new AppError("VALIDATION", undefined, { eventId: "villages.errors.eventNotLinked" });
  }
  const decreeDate = toStage === "INAUGURATED" ? (input.decreeDate ?? input.effectiveOn) : null;
  return db.$transaction(async (tx) => {
    const data: Prisma.DesaBinaanUpdateInput = { stage: toStage, stageChangedAt: input.effectiveOn };
    if (toStage === "DECLARED") data.declaredOn = input.effectiveOn;
    if (toStage === "INAUGURATED") {
      data.inauguratedOn = input.effectiveOn;
      data.decreeNumber = input.decreeNumber;
      data.decreeDate = decreeDate;
    }
    await tx.desaBinaan.update({ where: { id: current.id }, data });
    const change = await tx.desaBinaanStageChange.create({
      data: {
        desaBinaanId: current.id,
        fromStage: current.stage,
        toStage,
        effectiveOn: input.effectiveOn,
        note: input.note,
        decreeNumber: toStage === "INAUGURATED" ? input.decreeNumber : null,
        eventId: input.eventId,
        changedById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "desa_binaan.stage",
      entityType: "desa_binaan",
      entityId: current.id,
      officeId: current.officeId,
      changes: {
        before: { stage: current.stage },
        after: {
          stage: toStage,
          effectiveOn: input.effectiveOn.toISOString().slice(0, 10),
          note: input.note,
          decreeNumber: input.decreeNumber,
          decreeDate: decreeDate?.toISOString().slice(0, 10) ?? null,
          eventId: input.eventId,
        },
      },
    });
    return change;
  });
}
