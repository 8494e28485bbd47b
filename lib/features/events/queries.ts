import "server-only";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { desaBinaanScopeSql, desaBinaanWhere, eventWhere, mayActOn, officeScopeSql, type SessionUser } from "@/lib/server/scope";
import { select, selectTogether } from "@/lib/server/sql";
import { narrowChoices } from "@/lib/choices";
import { can } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventListFilter } from "@/lib/features/events/schemas";
import { wibStartOfDay } from "@/lib/features/reports/period";

const dayParts = (day: string) => day.split("-").map(Number) as [number, number, number];

export const ATTENDEE_PAGE_SIZE = 50;

const listSelect = {
  id: true,
  type: true,
  status: true,
  title: true,
  venueName: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  office: { select: { name: true } },
  _count: { select: { attendees: true } },
} as const;

/** Sessions the user may read, newest first, narrowed by the filter; a page of 50. */
export async function findEvents(user: SessionUser, opts: EventListFilter = {}) {
  const and: Prisma.EventWhereInput[] = [eventWhere(user, "read:event")];
  if (opts.q) {
    const contains = { contains: opts.q, mode: "insensitive" as const };
    and.push({ OR: [{ title: contains }, { theme: contains }, { venueName: contains }] });
  }
  if (opts.type) and.push({ type: opts.type });
  if (opts.status) and.push({ status: opts.status });
  if (opts.desaBinaanId) and.push({ villages: { some: { desaBinaanId: opts.desaBinaanId } } });
  // a session belongs to the province of the office that holds it (as on the dashboard)
  if (opts.province) and.push({ office: { provinceCode: opts.province } });
  if (opts.from) and.push({ startsAt: { gte: wibStartOfDay(...dayParts(opts.from)) } });
  if (opts.to) and.push({ startsAt: { lt: new Date(wibStartOfDay(...dayParts(opts.to)).getTime() + 86_400_000) } });
  const where = { AND: and };
  const page = Math.max(1, opts.page ?? 1);
  const [rows, total] = await Promise.all([
    db.event.findMany({ where, orderBy: { startsAt: "desc" }, skip: (page - 1) * 50, take: 50, select: listSelect }),
    db.event.count({ where }),
  ]);
  return { rows, total, page, pageSize: 50 };
}

/** Sessions overlapping [from, to) for the month calendar. */
export async function findEventsBetween(user: SessionUser, from: Date, to: Date) {
  return db.event.findMany({
    where: { AND: [eventWhere(user, "read:event"), { startsAt: { lt: to }, endsAt: { gte: from } }] },
    orderBy: { startsAt: "asc" },
    take: 500,
    select: listSelect,
  });
}

/** One session with everything its page shows; attendance totals from names and counts together. */
export async function getEvent(user: SessionUser, id: string) {
  const event = await db.event.findFirst({
    where: { AND: [{ id: assertId(id) }, eventWhere(user, "read:event")] },
    include: {
      office: { select: { id: true, name: true, kanwilId: true } },
      villages: {
        select: {
          desaBinaan: {
            select: { id: true, stage: true, village: { select: { name: true, district: { select: { name: true } } } } },
          },
        },
      },
      speakers: { orderBy: { sortOrder: "asc" }, include: { institution: { select: { name: true } } } },
      partners: { include: { institution: { select: { id: true, name: true } } } },
      counts: true,
      photos: { orderBy: { createdAt: "asc" }, select: { id: true, caption: true, file: { select: { width: true, height: true } } } },
    },
  });
  if (!event) throw new AppError("NOT_FOUND");
  // Counts are not personal data: everyone who may read the session sees the totals; the list
  // of people needs read:attendance (findAttendees).
  const named = await db.attendee.groupBy({ by: ["gender"], where: { eventId: event.id }, _count: { _all: true } });
  const namedTotal = named.reduce((n, g) => n + g._count._all, 0);
  const countTotal = event.counts.reduce((n, c) => n + c.male + c.female + c.unknown, 0);
  const place = { officeId: event.officeId, kanwilId: event.office.kanwilId, desaBinaanIds: event.villages.map((v) => v.desaBinaan.id) };
  return {
    ...event,
    /** What the user may do with this session; pages only read it. */
    can: {
      edit: mayActOn(user, "update:event", place),
      attend: mayActOn(user, "create:attendance", place),
      /** Paper quiz answers are typed in by whoever records attendance (ADR 0025). */
      tally: mayActOn(user, "update:attendance", place),
      readAttendees: mayActOn(user, "read:attendance", place),
      export: mayActOn(user, "export:attendance", place),
    },
    // Village accounts see the session, not who came (UU PDP): only the code stays hidden too.
    checkInCode: can(user.role, "update:event") ? event.checkInCode : null,
    attendance: {
      named: namedTotal,
      counted: countTotal,
      total: namedTotal + countTotal,
      male: (named.find((g) => g.gender === "L")?._count._all ?? 0) + event.counts.reduce((n, c) => n + c.male, 0),
      female: (named.find((g) => g.gender === "P")?._count._all ?? 0) + event.counts.reduce((n, c) => n + c.female, 0),
      unknown: (named.find((g) => g.gender === null)?._count._all ?? 0) + event.counts.reduce((n, c) => n + c.unknown, 0),
    },
  };
}

/** A page of named attendees; personal data, so read:attendance is required. */
export async function findAttendees(user: SessionUser, eventId: string, page = 1) {
  const event = await db.event.findFirst({
    where: { AND: [{ id: assertId(eventId) }, eventWhere(user, "read:attendance")] },
    select: { id: true },
  });
  if (!event) throw new AppError("NOT_FOUND");
  const current = Math.max(1, page);
  const [rows, total] = await Promise.all([
    db.attendee.findMany({
      where: { eventId: event.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (current - 1) * ATTENDEE_PAGE_SIZE,
      take: ATTENDEE_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        category: true,
        position: true,
        institutionName: true,
        gender: true,
        phone: true,
        source: true,
        desaBinaan: { select: { village: { select: { name: true } } } },
      },
    }),
    db.attendee.count({ where: { eventId: event.id } }),
  ]);
  return { rows, total, page: current, pageSize: ATTENDEE_PAGE_SIZE };
}

/** Everything an export or the paper sheet needs; export:attendance scopes it. */
export async function getAttendanceExport(user: SessionUser, eventId: string) {
  const event = await db.event.findFirst({
    where: { AND: [{ id: assertId(eventId) }, eventWhere(user, "export:attendance")] },
    select: {
      id: true,
      title: true,
      type: true,
      venueName: true,
      timeZone: true,
      startsAt: true,
      endsAt: true,
      office: { select: { name: true } },
      counts: { select: { category: true, male: true, female: true, unknown: true } },
      attendees: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          name: true,
          category: true,
          position: true,
          institutionName: true,
          gender: true,
          phone: true,
          source: true,
          consentAt: true,
          createdAt: true,
          desaBinaan: { select: { village: { select: { name: true } } } },
        },
      },
    },
  });
  if (!event) throw new AppError("NOT_FOUND");
  return event;
}

/**
 * The session list's province and village filters among what the user may read. Provinces only
 * when the sessions span several (a session's province is its office's); a long village list waits
 * for a province (lib/choices.ts): 2,000 villages in every national page were most of its weight.
 */
export async function findEventFilterOptions(user: SessionUser, filter: Pick<EventListFilter, "province" | "desaBinaanId"> = {}) {
  const rows = await selectTogether({
    provinces: select<{ code: string; name: string }>`
      SELECT p.code, p.name FROM province p
      WHERE p.code IN (SELECT o.province_code FROM office o WHERE ${officeScopeSql(user, "read:event")})
      ORDER BY p.name, p.code`,
    villages: select<{ value: string; label: string; provinceCode: string }>`
      SELECT d.id::text AS value, d.village_name AS label, left(d.village_code, 2) AS "provinceCode"
      FROM desa_binaan d WHERE ${desaBinaanScopeSql(user, "read:village")}
      ORDER BY d.village_name, d.id`,
  });
  // With sessions in one province there is no province filter: that province is the choice.
  const province = rows.provinces.length > 1 ? filter.province : rows.provinces[0]?.code;
  const villages = narrowChoices(rows.villages, province, (v) => v.value === filter.desaBinaanId);
  return {
    provinces: rows.provinces.length > 1 ? rows.provinces.map((p) => ({ value: p.code, label: p.name })) : [],
    villages: villages.choices.map(({ value, label }) => ({ value, label })),
    villagesNeedProvince: villages.needsProvince,
  };
}

/** Villages of the user's office to link a session to, with the zone of each. */
export async function findEventVillageChoices(user: SessionUser) {
  const rows = await db.desaBinaan.findMany({
    where: desaBinaanWhere(user, "create:event"),
    orderBy: { village: { name: "asc" } },
    take: 1000,
    select: {
      id: true,
      village: { select: { name: true, district: { select: { name: true } }, province: { select: { timeZone: true } } } },
    },
  });
  return rows.map((r) => ({ id: r.id, label: `${r.village.name}, ${r.village.district.name}`, timeZone: r.village.province.timeZone }));
}

/** The partner directory: national entries and the office's own. */
export async function findInstitutions(user: SessionUser) {
  const officeId = user.officeId;
  return db.institution.findMany({
    where: { OR: [{ officeId: null }, ...(officeId ? [{ officeId }] : [])] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, officeId: true },
  });
}

/** The office's own zone, the default for a session without a venue village. */
export async function getOwnOfficeTimeZone(user: SessionUser) {
  if (!user.officeId) throw new AppError("FORBIDDEN");
  const office = await db.office.findUniqueOrThrow({ where: { id: user.officeId }, select: { province: { select: { timeZone: true } } } });
  return office.province.timeZone;
}

/** What the public check-in page shows: no attendee data at all. */
export async function getCheckInSession(code: string) {
  if (!/^[0-9A-Za-z]{4,16}$/.test(code)) return null;
  return db.event.findUnique({
    where: { checkInCode: code.toUpperCase() },
    select: {
      title: true,
      type: true,
      venueName: true,
      timeZone: true,
      startsAt: true,
      endsAt: true,
      status: true,
      checkInOpen: true,
      office: { select: { name: true } },
      villages: { select: { desaBinaan: { select: { village: { select: { name: true } } } } } },
    },
  });
}

/** A session photo, if the user may read the session. */
export async function getEventPhotoFile(user: SessionUser, eventId: string, photoId: string) {
  const photo = await db.eventPhoto.findFirst({
    where: { id: assertId(photoId), event: { AND: [{ id: assertId(eventId) }, eventWhere(user, "read:event")] } },
    select: { file: { select: { data: true, mimeType: true, fileName: true, sha256: true } } },
  });
  if (!photo) throw new AppError("NOT_FOUND");
  return photo.file;
}

/** A session as its edit form needs it; update:event scopes it, so a cancelled one is refused. */
export async function getEventForEdit(user: SessionUser, id: string) {
  const event = await db.event.findFirst({
    where: { AND: [{ id: assertId(id) }, eventWhere(user, "update:event"), { status: { not: "CANCELLED" } }] },
    include: {
      villages: { select: { desaBinaanId: true } },
      speakers: { orderBy: { sortOrder: "asc" } },
      partners: { select: { institutionId: true } },
      office: { select: { province: { select: { timeZone: true } } } },
    },
  });
  if (!event) throw new AppError("NOT_FOUND");
  const venue = event.venueVillageCode
    ? await db.desaBinaan.findFirst({ where: { villageCode: event.venueVillageCode, officeId: event.officeId }, select: { id: true } })
    : null;
  return { ...event, venueVillageId: venue?.id ?? null, officeTimeZone: event.office.province.timeZone };
}

/**
 * Coming sessions of one desa binaan, for its village page (read:event scopes it, so a village
 * account sees only its own). Kept here so the villages feature reuses it rather than re-querying.
 */
export async function findUpcomingEventsForVillage(user: SessionUser, desaBinaanId: string, take = 5) {
  return db.event.findMany({
    where: {
      AND: [
        eventWhere(user, "read:event"),
        { villages: { some: { desaBinaanId: assertId(desaBinaanId) } } },
        { status: { in: ["SCHEDULED", "POSTPONED"] }, endsAt: { gte: new Date() } },
      ],
    },
    orderBy: { startsAt: "asc" },
    take,
    select: { id: true, title: true, type: true, status: true, startsAt: true, endsAt: true, timeZone: true, venueName: true },
  });
}
