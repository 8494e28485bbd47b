import "server-only";
/** Session lifecycle: schedule, change, postpone, cancel, mark held, report, check-in switch, partners. Attendance is in attendance.ts, photos in photos.ts. */
import type { z } from "zod";
import { recordAudit, diffFields } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { requireScope, type SessionUser } from "@/lib/server/scope";
import { advanceVillageStages, STAGE_REACHED_BY } from "@/lib/features/events/lifecycle";
import { loadEvent } from "@/lib/features/events/load-event";
import { localDay, parseLocalDateTime } from "@/lib/features/events/local-time";
import { randomBytes } from "node:crypto";
import type {
  cancelEventSchema,
  eventFormSchema,
  eventReportSchema,
  institutionSchema,
  postponeEventSchema,
  setCheckInOpenSchema,
} from "@/lib/features/events/schemas";

type EventForm = z.output<typeof eventFormSchema>;

// Crockford base32 without I, L, O, U: a code read from a poster is typed without confusion.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export function newCheckInCode(): string {
  let out = "";
  for (const b of randomBytes(8)) out += CROCKFORD[b & 31];
  return out;
}

/**
 * Checks that villages and institutions belong to the office (or are national), and works out
 * the venue's zone: the province of the venue village, else the office's province.
 */
async function resolveEventRefs(officeId: string, input: EventForm) {
  const villageIds = [...new Set([...input.desaBinaanIds, ...(input.venueVillageId ? [input.venueVillageId] : [])])];
  const villages = await db.desaBinaan.findMany({
    where: { id: { in: villageIds }, officeId },
    select: { id: true, villageCode: true, village: { select: { province: { select: { timeZone: true } } } } },
  });
  if (villages.length !== villageIds.length) {
    throw new AppError("VALIDATION", undefined, { desaBinaanIds: "validation.villageRequired" });
  }
  const institutionIds = [...new Set([...input.partnerIds, ...input.speakers.flatMap((s) => (s.institutionId ? [s.institutionId] : []))])];
  const found = await db.institution.count({
    where: { id: { in: institutionIds }, OR: [{ officeId: null }, { officeId }] },
  });
  if (found !== institutionIds.length) throw new AppError("VALIDATION", undefined, { partnerIds: "events.errors.institution" });

  const venue = villages.find((v) => v.id === input.venueVillageId);
  const office = await db.office.findUniqueOrThrow({ where: { id: officeId }, select: { province: { select: { timeZone: true, code: true } } } });
  const timeZone = venue ? venue.village.province.timeZone : office.province.timeZone;
  const startsAt = parseLocalDateTime(input.startsAtLocal, timeZone);
  const endsAt = parseLocalDateTime(input.endsAtLocal, timeZone);
  if (endsAt <= startsAt) throw new AppError("VALIDATION", undefined, { endsAtLocal: "validation.endBeforeStart" });
  return { timeZone, startsAt, endsAt, venueVillageCode: venue?.villageCode ?? null };
}

function eventFields(input: EventForm) {
  return {
    type: input.type,
    title: input.title,
    theme: input.theme,
    description: input.description,
    venueName: input.venueName,
    venueAddress: input.venueAddress,
  };
}

/** Schedules a session of the actor's own office. */
export async function createEvent(actor: SessionUser, input: EventForm) {
  requireScope(actor, "create:event");
  const officeId = actor.officeId;
  if (!officeId) throw new AppError("FORBIDDEN");
  const refs = await resolveEventRefs(officeId, input);
  return db.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        ...eventFields(input),
        ...refs,
        officeId,
        checkInCode: newCheckInCode(),
        createdById: actor.id,
        villages: { create: input.desaBinaanIds.map((desaBinaanId) => ({ desaBinaanId })) },
        speakers: { create: input.speakers.map((s, sortOrder) => ({ ...s, sortOrder })) },
        partners: { create: input.partnerIds.map((institutionId) => ({ institutionId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "event.create",
      entityType: "event",
      entityId: event.id,
      officeId,
      changes: { after: { ...eventFields(input), startsAt: refs.startsAt, endsAt: refs.endsAt, villages: input.desaBinaanIds } },
    });
    return event;
  });
}

/** Edits a session that is not cancelled; villages, speakers and partners are replaced. */
export async function updateEvent(actor: SessionUser, input: EventForm & { eventId: string }) {
  const event = await loadEvent(actor, input.eventId, "update:event");
  if (event.status === "CANCELLED") throw new AppError("CONFLICT", undefined, { _form: "events.errors.eventCancelled" });
  const refs = await resolveEventRefs(event.officeId, input);
  const after = { ...eventFields(input), ...refs };
  await db.$transaction(async (tx) => {
    await tx.event.update({
      where: { id: event.id },
      data: {
        ...after,
        villages: { deleteMany: {}, create: input.desaBinaanIds.map((desaBinaanId) => ({ desaBinaanId })) },
        speakers: { deleteMany: {}, create: input.speakers.map((s, sortOrder) => ({ ...s, sortOrder })) },
        partners: { deleteMany: {}, create: input.partnerIds.map((institutionId) => ({ institutionId })) },
      },
    });
    await recordAudit(tx, actor, {
      action: "event.update",
      entityType: "event",
      entityId: event.id,
      officeId: event.officeId,
      changes: diffFields(event as unknown as Record<string, unknown>, after),
    });
  });
  return { id: event.id };
}

async function setStatus(
  actor: SessionUser,
  eventId: string,
  change: { status: "POSTPONED" | "CANCELLED"; reason: string; startsAtLocal?: string; endsAtLocal?: string },
) {
  const event = await loadEvent(actor, eventId, "update:event");
  if (event.status === "CANCELLED" || event.status === "HELD") {
    throw new AppError("CONFLICT", undefined, { _form: "events.errors.eventClosed" });
  }
  const times =
    change.startsAtLocal && change.endsAtLocal
      ? { startsAt: parseLocalDateTime(change.startsAtLocal, event.timeZone), endsAt: parseLocalDateTime(change.endsAtLocal, event.timeZone) }
      : {};
  return db.$transaction(async (tx) => {
    await tx.event.update({
      where: { id: event.id },
      data: { status: change.status, statusReason: change.reason, checkInOpen: change.status === "CANCELLED" ? false : event.checkInOpen, ...times },
    });
    await recordAudit(tx, actor, {
      action: change.status === "CANCELLED" ? "event.cancel" : "event.postpone",
      entityType: "event",
      entityId: event.id,
      officeId: event.officeId,
      changes: {
        before: { status: event.status, startsAt: event.startsAt, endsAt: event.endsAt },
        after: { status: change.status, reason: change.reason, ...times },
      },
    });
    return { id: event.id };
  });
}

export function postponeEvent(actor: SessionUser, input: z.output<typeof postponeEventSchema>) {
  return setStatus(actor, input.eventId, { status: "POSTPONED", ...input });
}

export function cancelEvent(actor: SessionUser, input: z.output<typeof cancelEventSchema>) {
  return setStatus(actor, input.eventId, { status: "CANCELLED", reason: input.reason });
}

/**
 * Marks a session held (check-in closes). A held pencanangan or peresmian moves its villages
 * forward to DECLARED / INAUGURATED on the session's local date, in the same transaction.
 */
export async function markEventHeld(actor: SessionUser, input: { eventId: string }, now = new Date()) {
  const event = await loadEvent(actor, input.eventId, "update:event");
  if (event.status === "HELD") return { id: event.id, movedVillages: [] as string[] };
  if (event.status === "CANCELLED") throw new AppError("CONFLICT", undefined, { _form: "events.errors.eventCancelled" });
  if (event.startsAt > now) throw new AppError("VALIDATION", undefined, { _form: "events.errors.notStarted" });
  return db.$transaction(async (tx) => {
    // The status guard in the WHERE makes a double click (or two officers) mark it once.
    const updated = await tx.event.updateMany({
      where: { id: event.id, status: { in: ["SCHEDULED", "POSTPONED"] } },
      data: { status: "HELD", heldAt: now, checkInOpen: false },
    });
    if (updated.count === 0) return { id: event.id, movedVillages: [] as string[] };
    await recordAudit(tx, actor, {
      action: "event.held",
      entityType: "event",
      entityId: event.id,
      officeId: event.officeId,
      changes: { before: { status: event.status }, after: { status: "HELD", heldAt: now } },
    });
    const toStage = STAGE_REACHED_BY[event.type];
    const movedVillages = toStage
      ? await advanceVillageStages(tx, actor, {
          desaBinaanIds: event.villages.map((v) => v.desaBinaanId),
          toStage,
          effectiveOn: localDay(event.startsAt, event.timeZone),
          eventId: event.id,
        })
      : [];
    return { id: event.id, movedVillages };
  });
}

export async function saveEventReport(actor: SessionUser, input: z.output<typeof eventReportSchema>) {
  const event = await loadEvent(actor, input.eventId, "update:event");
  if (event.status !== "HELD") throw new AppError("CONFLICT", undefined, { _form: "events.errors.reportNeedsHeld" });
  const after = { reportNotes: input.reportNotes, followUps: input.followUps, whatsappGroupShared: input.whatsappGroupShared };
  await db.$transaction(async (tx) => {
    await tx.event.update({ where: { id: event.id }, data: after });
    await recordAudit(tx, actor, {
      action: "event.report",
      entityType: "event",
      entityId: event.id,
      officeId: event.officeId,
      changes: diffFields(event as unknown as Record<string, unknown>, after),
    });
  });
  return { id: event.id };
}

export async function setCheckInOpen(actor: SessionUser, input: z.output<typeof setCheckInOpenSchema>) {
  const event = await loadEvent(actor, input.eventId, "update:event");
  if (input.open && event.status === "CANCELLED") throw new AppError("CONFLICT", undefined, { _form: "events.errors.eventCancelled" });
  await db.$transaction(async (tx) => {
    await tx.event.update({ where: { id: event.id }, data: { checkInOpen: input.open } });
    await recordAudit(tx, actor, {
      action: input.open ? "event.checkin.open" : "event.checkin.close",
      entityType: "event",
      entityId: event.id,
      officeId: event.officeId,
    });
  });
  return { id: event.id, open: input.open };
}

/** Adds an institution to the office's directory (national ones are seeded by Ditjen). */
export async function createInstitution(actor: SessionUser, input: z.output<typeof institutionSchema>) {
  requireScope(actor, "create:event");
  const officeId = actor.officeId;
  if (!officeId) throw new AppError("FORBIDDEN");
  const clash = await db.institution.findFirst({
    where: { name: { equals: input.name, mode: "insensitive" }, OR: [{ officeId: null }, { officeId }] },
    select: { id: true },
  });
  if (clash) throw new AppError("CONFLICT", undefined, { name: "events.errors.institutionTaken" });
  return db.$transaction(async (tx) => {
    const institution = await tx.institution.create({ data: { name: input.name, kind: input.kind, officeId }, select: { id: true, name: true } });
    await recordAudit(tx, actor, {
      action: "institution.create",
      entityType: "institution",
      entityId: institution.id,
      officeId,
      changes: { after: input },
    });
    return institution;
  });
}
