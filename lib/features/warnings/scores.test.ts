import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeFor } from "@/lib/auth/permissions";
import pg from "pg";
import { createDesaBinaan, createOffice } from "@/lib/factories";
import type { WarningCategory } from "@/lib/generated/prisma/enums";
import { monthPeriod, quarterPeriod } from "@/lib/features/reports/period";
import { newTicketCode } from "@/lib/features/warnings/codes";
import { fileReport } from "@/lib/features/warnings/filing";
import { fileReportSchema } from "@/lib/features/warnings/schemas";
import { getWarningScores, periodMonths, reportWarningScores, weightedMedian } from "@/lib/features/warnings/scores";
import type { SessionUser } from "@/lib/server/scope";
import { asSessionUser, createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";
import { createUser } from "@/lib/factories";

/**
 * Early-warning scores (ADR 0024): the SLA arithmetic across time zones and month ends with a
 * controllable clock, the trigger's monthly figures against a direct computation (also under
 * concurrent writers), and who sees which office's figures.
 */
let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
let papua: { officeId: string; kanwilId: string; admin: SessionUser; desaId: string };
beforeAll(async () => {
  w = await createTwoOfficeWorld();
  // a village of a WIT province that no office has adopted; the office needs no work area for it
  const [village] = await testDb.$queryRaw<{ code: string }[]>`
    SELECT v.code FROM village v JOIN province p ON p.code = v.province_code
    WHERE p.time_zone = 'Asia/Jayapura' AND NOT EXISTS (SELECT 1 FROM desa_binaan d WHERE d.village_code = v.code)
    ORDER BY random() LIMIT 1`;
  const office = await createOffice(testDb, { provinceCode: "91" });
  const desa = await createDesaBinaan(testDb, { officeId: office.id, villageCode: village!.code });
  const admin = asSessionUser(await createUser(testDb, { role: "OFFICE_ADMIN", officeId: office.id }));
  papua = { officeId: office.id, kanwilId: office.kanwilId, admin, desaId: desa.id };
});

const HOUR = 3_600_000;
const input = (desaBinaanId: string, over: { urgency?: "NORMAL" | "URGENT"; category?: WarningCategory } = {}) =>
  fileReportSchema.parse({ category: over.category ?? "RECRUITER", urgency: over.urgency ?? "NORMAL", description: "Perekrut datang ke desa.", occurredOn: "2025-01-15", desaBinaanId });
/** Reads a filed report and closes it (no response): other test files list the same Kanwils' open reports. */
const report = async (id: string) => {
  const r = await testDb.warningReport.findUniqueOrThrow({ where: { id } });
  await testDb.warningReport.update({ where: { id }, data: { closedAt: new Date(r.filedAt.getTime() + 60_000) } });
  return r;
};
const monthRow = (officeId: string, month: string) =>
  testDb.warningOfficeMonth.findUnique({ where: { officeId_month: { officeId, month: new Date(`${month}T00:00:00Z`) } } });

describe("SLA arithmetic across time zones and month ends", () => {
  it("counts a report filed 23:30 WIT on 31 January in January for a Papua office (14:30 UTC)", async () => {
    const filed = await fileReport(papua.admin, input(papua.desaId), new Date("2025-01-31T14:30:00Z"));
    const r = await report(filed.id);
    expect(r.filedMonth.toISOString().slice(0, 10)).toBe("2025-01-01");
    expect((await monthRow(papua.officeId, "2025-01-01"))?.filed).toBe(1);
  });

  it("counts a report filed 00:30 WIT on 1 February in February, though UTC still says 31 January", async () => {
    const filed = await fileReport(papua.admin, input(papua.desaId), new Date("2025-01-31T15:30:00Z"));
    expect((await report(filed.id)).filedMonth.toISOString().slice(0, 10)).toBe("2025-02-01");
    expect((await monthRow(papua.officeId, "2025-02-01"))?.filed).toBe(1);
  });

  it("counts a report filed 00:30 WIB on 1 March in March, though UTC says February", async () => {
    const filed = await fileReport(w.adminA, input(w.villageA.id), new Date("2025-02-28T17:30:00Z"));
    expect((await report(filed.id)).filedMonth.toISOString().slice(0, 10)).toBe("2025-03-01");
    const scores = await getWarningScores(w.adminA, { period: monthPeriod(2025, 3) });
    expect(scores.offices.map((o) => [o.officeId, o.filed])).toEqual([[w.officeA.id, 1]]);
    expect((await getWarningScores(w.adminA, { period: monthPeriod(2025, 2) })).total.filed).toBe(0);
  });

  it("gives the same due instant whatever the zone: 24 h, warning at 18 h; urgent 6 h", async () => {
    const at = new Date("2025-04-10T02:00:00Z");
    const wib = await report((await fileReport(w.adminA, input(w.villageA.id), at)).id);
    const wit = await report((await fileReport(papua.admin, input(papua.desaId), at)).id);
    expect(wib.dueAt.toISOString()).toBe("2025-04-11T02:00:00.000Z");
    expect(wit.dueAt.getTime()).toBe(wib.dueAt.getTime());
    expect(wib.warnAt.getTime() - at.getTime()).toBe(18 * HOUR);
    const urgent = await report((await fileReport(w.adminA, input(w.villageA.id, { urgency: "URGENT" }), at)).id);
    expect([urgent.slaHours, urgent.dueAt.getTime() - at.getTime()]).toEqual([6, 6 * HOUR]);
  });

  it("applies a policy change to new reports only", async () => {
    const category = "PASSPORT_REQUEST" as const;
    const before = await testDb.warningSlaPolicy.findUniqueOrThrow({ where: { category } });
    const old = await report((await fileReport(w.adminA, input(w.villageA.id, { category }), new Date("2025-05-01T01:00:00Z"))).id);
    try {
      await testDb.warningSlaPolicy.update({ where: { category }, data: { hours: 48 } });
      const fresh = await report((await fileReport(w.adminA, input(w.villageA.id, { category }), new Date("2025-05-01T02:00:00Z"))).id);
      expect(fresh.slaHours).toBe(48);
      expect(fresh.dueAt.getTime() - fresh.filedAt.getTime()).toBe(48 * HOUR);
    } finally {
      await testDb.warningSlaPolicy.update({ where: { category }, data: { hours: before.hours } });
    }
    const again = await report(old.id);
    expect([again.slaHours, again.dueAt.getTime()]).toEqual([24, old.dueAt.getTime()]);
  });
});

/** A report row written directly, as the triage steps and routing would leave it. */
async function insert(officeId: string | null, kanwilId: string, filedAt: Date, over: { firstResponseAt?: Date | null; closedAt?: Date | null; hours?: number; month?: string } = {}) {
  const hours = over.hours ?? 24;
  return testDb.warningReport.create({
    data: {
      ticketCode: newTicketCode(),
      source: "OFFICER",
      category: "OTHER",
      description: "uji skor",
      occurredOn: new Date("2025-01-01T00:00:00Z"),
      provinceCode: "91",
      officeId,
      kanwilId,
      filedAt,
      filedMonth: new Date(`${over.month ?? filedAt.toISOString().slice(0, 7) + "-01"}T00:00:00Z`),
      slaHours: hours,
      warnAt: new Date(filedAt.getTime() + hours * 0.75 * HOUR),
      dueAt: new Date(filedAt.getTime() + hours * HOUR),
      firstResponseAt: over.firstResponseAt ?? null,
      closedAt: over.closedAt ?? null,
    },
  });
}

type Figures = { officeId: string; month: string; filed: number; responded: number; withinSla: number; medianMinutes: number | null };

async function stored(officeIds: string[]): Promise<Figures[]> {
  return testDb.$queryRaw<Figures[]>`
    SELECT office_id::text AS "officeId", month::text AS month, filed, responded, within_sla AS "withinSla", median_minutes AS "medianMinutes"
    FROM warning_office_month WHERE office_id = ANY(${officeIds}::uuid[]) ORDER BY 1, 2`;
}

async function direct(officeIds: string[]): Promise<Figures[]> {
  return testDb.$queryRaw<Figures[]>`
    SELECT office_id::text AS "officeId", filed_month::text AS month, COUNT(*)::int AS filed, COUNT(first_response_at)::int AS responded,
      (COUNT(*) FILTER (WHERE first_response_at <= due_at))::int AS "withinSla",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - filed_at) / 60) FILTER (WHERE first_response_at IS NOT NULL) AS "medianMinutes"
    FROM warning_report WHERE office_id = ANY(${officeIds}::uuid[]) GROUP BY 1, 2 ORDER BY 1, 2`;
}

describe("the monthly figures kept by the trigger", () => {
  it("equal a direct computation after inserts, responses, office and month changes and deletes", async () => {
    const one = await createOffice(testDb, { provinceCode: "91", kanwilId: papua.kanwilId });
    const two = await createOffice(testDb, { provinceCode: "91", kanwilId: papua.kanwilId });
    const ids = [one.id, two.id];
    const t0 = new Date("2025-06-03T03:00:00Z");
    const rows = [];
    for (let i = 0; i < 12; i++) rows.push(await insert(i % 3 === 0 ? two.id : one.id, one.kanwilId, new Date(t0.getTime() + i * 5 * HOUR)));
    // responses: some within 24 h, some late
    for (const [i, r] of rows.entries()) {
      if (i % 4 === 3) continue;
      await testDb.warningReport.update({ where: { id: r.id }, data: { firstResponseAt: new Date(r.filedAt.getTime() + (i % 2 ? 30 : 30 * 60) * 60_000) } });
    }
    // routed to another office, moved to another month, a due time extended, one deleted
    await testDb.warningReport.update({ where: { id: rows[1]!.id }, data: { officeId: two.id } });
    await testDb.warningReport.update({ where: { id: rows[2]!.id }, data: { officeId: null } });
    await testDb.warningReport.update({ where: { id: rows[4]!.id }, data: { filedMonth: new Date("2025-07-01T00:00:00Z") } });
    await testDb.warningReport.update({ where: { id: rows[5]!.id }, data: { dueAt: new Date(rows[5]!.filedAt.getTime() + 48 * HOUR) } });
    await testDb.warningReport.delete({ where: { id: rows[6]!.id } });
    await testDb.warningReport.update({ where: { id: rows[0]!.id }, data: { firstResponseAt: null } });
    const expected = await direct(ids);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(await stored(ids)).toEqual(expected);
    // every report of an office gone: its month row is gone too
    await testDb.warningReport.deleteMany({ where: { officeId: two.id } });
    expect(await stored([two.id])).toEqual([]);
  });

  it("loses nothing when many writers file into one office-month at once", { timeout: 120_000 }, async () => {
    const office = await createOffice(testDb, { provinceCode: "91", kanwilId: papua.kanwilId });
    // eight connections, forty transactions: each files a report and half answer it before COMMIT
    const writers = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
    const n = 40;
    try {
      await Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const client = await writers.connect();
          try {
            await client.query("BEGIN");
            const filedAt = new Date(Date.UTC(2025, 7, 10, 3, i));
            const { rows } = await client.query<{ id: string }>(
              `INSERT INTO warning_report (id, ticket_code, source, category, description, occurred_on, province_code, office_id, kanwil_id,
                 filed_at, filed_month, sla_hours, warn_at, due_at, updated_at)
               VALUES (gen_random_uuid(), $1, 'OFFICER', 'OTHER', 'serentak', '2025-08-01', '91', $2, $3, $4, '2025-08-01', 24,
                 $4::timestamptz + interval '18 hours', $4::timestamptz + interval '24 hours', now()) RETURNING id`,
              [newTicketCode(), office.id, office.kanwilId, filedAt],
            );
            if (i % 2 === 0) await client.query("UPDATE warning_report SET first_response_at = filed_at + $2 * interval '1 minute' WHERE id = $1", [rows[0]!.id, i + 1]);
            await client.query("COMMIT");
          } catch (error) {
            await client.query("ROLLBACK");
            throw error;
          } finally {
            client.release();
          }
        }),
      );
      const [row] = await stored([office.id]);
      expect(row).toMatchObject({ filed: n, responded: n / 2, withinSla: n / 2 });
      expect(await stored([office.id])).toEqual(await direct([office.id]));
    } finally {
      await testDb.warningReport.updateMany({ where: { officeId: office.id }, data: { closedAt: new Date() } });
      await writers.end();
    }
  });
});

describe("scores", () => {
  it("adds open and overdue counts as of the clock, and the share of decided reports within SLA", async () => {
    const office = await createOffice(testDb, { provinceCode: "91", kanwilId: papua.kanwilId });
    const user = asSessionUser(await createUser(testDb, { role: "OFFICE_ADMIN", officeId: office.id }));
    const now = new Date("2025-09-20T05:00:00Z");
    await insert(office.id, office.kanwilId, new Date("2025-09-02T01:00:00Z"), { firstResponseAt: new Date("2025-09-02T02:00:00Z"), closedAt: new Date("2025-09-05T00:00:00Z") });
    await insert(office.id, office.kanwilId, new Date("2025-09-03T01:00:00Z"), { firstResponseAt: new Date("2025-09-05T01:00:00Z") }); // late, open
    await insert(office.id, office.kanwilId, new Date("2025-09-10T01:00:00Z")); // overdue
    await insert(office.id, office.kanwilId, new Date("2025-09-20T01:00:00Z")); // pending, 20 h left
    const s = await getWarningScores(user, { period: monthPeriod(2025, 9) }, now);
    expect(s.total).toMatchObject({ filed: 4, responded: 2, withinSla: 1, pending: 1, open: 3, overdue: 1, medianMinutes: 1470, medianApproximate: false });
    // 1 within SLA of the 3 decided (the pending one is neither yet)
    expect(s.total.shareWithinSla).toBeCloseTo(1 / 3);
    // an hour later than its due time the pending one is overdue too
    const later = await getWarningScores(user, { period: monthPeriod(2025, 9) }, new Date("2025-09-21T02:00:00Z"));
    expect([later.total.overdue, later.total.pending]).toEqual([2, 0]);
  });

  it("counts a quarter from its months, the median marked approximate", async () => {
    const q = periodMonths(quarterPeriod(2025, 1));
    expect(q).toEqual({ first: "2025-01-01", end: "2025-04-01" });
    expect(periodMonths(monthPeriod(2025, 12))).toEqual({ first: "2025-12-01", end: "2026-01-01" });
    const s = await getWarningScores(papua.admin, { period: quarterPeriod(2025, 1) });
    expect(s.total.filed).toBe(2);
  });

  it("weights monthly medians by their responses", () => {
    expect(weightedMedian([])).toEqual({ value: null, approximate: false });
    expect(weightedMedian([{ medianMinutes: 30, responded: 3 }])).toEqual({ value: 30, approximate: false });
    expect(weightedMedian([{ medianMinutes: 600, responded: 1 }, { medianMinutes: 30, responded: 9 }, { medianMinutes: null, responded: 0 }])).toEqual({ value: 30, approximate: true });
    expect(weightedMedian([{ medianMinutes: 10, responded: 1 }, { medianMinutes: 20, responded: 1 }])).toEqual({ value: 10, approximate: true });
  });
});

describe("who sees which scores", () => {
  let filedB: string;
  beforeAll(async () => {
    filedB = (await fileReport(w.adminB, input(w.villageB.id), new Date("2025-03-10T03:00:00Z"))).id;
    await report(filedB);
  });
  afterAll(async () => {
    await testDb.warningReport.deleteMany({ where: { id: filedB } });
  });

  const actors = () => ({ national: w.national, regional: w.regionalA, officeAdmin: w.adminA, officer: w.officerA, village: w.villageUserA }) satisfies Record<string, SessionUser>;

  /** From the permission map: no read:warning, or only a village's own reports -> FORBIDDEN; else own side visible, the other only with "any". */
  function expected(actor: SessionUser, side: "own" | "other"): string {
    const scope = scopeFor(actor.role, "read:warning");
    if (!scope || scope === "own-village") return "FORBIDDEN";
    return scope === "any" || side === "own" ? "VISIBLE" : "HIDDEN";
  }

  for (const role of ["national", "regional", "officeAdmin", "officer", "village"] as const) {
    for (const side of ["own", "other"] as const) {
      it(`the SLA view's figures of the ${side} office: ${role}`, async () => {
        const actor = actors()[role];
        const office = side === "own" ? w.officeA : w.officeB;
        const scores = getWarningScores(actor, { period: monthPeriod(2025, 3), officeId: office.id });
        const denied = await outcome(scores);
        if (denied !== "OK") return expect(denied).toBe(expected(actor, side));
        const s = await scores;
        const shown = s.offices.some((o) => o.officeId === office.id) || s.total.filed > 0 || s.total.open > 0;
        expect(shown ? "VISIBLE" : "HIDDEN").toBe(expected(actor, side));
      });
    }
  }

  it("never lists another office's figures, unfiltered, to an office or a Kanwil", async () => {
    for (const actor of [w.adminA, w.officerA, w.regionalA]) {
      const s = await getWarningScores(actor, { period: monthPeriod(2025, 3) });
      expect(s.offices.map((o) => o.officeId)).not.toContain(w.officeB.id);
      expect(s.offices.every((o) => o.kanwilId === w.officeA.kanwilId)).toBe(true);
    }
    const national = await getWarningScores(w.national, { period: monthPeriod(2025, 3) });
    expect(national.offices.find((o) => o.officeId === w.officeB.id)?.filed).toBe(1);
  });

  it("gives the activity report its own level's counts, and none to a reader without read:warning", async () => {
    const office = await reportWarningScores(w.adminB, { level: "office", id: w.officeB.id }, monthPeriod(2025, 3));
    expect(office?.total.filed).toBe(1);
    expect(await reportWarningScores(w.adminA, { level: "office", id: w.officeB.id }, monthPeriod(2025, 3))).toMatchObject({ total: { filed: 0 }, offices: [] });
    expect(await reportWarningScores(w.villageUserA, { level: "office", id: w.officeA.id }, monthPeriod(2025, 3))).toBeNull();
  });
});

describe("scores worked out once per database snapshot", () => {
  it("shares one frozen result between readers until a write, then shows the write", async () => {
    const period = monthPeriod(2025, 6);
    // Other test files write to the same database meanwhile, and each of their commits is a new
    // snapshot: two reads in a row meet in one snapshot often, not always.
    let shared = false;
    for (let i = 0; i < 20 && !shared; i++) {
      const [a, b] = [await getWarningScores(w.adminB, { period }), await getWarningScores(w.adminB, { period })];
      shared = a === b;
    }
    expect(shared).toBe(true);
    const before = await getWarningScores(w.adminB, { period });
    expect(Object.isFrozen(before.offices[0])).toBe(true);
    const filed = await fileReport(w.adminB, input(w.villageB.id), new Date("2025-06-10T03:00:00Z"));
    await report(filed.id);
    const after = await getWarningScores(w.adminB, { period });
    expect(after.total.filed).toBe(before.total.filed + 1);
    // another scope's reader never gets this office's result
    expect((await getWarningScores(w.adminA, { period })).offices.map((o) => o.officeId)).toEqual([w.officeA.id]);
  });
});
