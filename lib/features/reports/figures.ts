import "server-only";
/**
 * The oversight figures' building blocks: the offices a user may see, and one SQL aggregate per
 * figure, shared by the dashboard (dashboard.ts) and the periodic reports (activity-report.ts).
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { AttendeeCategory, VillageStage } from "@/lib/generated/prisma/enums";
import type { PermissionKey } from "@/lib/auth/permissions";
import {
  isoDay,
  REPORT_TIME_ZONE,
  wibDay,
  wibStartOfDay,
  type Period,
} from "@/lib/features/reports/period";
import { officeScopeSql, type SessionUser } from "@/lib/server/scope";
import { select, selectRows } from "@/lib/server/sql";

/** A village counts as needing attention after this many days without a held session. */
export const ATTENTION_DAYS = 90;
export const DAY_MS = 24 * 60 * 60 * 1000;

export type Reach = { male: number; female: number; unknown: number; total: number };

/**
 * The offices whose figures the user may see, narrowed by the filters. Filters can only narrow
 * the scope: another office's id or another province simply leaves nothing.
 */
export async function scopedOffices(user: SessionUser, key: PermissionKey, filter: { officeId?: string; provinceCode?: string; kanwilId?: string }) {
  // Raw SQL with the scope's SQL form (held equal to officeWhere by lib/server/scope.test.ts):
  // every dashboard view starts here, and the ORM's compilation cost more than the query.
  const { officeId = null, provinceCode = null, kanwilId = null } = filter;
  return selectRows(select<{ id: string; name: string; provinceCode: string; kanwilId: string }>`
    SELECT o.id, o.name, o.province_code AS "provinceCode", o.kanwil_id AS "kanwilId" FROM office o
    WHERE ${officeScopeSql(user, key)}
      AND (${officeId}::uuid IS NULL OR o.id = ${officeId}::uuid)
      AND (${provinceCode}::text IS NULL OR o.province_code = ${provinceCode}::text)
      AND (${kanwilId}::uuid IS NULL OR o.kanwil_id = ${kanwilId}::uuid)
    ORDER BY o.province_code, o.name, o.id`);
}

export const ids = (offices: { id: string }[]) => offices.map((o) => o.id);

/**
 * The offices a figure covers: their ids; SQL yielding them (a subquery of the same statement, as
 * the dashboard's `scoped`); or "all" for the nation unfiltered, which needs no condition at all.
 * A list of 125 ids bound five times cost the database more to read and plan than the dashboard's
 * aggregates cost to run. A subquery is read as an array (`= ANY(ARRAY(...))`), so a Kanwil's few
 * offices are looked up in the (office_id, month) keys instead of hashed against a year of rows.
 */
export type Offices = string[] | Prisma.Sql | "all";
export function inOffices(offices: Offices): Prisma.Sql {
  if (offices === "all") return Prisma.sql`IS NOT NULL`;
  return Array.isArray(offices) ? Prisma.sql`= ANY(${offices}::uuid[])` : Prisma.sql`= ANY(ARRAY(${offices}))`;
}

export function toReach(row: { male: number | null; female: number | null; unknown: number | null } | undefined): Reach {
  const male = Number(row?.male ?? 0);
  const female = Number(row?.female ?? 0);
  const unknown = Number(row?.unknown ?? 0);
  return { male, female, unknown, total: male + female + unknown };
}

// ─────────────────────────── The SQL, one aggregate each ───────────────────────────
// Every statement takes the office ids already scoped above, so none can widen the scope.

/**
 * Desa binaan per province of the village (where it is, not which office owns it) and stage.
 * The province is the first two digits of the Kemendagri village code ("33.14.01.2001"), so no
 * join with the 83,762 villages is needed.
 */
export function villagesByProvinceAndStage(officeIds: Offices) {
  return select<{ province_code: string; stage: VillageStage; n: number }>`
    SELECT left(village_code, 2) AS province_code, stage, COUNT(*)::int AS n FROM desa_binaan
    WHERE office_id ${inOffices(officeIds)} GROUP BY 1, 2`;
}

export function stageCounts(rows: { stage: VillageStage; n: number }[]): Partial<Record<VillageStage, number>> {
  const counts: Partial<Record<VillageStage, number>> = {};
  for (const r of rows) counts[r.stage] = (counts[r.stage] ?? 0) + r.n;
  return counts;
}

export function reachByCategory(officeIds: Offices, period: Period) {
  return select<{ category: AttendeeCategory; male: number; female: number; unknown: number }>`
    SELECT r.category, SUM(r.male)::int AS male, SUM(r.female)::int AS female, SUM(r.unknown)::int AS unknown
    FROM event e JOIN event_reach r ON r.event_id = e.id
    WHERE e.office_id ${inOffices(officeIds)} AND e.status = 'HELD'
      AND e.starts_at >= ${period.from} AND e.starts_at < ${period.to}
    GROUP BY r.category`;
}

type SessionFigures = { held: number; planned: number; cancelled: number; reached: number };

/**
 * Session counts and people reached in one pass over the sessions of [from, to): per month (all
 * of the range, for the trend), and per office and in total (only from `periodFrom` on). Each
 * session's reach is summed once from event_reach with a hash join.
 */
export function sessionFigureRows(officeIds: Offices, periodFrom: Date, from: Date, to: Date, byOffice = true) {
  return select<FigureRow>`
    WITH e AS (
      SELECT id, office_id, status, starts_at >= ${periodFrom} AS in_period,
        to_char(date_trunc('month', starts_at AT TIME ZONE ${REPORT_TIME_ZONE}), 'YYYY-MM') AS month
      FROM event
      WHERE office_id ${inOffices(officeIds)} AND starts_at >= ${from} AND starts_at < ${to}
    ), t AS (
      SELECT r.event_id, SUM(r.male + r.female + r.unknown) AS total
      FROM event_reach r JOIN e ON e.id = r.event_id WHERE e.status = 'HELD' GROUP BY r.event_id
    )
    SELECT e.month, ${officeColumn(byOffice, Prisma.raw("e"))} AS office_id, ${grouping(byOffice, Prisma.raw("e"))} AS grp,
      COUNT(*) FILTER (WHERE e.status = 'HELD')::int AS held,
      COUNT(*) FILTER (WHERE e.status IN ('SCHEDULED', 'POSTPONED'))::int AS planned,
      COUNT(*) FILTER (WHERE e.status = 'CANCELLED')::int AS cancelled,
      COALESCE(SUM(t.total), 0)::int AS reached,
      COUNT(*) FILTER (WHERE e.in_period AND e.status = 'HELD')::int AS held_p,
      COUNT(*) FILTER (WHERE e.in_period AND e.status IN ('SCHEDULED', 'POSTPONED'))::int AS planned_p,
      COUNT(*) FILTER (WHERE e.in_period AND e.status = 'CANCELLED')::int AS cancelled_p,
      COALESCE(SUM(t.total) FILTER (WHERE e.in_period), 0)::int AS reached_p
    FROM e LEFT JOIN t ON t.event_id = e.id
    GROUP BY GROUPING SETS ${groupingSets(byOffice, Prisma.raw("e"))}`;
}

/** Per month, per office (unless the caller shows no per-office figures: the nation's 125) and in total. */
export function groupingSets(byOffice: boolean, alias: Prisma.Sql) {
  return byOffice ? Prisma.sql`((${alias}.month), (${alias}.office_id), ())` : Prisma.sql`((${alias}.month), ())`;
}
export const officeColumn = (byOffice: boolean, alias: Prisma.Sql) => (byOffice ? Prisma.sql`${alias}.office_id` : Prisma.sql`NULL::uuid`);
/** Which set a row is of, numbered the same with or without the per-office set (figuresFromRows). */
export function grouping(byOffice: boolean, alias: Prisma.Sql) {
  return byOffice ? Prisma.sql`GROUPING(${alias}.month, ${alias}.office_id)::int` : Prisma.sql`(GROUPING(${alias}.month) * 2 + 1)::int`;
}

export type FigureRow = { month: string | null; office_id: string | null; grp: number } & SessionFigures & { held_p: number; planned_p: number; cancelled_p: number; reached_p: number };

/** GROUPING SETS ((month), (office), ()) rows: grp 1 per month, 2 per office, 3 the total. */
export function figuresFromRows(rows: FigureRow[]) {
  const inPeriod = (r: FigureRow): SessionFigures => ({ held: r.held_p, planned: r.planned_p, cancelled: r.cancelled_p, reached: r.reached_p });
  const total = rows.find((r) => r.grp === 3);
  return {
    byMonth: new Map(rows.filter((r) => r.grp === 1 && r.month).map((r) => [r.month!, { held: r.held, planned: r.planned, cancelled: r.cancelled, reached: r.reached }])),
    byOffice: new Map(rows.filter((r) => r.grp === 2 && r.office_id).map((r) => [r.office_id!, inPeriod(r)])),
    total: total ? inPeriod(total) : { held: 0, planned: 0, cancelled: 0, reached: 0 },
  };
}

/** Whether an instant is 00:00 WIB on the first of a month: a range of such bounds is whole months. */
export function isMonthStart(instant: Date): boolean {
  const { year, month } = wibDay(instant);
  return wibStartOfDay(year, month, 1).getTime() === instant.getTime();
}

/**
 * The same figures as sessionFigures, read from the per-office, per-month summaries that
 * triggers keep (migration 20261124000000_oversight_summaries, docs/decisions/0011): at most
 * offices x months rows instead of every session. Only for bounds at WIB month starts.
 */
export function summaryFigureRows(officeIds: Offices, periodFrom: Date, from: Date, to: Date, byOffice = true) {
  return select<FigureRow>`
    WITH j AS (
      SELECT office_id, month, month >= ${isoDay(periodFrom)}::date AS in_period,
        SUM(sessions) FILTER (WHERE status = 'HELD') AS held,
        SUM(sessions) FILTER (WHERE status IN ('SCHEDULED', 'POSTPONED')) AS planned,
        SUM(sessions) FILTER (WHERE status = 'CANCELLED') AS cancelled,
        SUM(reached) FILTER (WHERE status = 'HELD') AS reached
      FROM office_month_sessions
      WHERE office_id ${inOffices(officeIds)} AND month >= ${isoDay(from)}::date AND month < ${isoDay(to)}::date
        AND sessions <> 0 -- a month whose sessions all moved away keeps a row of zeros
      GROUP BY office_id, month
    )
    SELECT to_char(j.month, 'YYYY-MM') AS month, ${officeColumn(byOffice, Prisma.raw("j"))} AS office_id, ${grouping(byOffice, Prisma.raw("j"))} AS grp,
      COALESCE(SUM(j.held), 0)::int AS held, COALESCE(SUM(j.planned), 0)::int AS planned,
      COALESCE(SUM(j.cancelled), 0)::int AS cancelled, COALESCE(SUM(j.reached), 0)::int AS reached,
      COALESCE(SUM(j.held) FILTER (WHERE j.in_period), 0)::int AS held_p,
      COALESCE(SUM(j.planned) FILTER (WHERE j.in_period), 0)::int AS planned_p,
      COALESCE(SUM(j.cancelled) FILTER (WHERE j.in_period), 0)::int AS cancelled_p,
      COALESCE(SUM(j.reached) FILTER (WHERE j.in_period), 0)::int AS reached_p
    FROM j
    GROUP BY GROUPING SETS ${groupingSets(byOffice, Prisma.raw("j"))}`;
}

export function summaryReachByCategory(officeIds: Offices, period: Period) {
  return select<{ category: AttendeeCategory; male: number; female: number; unknown: number }>`
    SELECT category, SUM(male)::int AS male, SUM(female)::int AS female, SUM(unknown)::int AS unknown
    FROM office_month_reach
    WHERE office_id ${inOffices(officeIds)} AND month >= ${isoDay(period.from)}::date AND month < ${isoDay(period.to)}::date
    GROUP BY category`;
}

/**
 * Session figures and reach by category for a range: from the monthly summaries when the
 * range is whole WIB months (every month, quarter and year; custom ranges that happen to be),
 * else from the sessions themselves. Both give the same numbers (queries.test.ts checks).
 */
export function periodFigures(officeIds: Offices, period: Period, trendFrom: Date = period.from, byOffice = true) {
  const whole = isMonthStart(trendFrom) && isMonthStart(period.from) && isMonthStart(period.to);
  return {
    figures: whole
      ? summaryFigureRows(officeIds, period.from, trendFrom, period.to, byOffice)
      : sessionFigureRows(officeIds, period.from, trendFrom, period.to, byOffice),
    categories: whole ? summaryReachByCategory(officeIds, period) : reachByCategory(officeIds, period),
  };
}

/** Desa binaan per office; `onlyIf` lets one statement skip the count when its page shows none. */
export function villageCounts(officeIds: Offices, onlyIf: Prisma.Sql = Prisma.sql`TRUE`) {
  return select<{ office_id: string; villages: number }>`
    SELECT office_id, COUNT(*)::int AS villages FROM desa_binaan WHERE office_id ${inOffices(officeIds)} AND ${onlyIf} GROUP BY office_id`;
}

/**
 * Desa binaan as they stood at the end of a past day range: registered (their first history row)
 * before `end`, at the stage of their latest history row before it. A report for a past period
 * counts these, not today's villages (id, office_id, village_code, stage).
 */
export function villagesAsOf(officeIds: string[], end: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id, d.office_id, d.village_code, s.stage FROM desa_binaan d
    CROSS JOIN LATERAL (
      SELECT c.to_stage AS stage FROM desa_binaan_stage_change c
      WHERE c.desa_binaan_id = d.id
        AND c.effective_on <= ((${end}::timestamptz - interval '1 millisecond') AT TIME ZONE ${REPORT_TIME_ZONE})::date
      ORDER BY c.effective_on DESC, c.created_at DESC LIMIT 1
    ) s
    WHERE d.office_id = ANY(${officeIds}::uuid[])`;
}

export const byName = new Intl.Collator("id");

/** Per office: its desa binaan and its sessions in the period. */
export function perOfficeRows(offices: { id: string; name: string }[], villages: { office_id: string; villages: number }[], figures: Map<string, SessionFigures>) {
  const villageMap = new Map(villages.map((v) => [v.office_id, v.villages]));
  return offices
    .map((o) => {
      const f = figures.get(o.id);
      return { officeId: o.id, name: o.name, villages: villageMap.get(o.id) ?? 0, held: f?.held ?? 0, planned: f?.planned ?? 0, reached: f?.reached ?? 0 };
    })
    .sort((a, b) => byName.compare(a.name, b.name));
}

export type AttentionVillage = {
  id: string;
  village: string;
  district: string;
  regency: string;
  office: string;
  stage: VillageStage;
  lastHeldAt: Date | null;
  total: number;
};
type AttentionRow = Omit<AttentionVillage, "lastHeldAt"> & { lastHeldAt: string | null };
export const toAttentionVillage = (r: AttentionRow): AttentionVillage => ({ ...r, lastHeldAt: r.lastHeldAt === null ? null : new Date(r.lastHeldAt) });

/**
 * The villages picked by `shown` (id, stage, village_code, office_id, last_held_at, total), with
 * the names a reader needs: the page is chosen first, names are looked up for those rows only.
 */
export function withNames(shown: Prisma.Sql) {
  return select<AttentionRow>`
    WITH shown AS (${shown})
    SELECT shown.id, v.name AS village, di.name AS district, re.name AS regency, o.name AS office,
      shown.stage, shown.last_held_at AS "lastHeldAt", shown.total
    FROM shown
    JOIN village v ON v.code = shown.village_code
    JOIN district di ON di.code = v.district_code
    JOIN regency re ON re.code = v.regency_code
    JOIN office o ON o.id = shown.office_id
    ORDER BY shown.last_held_at ASC NULLS FIRST, shown.village_code`;
}

/** Desa binaan (not inactive) with no held session in the last 90 days, longest-neglected first. */
export function villagesNeedingAttention(officeIds: string[], now: Date, limit: number, { asOf = false } = {}) {
  const since = new Date(now.getTime() - ATTENTION_DAYS * DAY_MS);
  // asOf: the villages and stages of that day (a report), not today's
  const villages = asOf ? villagesAsOf(officeIds, now) : Prisma.sql`SELECT id, stage, village_code, office_id FROM desa_binaan WHERE office_id = ANY(${officeIds}::uuid[])`;
  return withNames(Prisma.sql`
    WITH mine AS (
      SELECT id, stage, village_code, office_id FROM (${villages}) v WHERE stage <> 'INACTIVE'
    ), held AS (
      SELECT ev.desa_binaan_id, MAX(e.starts_at) AS last_held_at
      FROM event_village ev JOIN mine ON mine.id = ev.desa_binaan_id JOIN event e ON e.id = ev.event_id
      WHERE e.status = 'HELD' AND e.starts_at <= ${now}
      GROUP BY ev.desa_binaan_id
    ), page AS (
      SELECT mine.*, held.last_held_at, (COUNT(*) OVER ())::int AS total
      FROM mine LEFT JOIN held ON held.desa_binaan_id = mine.id
      WHERE held.last_held_at IS NULL OR held.last_held_at < ${since}
      ORDER BY held.last_held_at ASC NULLS FIRST, mine.village_code
      LIMIT ${limit}
    )
    SELECT * FROM page`);
}
