import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getActivityReport, getReportChoices } from "@/lib/features/reports/activity-report";
import { getDashboard, PER_OFFICE_LIMIT, villagesNeedingAttentionNow } from "@/lib/features/reports/dashboard";
import {
  figuresFromRows,
  reachByCategory,
  sessionFigureRows,
  summaryFigureRows,
  summaryReachByCategory,
  toAttentionVillage,
  villagesNeedingAttention,
} from "@/lib/features/reports/figures";
import { selectRows } from "@/lib/server/sql";
import { monthPeriod, quarterPeriod, yearPeriod } from "@/lib/features/reports/period";
import { createDesaBinaan, createEvent, createOffice, createUser, recordStageChange } from "@/lib/factories";
import { asSessionUser, createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
let quietVillageId: string;
const DAY = 24 * 60 * 60 * 1000;
// A fixed "now" in the past keeps these figures apart from sessions other test files create today.
const now = new Date("2025-06-20T05:00:00Z");

async function attendees(eventId: string, people: { gender: "L" | "P" | null; category: "KEPALA_DESA" | "WARGA" | "CPMI" }[]) {
  await testDb.attendee.createMany({
    data: people.map((p) => ({
      eventId,
      name: `Peserta ${randomUUID().slice(0, 8)}`,
      category: p.category,
      gender: p.gender,
      source: "STAFF" as const,
      dedupeKey: randomUUID(),
    })),
  });
}

beforeAll(async () => {
  w = await createTwoOfficeWorld();
  const quiet = await createDesaBinaan(testDb, { officeId: w.officeA.id, stage: "MENTORING" });
  quietVillageId = quiet.id;
  await createDesaBinaan(testDb, { officeId: w.officeA.id, stage: "INACTIVE" });

  // Office A, June 2025 (WIB): one held session with 3 named attendees and counts, one planned.
  const held = await createEvent(testDb, {
    officeId: w.officeA.id,
    status: "HELD",
    // 1 June 00:30 WIB is still 31 May in UTC: it must count in June.
    startsAt: new Date("2025-05-31T17:30:00Z"),
    desaBinaanIds: [w.villageA.id],
    counts: [{ category: "KEPALA_DESA", male: 4, female: 1, unknown: 0 }],
  });
  await attendees(held.id, [
    { gender: "L", category: "WARGA" },
    { gender: "P", category: "CPMI" },
    { gender: null, category: "WARGA" },
  ]);
  await createEvent(testDb, { officeId: w.officeA.id, status: "SCHEDULED", startsAt: new Date("2025-06-25T02:00:00Z") });
  // A cancelled session's attendees reach nobody.
  const cancelled = await createEvent(testDb, { officeId: w.officeA.id, status: "CANCELLED", startsAt: new Date("2025-06-10T02:00:00Z") });
  await attendees(cancelled.id, [{ gender: "L", category: "WARGA" }]);
  // Office B (another province), same month.
  const heldB = await createEvent(testDb, {
    officeId: w.officeB.id,
    status: "HELD",
    startsAt: new Date("2025-06-05T02:00:00Z"),
    desaBinaanIds: [w.villageB.id],
  });
  await attendees(heldB.id, [{ gender: "P", category: "WARGA" }]);
});

const june = { period: monthPeriod(2025, 6) };

describe("dashboard figures", () => {
  it("counts sessions, people reached by gender and category, and villages by stage for one office", async () => {
    const d = await getDashboard(w.adminA, june, now);
    expect(d.officeCount).toBe(1);
    expect(d.sessions).toEqual({ held: 1, planned: 1, cancelled: 1 });
    expect(d.reach).toEqual({ male: 5, female: 2, unknown: 1, total: 8 });
    expect(d.reachByCategory.find((c) => c.category === "KEPALA_DESA")?.total).toBe(5);
    expect(d.reachByCategory.find((c) => c.category === "WARGA")).toMatchObject({ male: 1, unknown: 1, total: 2 });
    expect(d.villageCount).toBe(3);
    expect(d.villagesByStage).toMatchObject({ MENTORING: 1, INACTIVE: 1 });
    expect(d.trend.find((t) => t.key === "2025-06")).toMatchObject({ held: 1, planned: 1, reached: 8 });
    expect(d.trend.find((t) => t.key === "2025-05")).toMatchObject({ held: 0, reached: 0 });
  });

  it("lists villages without a held session in 90 days, and never inactive ones", async () => {
    const d = await getDashboard(w.adminA, june, now);
    const listed = d.attention.villages.map((v) => v.id);
    expect(listed).toContain(quietVillageId);
    expect(listed).not.toContain(w.villageA.id);
    expect(d.attention.total).toBe(1);
    // 100 days later the June session no longer counts.
    const later = await getDashboard(w.adminA, june, new Date(now.getTime() + 100 * DAY));
    expect(later.attention.villages.map((v) => v.id)).toContain(w.villageA.id);
  });

  it("keeps another office's figures out, even when its id is put in the filter", async () => {
    const d = await getDashboard(w.adminA, { ...june, officeId: w.officeB.id }, now);
    expect(d.officeCount).toBe(0);
    expect(d.sessions.held).toBe(0);
    expect(d.reach.total).toBe(0);
    expect(d.officeChoices.map((o) => o.id)).toEqual([w.officeA.id]);
  });

  it("gives a Kanwil its province's offices only, and the nation everything", async () => {
    const regional = await getDashboard(w.regionalA, { ...june, officeId: w.officeA.id }, now);
    expect(regional.reach.total).toBe(8);
    const regionalB = await getDashboard(w.regionalA, { ...june, officeId: w.officeB.id }, now);
    expect(regionalB.officeCount).toBe(0);
    const regionalAll = await getDashboard(w.regionalA, june, now);
    expect(regionalAll.officeChoices.map((o) => o.id)).not.toContain(w.officeB.id);
    expect(regionalAll.kanwilName).toBe((await testDb.kanwil.findUniqueOrThrow({ where: { id: w.officeA.kanwilId } })).name);
    const national = await getDashboard(w.national, { ...june, officeId: w.officeB.id }, now);
    expect(national.reach.total).toBe(1);
    const nationalAll = await getDashboard(w.national, { period: yearPeriod(2025) }, now);
    // a per-office table up to PER_OFFICE_LIMIT offices; the whole nation's is the XLSX report's
    if (nationalAll.officeCount <= PER_OFFICE_LIMIT) expect(nationalAll.perOffice.map((o) => o.officeId)).toEqual(expect.arrayContaining([w.officeA.id, w.officeB.id]));
    else expect(nationalAll.perOffice).toEqual([]);
    const oneOffice = await getDashboard(w.national, { period: yearPeriod(2025), officeId: w.officeB.id }, now);
    expect(oneOffice.perOffice).toEqual([]);
    expect(nationalAll.coverage.find((c) => c.provinceCode === "62")?.total).toBeGreaterThan(0);
  });

  it("gives the nation's per-office table the same figures as its headline", async () => {
    // A limit above any office count, so the table is shown whatever other test files created.
    const d = await getDashboard(w.national, { period: yearPeriod(2025) }, now, { perOfficeLimit: 100_000 });
    expect(d.perOffice.length).toBe(d.officeCount);
    expect(d.perOffice.find((o) => o.officeId === w.officeA.id)).toMatchObject({ held: 1, planned: 1, reached: 8 });
    expect(d.perOffice.find((o) => o.officeId === w.officeB.id)).toMatchObject({ held: 1, reached: 1 });
    const sum = (k: "held" | "planned" | "reached") => d.perOffice.reduce((n, o) => n + o[k], 0);
    expect({ held: sum("held"), planned: sum("planned"), reached: sum("reached") }).toEqual({ held: d.sessions.held, planned: d.sessions.planned, reached: d.reach.total });
  });

  it("gives a village account no dashboard", async () => {
    expect(await outcome(getDashboard(w.villageUserA, june, now))).toBe("FORBIDDEN");
  });
});

describe("reach summary maintained on write", () => {
  it("follows attendees and counts as they change and are deleted", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, status: "HELD", counts: [{ category: "WARGA", male: 2 }] });
    await attendees(event.id, [{ gender: "P", category: "WARGA" }]);
    const reach = () => testDb.eventReach.findMany({ where: { eventId: event.id }, select: { category: true, male: true, female: true, unknown: true } });
    expect(await reach()).toEqual([{ category: "WARGA", male: 2, female: 1, unknown: 0 }]);
    await testDb.attendee.updateMany({ where: { eventId: event.id }, data: { gender: null, category: "CPMI" } });
    await testDb.attendanceCount.update({ where: { eventId_category: { eventId: event.id, category: "WARGA" } }, data: { male: 5 } });
    expect(await reach()).toEqual(
      expect.arrayContaining([
        { category: "WARGA", male: 5, female: 0, unknown: 0 },
        { category: "CPMI", male: 0, female: 0, unknown: 1 },
      ]),
    );
    await testDb.event.delete({ where: { id: event.id } });
    expect(await reach()).toEqual([]);
  });
});

/** The summaries as the triggers left them, for some offices (other test files share the database). */
async function keptSummaries(officeIds: string[]) {
  const [sessions, reach, lastHeld] = await Promise.all([
    testDb.$queryRaw`SELECT office_id::text, month::text, status::text, sessions AS n, reached FROM office_month_sessions
      WHERE office_id = ANY(${officeIds}::uuid[]) AND (sessions, reached) <> (0, 0) ORDER BY 1, 2, 3`,
    testDb.$queryRaw`SELECT office_id::text, month::text, category::text, male, female, unknown FROM office_month_reach
      WHERE office_id = ANY(${officeIds}::uuid[]) AND (male, female, unknown) <> (0, 0, 0) ORDER BY 1, 2, 3`,
    testDb.$queryRaw`SELECT id::text, last_held_at FROM desa_binaan WHERE office_id = ANY(${officeIds}::uuid[]) ORDER BY 1`,
  ]);
  return { sessions, reach, lastHeld };
}

/** The same, recomputed from the sessions as rebuild_oversight_summaries() does. */
async function recomputedSummaries(officeIds: string[]) {
  const [sessions, reach, lastHeld] = await Promise.all([
    testDb.$queryRaw`SELECT e.office_id::text, wib_month(e.starts_at)::text AS month, e.status::text, COUNT(*)::int AS n,
        COALESCE(SUM(t.reached), 0)::int AS reached
      FROM event e LEFT JOIN (SELECT event_id, SUM(male + female + unknown) AS reached FROM event_reach GROUP BY 1) t ON t.event_id = e.id
      WHERE e.office_id = ANY(${officeIds}::uuid[]) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    testDb.$queryRaw`SELECT e.office_id::text, wib_month(e.starts_at)::text AS month, r.category::text,
        SUM(r.male)::int AS male, SUM(r.female)::int AS female, SUM(r.unknown)::int AS unknown
      FROM event e JOIN event_reach r ON r.event_id = e.id
      WHERE e.office_id = ANY(${officeIds}::uuid[]) AND e.status = 'HELD'
      GROUP BY 1, 2, 3 HAVING (SUM(r.male), SUM(r.female), SUM(r.unknown)) <> (0, 0, 0) ORDER BY 1, 2, 3`,
    testDb.$queryRaw`SELECT b.id::text, MAX(e.starts_at) FILTER (WHERE e.status = 'HELD') AS last_held_at
      FROM desa_binaan b LEFT JOIN event_village ev ON ev.desa_binaan_id = b.id LEFT JOIN event e ON e.id = ev.event_id
      WHERE b.office_id = ANY(${officeIds}::uuid[]) GROUP BY b.id ORDER BY 1`,
  ]);
  return { sessions, reach, lastHeld };
}

describe("oversight summaries maintained on write", () => {
  const offices = () => [w.officeA.id, w.officeB.id];
  const expectInStep = async (step: string) =>
    expect(await keptSummaries(offices()), step).toEqual(await recomputedSummaries(offices()));

  it("follow sessions through status changes, moves, reach changes and deletion", async () => {
    await expectInStep("after the seed of this file");
    const event = await createEvent(testDb, {
      officeId: w.officeA.id,
      status: "SCHEDULED",
      startsAt: new Date("2025-03-10T02:00:00Z"),
      desaBinaanIds: [quietVillageId],
      counts: [{ category: "WARGA", male: 3, female: 2 }],
    });
    await attendees(event.id, [{ gender: "P", category: "CPMI" }]);
    await expectInStep("scheduled, with people");
    await testDb.event.update({ where: { id: event.id }, data: { status: "HELD" } });
    await expectInStep("held");
    await attendees(event.id, [{ gender: "L", category: "CPMI" }]);
    await testDb.attendanceCount.update({ where: { eventId_category: { eventId: event.id, category: "WARGA" } }, data: { female: 7 } });
    await expectInStep("more people while held");
    // 1 April 00:30 WIB is still 31 March in UTC: the session moves to April.
    await testDb.event.update({ where: { id: event.id }, data: { startsAt: new Date("2025-03-31T17:30:00Z") } });
    await expectInStep("moved to another month");
    await testDb.event.update({ where: { id: event.id }, data: { officeId: w.officeB.id } });
    await expectInStep("moved to another office");
    await testDb.eventVillage.create({ data: { eventId: event.id, desaBinaanId: w.villageA.id } });
    await testDb.eventVillage.delete({ where: { eventId_desaBinaanId: { eventId: event.id, desaBinaanId: quietVillageId } } });
    await expectInStep("villages changed");
    await testDb.attendee.deleteMany({ where: { eventId: event.id, category: "CPMI", gender: "P" } });
    await testDb.event.update({ where: { id: event.id }, data: { status: "CANCELLED" } });
    await expectInStep("cancelled");
    await testDb.event.update({ where: { id: event.id }, data: { status: "HELD", officeId: w.officeA.id } });
    await testDb.event.delete({ where: { id: event.id } });
    await expectInStep("deleted while held");
  });

  // A race between sessions, on every database the suite runs on (embedded or not).
  it("miss nobody who checks in while the session is being marked held", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, status: "SCHEDULED", startsAt: new Date("2025-02-12T02:00:00Z"), desaBinaanIds: [quietVillageId] });
    const checkIn = (i: number) =>
      testDb.attendee.create({
        data: { eventId: event.id, name: `Peserta ${i}`, category: "WARGA", gender: i % 2 ? "L" : "P", source: "CHECK_IN", dedupeKey: randomUUID() },
      });
    await checkIn(0);
    let during: Promise<unknown> | undefined;
    await testDb.$transaction(async (tx) => {
      await tx.event.update({ where: { id: event.id }, data: { status: "HELD" } });
      // Two people check in on other connections while the change is not yet committed: they
      // must wait for it and then count, or the summary misses them for good.
      during = Promise.all([checkIn(1), checkIn(2)]);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await during;
    await expectInStep("check-ins during the status change");
    const [summed] = await testDb.$queryRaw<{ n: number }[]>`SELECT COALESCE(SUM(male + female + unknown), 0)::int AS n FROM office_month_reach
      WHERE office_id = ${w.officeA.id}::uuid AND month = '2025-02-01'`;
    expect(summed?.n).toBe(3);
  });

  it("give the same figures as the sessions themselves, for months, quarters and years", async () => {
    for (const period of [monthPeriod(2025, 6), quarterPeriod(2025, 2), yearPeriod(2025)]) {
      const trendFrom = monthPeriod(2024, 7).from;
      for (const ids of [[w.officeA.id], offices()]) {
        const [summary, sessions] = await Promise.all([
          selectRows(summaryFigureRows(ids, period.from, trendFrom, period.to)),
          selectRows(sessionFigureRows(ids, period.from, trendFrom, period.to)),
        ]);
        expect(figuresFromRows(summary)).toEqual(figuresFromRows(sessions));
        expect(figuresFromRows(summary).total.held).toBeGreaterThan(0);
        // without the per-office set (the national dashboard): the same months and total, no offices
        const all = figuresFromRows(summary);
        for (const lean of [summaryFigureRows(ids, period.from, trendFrom, period.to, false), sessionFigureRows(ids, period.from, trendFrom, period.to, false)]) {
          const figures = figuresFromRows(await selectRows(lean));
          expect(figures.byOffice.size).toBe(0);
          expect({ byMonth: figures.byMonth, total: figures.total }).toEqual({ byMonth: all.byMonth, total: all.total });
        }
        const sorted = async (sql: Parameters<typeof selectRows<{ category: string }>>[0]) =>
          (await selectRows(sql)).sort((a, b) => a.category.localeCompare(b.category));
        expect(await sorted(summaryReachByCategory(ids, period))).toEqual(await sorted(reachByCategory(ids, period)));
      }
    }
  });

  it("list the same villages needing attention as the sessions do", async () => {
    for (const at of [now, new Date(now.getTime() + 100 * DAY)]) {
      const now = (await selectRows(villagesNeedingAttentionNow(offices(), at, 100))).map(toAttentionVillage);
      expect(now.length).toBeGreaterThan(0);
      expect(now).toEqual((await selectRows(villagesNeedingAttention(offices(), at, 100))).map(toAttentionVillage));
    }
  });
});

describe("activity reports", () => {
  const request = { period: "month" as const, year: 2025, month: 6, format: "xlsx" as const };

  it("reports an office's month with its sessions and highlights", async () => {
    const r = await getActivityReport(w.adminA, { ...request, level: "office", id: w.officeA.id }, now);
    expect(r.sessionCounts).toEqual({ held: 1, planned: 1, cancelled: 1 });
    expect(r.reach.total).toBe(8);
    expect(r.villagesReached).toBe(1);
    expect(r.sessions).toHaveLength(3);
    expect(r.highlights).toHaveLength(1);
    expect(r.highlights[0]?.reached).toBe(8);
  });

  it("counts the villages of the period: registered by its end, at the stage they had then", async () => {
    const office = await createOffice(testDb, { provinceCode: "62", workArea: ["62.02"] });
    const admin = await createUser(testDb, { role: "OFFICE_ADMIN", officeId: office.id });
    const old = await createDesaBinaan(testDb, { officeId: office.id, history: { effectiveOn: new Date("2024-01-10T00:00:00Z") } });
    await recordStageChange(testDb, old.id, "SOCIALISED", { effectiveOn: new Date("2024-05-02T00:00:00Z") });
    // registered long after the quarter
    await createDesaBinaan(testDb, { officeId: office.id, history: { effectiveOn: new Date("2026-12-01T00:00:00Z") } });
    const q1 = { period: "quarter" as const, year: 2024, quarter: 1, format: "xlsx" as const, level: "office" as const, id: office.id };
    const r = await getActivityReport(asSessionUser(admin), q1, new Date("2026-12-03T05:00:00Z"));
    expect(r.villageCount).toBe(1);
    expect(r.villagesByStage).toEqual({ PROPOSED: 1 });
    expect(r.attention.map((a) => a.id)).toEqual([old.id]);
    const q2 = await getActivityReport(asSessionUser(admin), { ...q1, quarter: 2 }, new Date("2026-12-03T05:00:00Z"));
    expect(q2.villagesByStage).toEqual({ SOCIALISED: 1 });
  });

  it("answers not found for another office, another Kanwil, or a level above the user", async () => {
    expect(await outcome(getActivityReport(w.adminA, { ...request, level: "office", id: w.officeB.id }, now))).toBe("NOT_FOUND");
    expect(await outcome(getActivityReport(w.adminA, { ...request, level: "kanwil", id: w.officeA.kanwilId }, now))).toBe("NOT_FOUND");
    expect(await outcome(getActivityReport(w.adminA, { ...request, level: "national" }, now))).toBe("NOT_FOUND");
    expect(await outcome(getActivityReport(w.regionalA, { ...request, level: "kanwil", id: w.officeB.kanwilId }, now))).toBe("NOT_FOUND");
    expect(await outcome(getActivityReport(w.regionalA, { ...request, level: "office", id: w.officeB.id }, now))).toBe("NOT_FOUND");
    expect(await outcome(getActivityReport(w.villageUserA, { ...request, level: "office", id: w.officeA.id }, now))).toBe("FORBIDDEN");
  });

  it("rolls offices up for a Kanwil and the nation", async () => {
    const kanwil = await getActivityReport(w.regionalA, { ...request, level: "kanwil", id: w.officeA.kanwilId }, now);
    expect(kanwil.perOffice.find((o) => o.name === w.officeA.name)).toMatchObject({ held: 1, planned: 1, reached: 8 });
    expect(kanwil.perOffice.find((o) => o.name === w.officeB.name)).toBeUndefined();
    const national = await getActivityReport(w.national, { ...request, level: "national" }, now);
    expect(national.perOffice.find((o) => o.name === w.officeB.name)).toMatchObject({ held: 1, reached: 1 });
  });

  it("offers each user only the reports of their level and below", async () => {
    const office = await getReportChoices(w.adminA);
    expect(office).toMatchObject({ national: false, kanwils: [], offices: [{ id: w.officeA.id }] });
    const regional = await getReportChoices(w.regionalA);
    expect(regional.national).toBe(false);
    expect(regional.kanwils.map((k) => k.id)).toEqual([w.officeA.kanwilId]);
    expect((await getReportChoices(w.national)).national).toBe(true);
  });
});
