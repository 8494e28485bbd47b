import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import {
  createCalendarFeed,
  findFeedEvents,
  getCalendarFeedState,
  getEventCalendar,
  renderCalendar,
  revokeCalendarFeed,
} from "@/lib/features/events/calendar";
import { cancelEvent, postponeEvent } from "@/lib/features/events/mutations";
import { createEvent } from "@/lib/factories";
import { createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";
import type { SessionUser } from "@/lib/server/scope";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

/** The .ics parsed back by an independent iCalendar parser: its VEVENTs. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

const ics = async (actor: SessionUser, id: string) => renderCalendar([await getEventCalendar(actor, id)], { name: "x", baseUrl: "https://portal.example" });

describe("a session as .ics", () => {
  it("is valid iCalendar in the venue's zone, and a change or a cancellation is the same UID with a higher SEQUENCE", async () => {
    // 09:00-12:00 WITA (UTC+8) on 10 December 2026
    const event = await createEvent(testDb, {
      officeId: w.officeA.id,
      title: "Sosialisasi TPPO; di balai, desa",
      timeZone: "Asia/Makassar",
      startsAt: new Date("2026-12-10T01:00:00Z"),
      endsAt: new Date("2026-12-10T04:00:00Z"),
      venueName: "Balai Desa",
    });
    const first = parse(await ics(w.officerA, event.id));
    expect(first.calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(first.events).toHaveLength(1);
    const e1 = first.events[0]!;
    expect(e1.uid).toBe(`${event.id}@desabinaan.imigrasi.go.id`);
    expect(e1.summary).toBe("Sosialisasi TPPO; di balai, desa");
    expect(e1.location).toBe("Balai Desa");
    expect(e1.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Asia/Makassar");
    expect(e1.startDate.zone?.tzid).toBe("Asia/Makassar");
    expect([e1.startDate.hour, e1.startDate.minute]).toEqual([9, 0]);
    expect(e1.startDate.toJSDate().toISOString()).toBe("2026-12-10T01:00:00.000Z");
    expect(e1.endDate.toJSDate().toISOString()).toBe("2026-12-10T04:00:00.000Z");
    expect(first.calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Asia/Makassar");
    expect(e1.component.getFirstPropertyValue("status")).toBe("CONFIRMED");

    await postponeEvent(w.officerA, { eventId: event.id, startsAtLocal: "2026-12-17T09:00", endsAtLocal: "2026-12-17T12:00", reason: "Hujan" });
    const second = parse(await ics(w.officerA, event.id)).events[0]!;
    expect(second.uid).toBe(e1.uid);
    expect(second.sequence).toBeGreaterThan(e1.sequence);
    expect(second.startDate.toJSDate().toISOString()).toBe("2026-12-17T01:00:00.000Z");

    await cancelEvent(w.officerA, { eventId: event.id, reason: "Banjir" });
    const third = parse(await ics(w.officerA, event.id)).events[0]!;
    expect(third.uid).toBe(e1.uid);
    expect(third.sequence).toBeGreaterThan(second.sequence);
    expect(third.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("authorization matrix (read:event): its office, Kanwil, Ditjen and village read it; another office gets NOT_FOUND", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, desaBinaanIds: [w.villageA.id] });
    const expected: [SessionUser, string][] = [
      [w.national, "OK"],
      [w.regionalA, "OK"],
      [w.adminA, "OK"],
      [w.officerA, "OK"],
      [w.villageUserA, "OK"],
      [w.adminB, "NOT_FOUND"],
      [w.officerB, "NOT_FOUND"],
    ];
    for (const [actor, result] of expected) {
      expect(can(actor.role, "read:event")).toBe(true);
      expect([actor.role, await outcome(getEventCalendar(actor, event.id))]).toEqual([actor.role, result]);
    }
  });
});

describe("the private feed", () => {
  it("lists the sessions its owner may see, parses back, and answers NOT_FOUND once revoked, replaced or expired", async () => {
    const ofA = await createEvent(testDb, { officeId: w.officeA.id, desaBinaanIds: [w.villageA.id], startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000) });
    const ofB = await createEvent(testDb, { officeId: w.officeB.id, startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000) });
    const ids = async (token: string) => (await findFeedEvents(token)).map((e) => e.id);

    const feedA = await createCalendarFeed(w.officerA);
    expect(await ids(feedA.token)).toContain(ofA.id);
    expect(await ids(feedA.token)).not.toContain(ofB.id);
    const text = renderCalendar(await findFeedEvents(feedA.token), { name: "Kegiatan", baseUrl: "https://portal.example" });
    expect(parse(text).events.map((e) => e.uid)).toContain(`${ofA.id}@desabinaan.imigrasi.go.id`);
    expect(await getCalendarFeedState(w.officerA)).not.toBeNull();

    // every role's feed is scoped as its pages are
    const feedOf = async (actor: SessionUser) => ids((await createCalendarFeed(actor)).token);
    expect((await feedOf(w.officerB)).includes(ofA.id)).toBe(false);
    expect((await feedOf(w.officerB)).includes(ofB.id)).toBe(true);
    expect((await feedOf(w.regionalA)).includes(ofA.id)).toBe(true);
    expect((await feedOf(w.regionalA)).includes(ofB.id)).toBe(false);
    expect((await feedOf(w.villageUserA)).includes(ofA.id)).toBe(true);
    expect((await feedOf(w.villageUserA)).includes(ofB.id)).toBe(false);
    expect((await feedOf(w.national)).filter((id) => id === ofA.id || id === ofB.id)).toHaveLength(2);

    // replaced: the old URL stops
    const replaced = await createCalendarFeed(w.officerA);
    expect(await outcome(findFeedEvents(feedA.token))).toBe("NOT_FOUND");
    expect(await outcome(findFeedEvents(replaced.token))).toBe("OK");
    // revoked
    expect(await revokeCalendarFeed(w.officerA)).toEqual({ revoked: true });
    expect(await outcome(findFeedEvents(replaced.token))).toBe("NOT_FOUND");
    expect(await getCalendarFeedState(w.officerA)).toBeNull();
    // expired
    const old = await createCalendarFeed(w.adminA, new Date(Date.now() - 400 * 86_400_000));
    expect(await outcome(findFeedEvents(old.token))).toBe("NOT_FOUND");
    // malformed or unknown
    for (const token of ["", "x", "../../etc/passwd", "A".repeat(43)]) expect(await outcome(findFeedEvents(token))).toBe("NOT_FOUND");
  });
});
