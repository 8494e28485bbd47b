import "server-only";
/**
 * Sessions as iCalendar (RFC 5545; ADR 0019b): one .ics per session and a private feed per
 * person. Each session is one VEVENT whose UID never changes; its SEQUENCE grows with every
 * change (postponed, edited, cancelled), so a phone calendar replaces the entry it has instead of
 * adding another, and a cancellation is the same UID with STATUS:CANCELLED. Times are written in
 * the venue's zone (TZID Asia/Jakarta, Asia/Makassar, Asia/Jayapura) with its VTIMEZONE.
 */
import { createHash, randomBytes } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { zoneAbbreviation } from "@/lib/dates";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { eventWhere, type SessionUser } from "@/lib/server/scope";

/** A feed URL lives a year; then (or once revoked) it answers 404 and the person makes a new one. */
export const FEED_LIFETIME_DAYS = 365;
/** The feed carries the sessions of the last 90 days and everything ahead, at most this many. */
const FEED_PAST_DAYS = 90;
const FEED_MAX_EVENTS = 1000;

const UID_DOMAIN = "desabinaan.imigrasi.go.id";

/**
 * Indonesia's three zones have had one offset all year since 1988: each VTIMEZONE is one
 * STANDARD block. Any other zone is left to the calendar app (no VTIMEZONE rather than a wrong one).
 */
const FIXED_OFFSETS: Record<string, string> = { "Asia/Jakarta": "+0700", "Asia/Makassar": "+0800", "Asia/Jayapura": "+0900" };
function vtimezone(zone: string): string | null {
  const offset = FIXED_OFFSETS[zone];
  if (!offset) return null;
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${zone}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${zoneAbbreviation(zone)}`,
    "END:STANDARD",
    "END:VTIMEZONE",
  ].join("\r\n");
}

const CALENDAR_SELECT = {
  id: true,
  title: true,
  theme: true,
  status: true,
  venueName: true,
  venueAddress: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  updatedAt: true,
  createdAt: true,
  calendarSequence: true,
  office: { select: { name: true } },
} as const;

type CalendarEvent = {
  id: string;
  title: string;
  theme: string | null;
  status: string;
  venueName: string;
  venueAddress: string | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  createdAt: Date;
  calendarSequence: number;
  office: { name: string };
};

/** The iCalendar text of these sessions; `baseUrl` makes each entry link to its page. */
export function renderCalendar(events: CalendarEvent[], options: { name: string; baseUrl: string; now?: Date }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "Ditjen Imigrasi", product: "Portal Desa Binaan Imigrasi", language: "ID" },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: vtimezone },
  });
  for (const event of events) {
    calendar.createEvent({
      id: `${event.id}@${UID_DOMAIN}`,
      sequence: event.calendarSequence,
      stamp: options.now ?? new Date(),
      created: event.createdAt,
      lastModified: event.updatedAt,
      timezone: event.timeZone,
      start: new TZDate(event.startsAt.getTime(), event.timeZone),
      end: new TZDate(event.endsAt.getTime(), event.timeZone),
      summary: event.title,
      description: [event.theme, event.office.name].filter(Boolean).join("\n"),
      location: [event.venueName, event.venueAddress].filter(Boolean).join(", "),
      url: `${options.baseUrl}/portal/kegiatan/${event.id}`,
      status: event.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** One session the user may read, for its .ics (another office's reads as NOT_FOUND). */
export async function getEventCalendar(user: SessionUser, eventId: string) {
  const event = await db.event.findFirst({ where: { AND: [{ id: assertId(eventId) }, eventWhere(user, "read:event")] }, select: CALENDAR_SELECT });
  if (!event) throw new AppError("NOT_FOUND");
  return event;
}

// ───────────────────────────── The private feed ─────────────────────────────

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
/** 32 random bytes, URL-safe: the whole secret of the feed URL. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function getCalendarFeedState(user: SessionUser) {
  const feed = await db.calendarFeed.findUnique({ where: { userId: user.id }, select: { createdAt: true, expiresAt: true, lastUsedAt: true } });
  return feed && feed.expiresAt > new Date() ? feed : null;
}

/** A new feed URL for the user (the previous one stops working): the token is shown once. */
export async function createCalendarFeed(user: SessionUser, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + FEED_LIFETIME_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.deleteMany({ where: { userId: user.id } });
    const feed = await tx.calendarFeed.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt, createdAt: now }, select: { id: true } });
    await recordAudit(tx, user, { action: "calendar_feed.create", entityType: "calendar_feed", entityId: feed.id, officeId: user.officeId });
  });
  return { token, expiresAt };
}

export async function revokeCalendarFeed(user: SessionUser): Promise<{ revoked: boolean }> {
  return db.$transaction(async (tx) => {
    const feed = await tx.calendarFeed.findUnique({ where: { userId: user.id }, select: { id: true } });
    if (!feed) return { revoked: false };
    await tx.calendarFeed.delete({ where: { id: feed.id } });
    await recordAudit(tx, user, { action: "calendar_feed.revoke", entityType: "calendar_feed", entityId: feed.id, officeId: user.officeId });
    return { revoked: true };
  });
}

/**
 * The sessions of a feed token's owner, scoped as the owner's pages are (their role and office
 * today, not when the URL was made). An unknown, revoked or expired token, or an owner no longer
 * active, is NOT_FOUND: the URL reveals nothing.
 */
export async function findFeedEvents(token: string, now = new Date()): Promise<CalendarEvent[]> {
  if (!TOKEN.test(token)) throw new AppError("NOT_FOUND");
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, expiresAt: true, lastUsedAt: true, user: { select: { id: true, name: true, email: true, role: true, officeId: true, kanwilId: true, desaBinaanId: true, active: true } } },
  });
  if (!feed || feed.expiresAt <= now || !feed.user.active) throw new AppError("NOT_FOUND");
  const events = await db.event.findMany({
    where: { AND: [eventWhere(feed.user, "read:event"), { endsAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) } }] },
    orderBy: { startsAt: "asc" },
    take: FEED_MAX_EVENTS,
    select: CALENDAR_SELECT,
  });
  // when it was last read, at most once an hour (a phone polls often; no write per poll)
  if (!feed.lastUsedAt || now.getTime() - feed.lastUsedAt.getTime() > 3_600_000) {
    await db.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: now } });
  }
  return events;
}
