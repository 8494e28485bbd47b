import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AttendeeCategory, EventStatus, EventType, VillageStage } from "@/lib/generated/prisma/enums";
import type { PermissionKey } from "@/lib/auth/permissions";
import { isoDay, REPORT_TIME_ZONE, trendMonths, wibDay, wibStartOfDay, type Period } from "@/lib/features/reports/period";
import type { DashboardFilters, ReportRequest } from "@/lib/features/reports/schemas";
import { reportPeriod } from "@/lib/features/reports/schemas";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { officeScopeSql, requireScope, type SessionUser } from "@/lib/server/scope";
import { select, selectRows, selectTogether } from "@/lib/server/sql";

/** A village counts as needing attention after this many days without a held session. */
export const ATTENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Reach = { male: number; female: number; unknown: number; total: number };

/**
 * The offices whose figures the user may see, narrowed by the filters. Filters can only narrow
 * the scope: another office's id or another province simply leaves nothing.
 */
async function scopedOffices(user: SessionUser, key: PermissionKey, filter: { officeId?: string; provinceCode?: string; kanwilId?: string }) {
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

const ids = (offices: { id: string }[]) => offices.map((o) => o.id);

/**
 * The offices a figure covers: their ids; SQL yielding them (a subquery of the same statement, as
 * the dashboard's `scoped`); or "all" for the nation unfiltered, which needs no condition at all.
 * A list of 125 ids bound five times cost the database more to read and plan than the dashboard's
 * aggregates cost to run. A subquery is read as an array (`= ANY(ARRAY(...))`), so a Kanwil's few
 * offices are looked up in the (office_id, month) keys instead of hashed against a year of rows.
 */
export type Offices = string[] | Prisma.Sql | "all";
function inOffices(offices: Offices): Prisma.Sql {
  if (offices === "all") return Prisma.sql`IS NOT NULL`;
  return Array.isArray(offices) ? Prisma.sql`= ANY(${offices}::uuid[])` : Prisma.sql`= ANY(ARRAY(${offices}))`;
}

function toReach(row: { male: number | null; female: number | null; unknown: number | null } | undefined): Reach {
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
function villagesByProvinceAndStage(officeIds: Offices) {
  return select<{ province_code: string; stage: VillageStage; n: number }>`
    SELECT left(village_code, 2) AS province_code, stage, COUNT(*)::int AS n FROM desa_binaan
    WHERE office_id ${inOffices(officeIds)} GROUP BY 1, 2`;
}

function stageCounts(rows: { stage: VillageStage; n: number }[]): Partial<Record<VillageStage, number>> {
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
function groupingSets(byOffice: boolean, alias: Prisma.Sql) {
  return byOffice ? Prisma.sql`((${alias}.month), (${alias}.office_id), ())` : Prisma.sql`((${alias}.month), ())`;
}
const officeColumn = (byOffice: boolean, alias: Prisma.Sql) => (byOffice ? Prisma.sql`${alias}.office_id` : Prisma.sql`NULL::uuid`);
/** Which set a row is of, numbered the same with or without the per-office set (figuresFromRows). */
function grouping(byOffice: boolean, alias: Prisma.Sql) {
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
function isMonthStart(instant: Date): boolean {
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
function villageCounts(officeIds: Offices, onlyIf: Prisma.Sql = Prisma.sql`TRUE`) {
  return select<{ office_id: string; villages: number }>`
    SELECT office_id, COUNT(*)::int AS villages FROM desa_binaan WHERE office_id ${inOffices(officeIds)} AND ${onlyIf} GROUP BY office_id`;
}

/**
 * Desa binaan as they stood at the end of a past day range: registered (their first history row)
 * before `end`, at the stage of their latest history row before it. A report for a past period
 * counts these, not today's villages (id, office_id, village_code, stage).
 */
function villagesAsOf(officeIds: string[], end: Date): Prisma.Sql {
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

const byName = new Intl.Collator("id");

/** Per office: its desa binaan and its sessions in the period. */
function perOfficeRows(offices: { id: string; name: string }[], villages: { office_id: string; villages: number }[], figures: Map<string, SessionFigures>) {
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
function withNames(shown: Prisma.Sql) {
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


// ─────────────────────────── Dashboard ───────────────────────────

export type RegionCoverage = { provinceCode: string; name: string; total: number; byStage: Partial<Record<VillageStage, number>> };

/**
 * Desa binaan (not inactive) whose latest held session (desa_binaan.last_held_at, kept by
 * triggers) is older than 90 days before `now`, or that never had one: the dashboard's list.
 * Reports ask the same of a past date with villagesNeedingAttention, from the sessions.
 */
export function villagesNeedingAttentionNow(officeIds: Offices, now: Date, limit: number) {
  const since = new Date(now.getTime() - ATTENTION_DAYS * DAY_MS);
  return withNames(Prisma.sql`
    SELECT d.id, d.stage, d.village_code, d.office_id, d.last_held_at, (COUNT(*) OVER ())::int AS total
    FROM desa_binaan d
    WHERE d.office_id ${inOffices(officeIds)} AND d.stage <> 'INACTIVE'
      AND (d.last_held_at IS NULL OR d.last_held_at < ${since})
    ORDER BY d.last_held_at ASC NULLS FIRST, d.village_code
    LIMIT ${limit}`);
}

/** Above this many offices (the national view) the dashboard's per-office table gives way to the map's per-province table. */
export const PER_OFFICE_LIMIT = 40;

/** Everything the dashboard shows, for the offices the user may read, narrowed by the filters. */
export async function getDashboard(user: SessionUser, filters: DashboardFilters, now = new Date(), { perOfficeLimit = PER_OFFICE_LIMIT } = {}) {
  if (user.role === "VILLAGE") throw new AppError("FORBIDDEN");
  const mayRead = officeScopeSql(user, "read:report");
  // Filters narrow the user's own offices, so they can never reach beyond them.
  const narrowed = Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(filters.officeId ? [Prisma.sql`o.id = ${filters.officeId}::uuid`] : []),
      ...(filters.provinceCode ? [Prisma.sql`o.province_code = ${filters.provinceCode}::text`] : []),
    ],
    " AND ",
  );
  // `readable` (the offices the user may read, each marked whether the filters keep it) and
  // `scoped` (those kept) are subqueries of the one statement: the aggregates read them there
  // instead of taking the office ids from an earlier round trip.
  const everyOffice = requireScope(user, "read:report") === "any" && !filters.officeId && !filters.provinceCode;
  const scoped: Offices = everyOffice ? "all" : Prisma.sql`SELECT id FROM scoped`;
  const months = trendMonths(filters.period);
  const firstMonth = months[0]?.from ?? filters.period.from;
  const trendFrom = firstMonth < filters.period.from ? firstMonth : filters.period.from;
  const { officeRows, figures: figureRows, categories, villages, attention: attentionRows, provinces, provinceNames, kanwil } = await selectTogether(
    {
      officeRows: select<{ id: string; name: string; provinceCode: string; selected: boolean }>`
        SELECT id, name, "provinceCode", selected FROM readable ORDER BY "provinceCode", name, id`,
      // per office too, for the nation as well: its per-office table must add up to its headline
      ...periodFigures(scoped, filters.period, trendFrom, true),
      // per office only where the page shows a per-office table
      villages: villageCounts(scoped, Prisma.sql`(SELECT COUNT(*) FROM scoped) BETWEEN 2 AND ${perOfficeLimit}`),
      // to the minute: the statement, and so what other readers may share (remember below), stays
      // the same for a minute instead of changing every millisecond
      attention: villagesNeedingAttentionNow(scoped, new Date(Math.floor(now.getTime() / 60_000) * 60_000), 25),
      provinces: villagesByProvinceAndStage(scoped),
      // the map and the province filter exist only above a single office
      provinceNames: select<{ code: string; name: string }>`
        SELECT code, name FROM province WHERE (SELECT COUNT(*) FROM readable) > 1 ORDER BY code`,
      // what a Kanwil's page is headed with (an office's name is among its office choices)
      kanwil: select<{ name: string }>`SELECT name FROM kanwil WHERE id = ${user.kanwilId}::uuid`,
    },
    {
      with: {
        readable: Prisma.sql`SELECT o.id, o.name, o.province_code AS "provinceCode", ${narrowed} AS selected FROM office o WHERE ${mayRead}`,
        scoped: Prisma.sql`SELECT id FROM readable WHERE selected`,
      },
      // Every national user asks the same; a Kanwil's staff ask alike. The user's scope is in
      // the statement, so a result is shared only by readers of the same scope.
      remember: true,
    },
  );
  const allOffices = officeRows.map((o) => ({ id: o.id, name: o.name, provinceCode: o.provinceCode }));
  const offices = officeRows.filter((o) => o.selected);
  const figures = figuresFromRows(figureRows);
  const attention = attentionRows.map(toAttentionVillage);
  const byCategory = categories.map((c) => ({ category: c.category, ...toReach(c) })).sort((a, b) => b.total - a.total);
  const reach = byCategory.reduce<Reach>(
    (sum, c) => ({ male: sum.male + c.male, female: sum.female + c.female, unknown: sum.unknown + c.unknown, total: sum.total + c.total }),
    { male: 0, female: 0, unknown: 0, total: 0 },
  );
  const nameOf = new Map(provinceNames.map((p) => [p.code, p.name]));
  const coverage = new Map<string, RegionCoverage>();
  if (offices.length > 1) {
    for (const row of provinces) {
      const entry = coverage.get(row.province_code) ?? { provinceCode: row.province_code, name: nameOf.get(row.province_code) ?? row.province_code, total: 0, byStage: {} };
      entry.total += row.n;
      entry.byStage[row.stage] = row.n;
      coverage.set(row.province_code, entry);
    }
  }
  const villagesByStage = stageCounts(provinces);
  return {
    period: filters.period,
    filters,
    /** The user's Kanwil, for a regional overseer's heading. */
    kanwilName: kanwil[0]?.name ?? null,
    officeChoices: allOffices,
    provinceChoices: [...new Set(allOffices.map((o) => o.provinceCode))].map((code) => ({ code, name: nameOf.get(code) ?? code })),
    officeCount: offices.length,
    villagesByStage,
    villageCount: Object.values(villagesByStage).reduce((n, c) => n + c, 0),
    sessions: { held: figures.total.held, planned: figures.total.planned, cancelled: figures.total.cancelled },
    reach,
    reachByCategory: byCategory,
    trend: months.map(({ year, month }) => {
      const key = `${year}-${String(month).padStart(2, "0")}`;
      const row = figures.byMonth.get(key);
      return { key, year, month, held: row?.held ?? 0, planned: row?.planned ?? 0, reached: row?.reached ?? 0 };
    }),
    perOffice: offices.length > 1 && offices.length <= perOfficeLimit ? perOfficeRows(offices, villages, figures.byOffice) : [],
    attention: { total: attention[0]?.total ?? 0, villages: attention },
    coverage: [...coverage.values()].sort((a, b) => b.total - a.total),
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

// ─────────────────────────── Periodic reports ───────────────────────────

export type ReportSession = {
  id: string;
  startsAt: Date;
  timeZone: string;
  office: string;
  type: EventType;
  status: EventStatus;
  title: string;
  venueName: string;
  villages: string | null;
  reached: number;
  reportNotes: string | null;
  followUps: string | null;
};

type ReportSessionRow = Omit<ReportSession, "startsAt"> & { startsAt: string };

/** Resolves which offices a report covers; a level or id outside the user's scope is "not found". */
async function reportSubject(user: SessionUser, request: ReportRequest) {
  const scope = requireScope(user, "export:report");
  if (request.level === "office") {
    const offices = await scopedOffices(user, "export:report", { officeId: assertId(request.id ?? "") });
    if (offices.length === 0) throw new AppError("NOT_FOUND");
    const office = await db.office.findUniqueOrThrow({
      where: { id: offices[0]!.id },
      select: { name: true, address: true, headName: true, kanwil: { select: { name: true } } },
    });
    return { name: office.name, parent: office.kanwil.name, headName: office.headName, address: office.address, offices };
  }
  if (request.level === "kanwil") {
    const kanwilId = assertId(request.id ?? "");
    if (scope !== "any" && !(scope === "own-region" && user.kanwilId === kanwilId)) throw new AppError("NOT_FOUND");
    const kanwil = await db.kanwil.findUnique({ where: { id: kanwilId }, select: { name: true, address: true } });
    if (!kanwil) throw new AppError("NOT_FOUND");
    const offices = await scopedOffices(user, "export:report", { kanwilId });
    return { name: kanwil.name, parent: "Direktorat Jenderal Imigrasi", headName: null, address: kanwil.address, offices };
  }
  if (scope !== "any") throw new AppError("NOT_FOUND");
  return { name: "Direktorat Jenderal Imigrasi", parent: null, headName: null, address: null, offices: await scopedOffices(user, "export:report", {}) };
}

function reportSessions(officeIds: string[], period: Period) {
  return select<ReportSessionRow>`
    SELECT e.id, e.starts_at AS "startsAt", e.time_zone AS "timeZone", o.name AS office, e.type, e.status, e.title,
      e.venue_name AS "venueName", e.report_notes AS "reportNotes", e.follow_ups AS "followUps",
      (SELECT string_agg(v.name, ', ' ORDER BY v.name) FROM event_village ev
        JOIN desa_binaan d ON d.id = ev.desa_binaan_id JOIN village v ON v.code = d.village_code
        WHERE ev.event_id = e.id) AS villages,
      COALESCE((SELECT SUM(male + female + unknown) FROM event_reach WHERE event_id = e.id), 0)::int AS reached
    FROM event e JOIN office o ON o.id = e.office_id
    WHERE e.office_id = ANY(${officeIds}::uuid[]) AND e.starts_at >= ${period.from} AND e.starts_at < ${period.to}
    ORDER BY e.starts_at, o.name`;
}

function villagesReached(officeIds: string[], period: Period) {
  return select<{ n: number }>`
    SELECT COUNT(DISTINCT ev.desa_binaan_id)::int AS n FROM event e JOIN event_village ev ON ev.event_id = e.id
    WHERE e.office_id = ANY(${officeIds}::uuid[]) AND e.status = 'HELD'
      AND e.starts_at >= ${period.from} AND e.starts_at < ${period.to}`;
}

function stageChangesIn(officeIds: string[], period: Period) {
  return select<{ stage: VillageStage; n: number }>`
    SELECT c.to_stage AS stage, COUNT(*)::int AS n FROM desa_binaan_stage_change c JOIN desa_binaan d ON d.id = c.desa_binaan_id
    WHERE d.office_id = ANY(${officeIds}::uuid[])
      AND c.effective_on >= (${period.from}::timestamptz AT TIME ZONE ${REPORT_TIME_ZONE})::date
      AND c.effective_on < (${period.to}::timestamptz AT TIME ZONE ${REPORT_TIME_ZONE})::date
    GROUP BY 1`;
}

/** The figures of a monthly or quarterly activity report for an office, a Kanwil or the nation. */
export async function getActivityReport(user: SessionUser, request: ReportRequest, now = new Date()) {
  if (user.role === "VILLAGE") throw new AppError("FORBIDDEN");
  const subject = await reportSubject(user, request);
  const period = reportPeriod(request);
  const officeIds = ids(subject.offices);
  // the villages as they stood at the period's end (or now, for the running period)
  const end = now < period.to ? now : period.to;
  const asOf = villagesAsOf(officeIds, end);
  const rows = await selectTogether({
    stages: select<{ province_code: string; stage: VillageStage; n: number }>`
      SELECT left(village_code, 2) AS province_code, stage, COUNT(*)::int AS n FROM (${asOf}) v GROUP BY 1, 2`,
    ...periodFigures(officeIds, period),
    villages: select<{ office_id: string; villages: number }>`SELECT office_id, COUNT(*)::int AS villages FROM (${asOf}) v GROUP BY office_id`,
    sessions: reportSessions(officeIds, period),
    reachedVillages: villagesReached(officeIds, period),
    stageChanges: stageChangesIn(officeIds, period),
    attention: villagesNeedingAttention(officeIds, end, 10_000, { asOf: true }),
  });
  const { stages, categories, villages, reachedVillages, stageChanges } = rows;
  const figures = figuresFromRows(rows.figures);
  const sessions: ReportSession[] = rows.sessions.map((r) => ({ ...r, startsAt: new Date(r.startsAt) }));
  const attention = rows.attention.map(toAttentionVillage);
  const byCategory = categories.map((c) => ({ category: c.category, ...toReach(c) })).sort((a, b) => b.total - a.total);
  const held = sessions.filter((s) => s.status === "HELD");
  return {
    level: request.level,
    subject,
    period,
    generatedAt: now,
    villagesByStage: stageCounts(stages),
    villageCount: stages.reduce((n, s) => n + s.n, 0),
    sessionCounts: { held: figures.total.held, planned: figures.total.planned, cancelled: figures.total.cancelled },
    villagesReached: reachedVillages[0]?.n ?? 0,
    stageChanges: Object.fromEntries(stageChanges.map((s) => [s.stage, s.n])) as Partial<Record<VillageStage, number>>,
    reach: byCategory.reduce<Reach>(
      (sum, c) => ({ male: sum.male + c.male, female: sum.female + c.female, unknown: sum.unknown + c.unknown, total: sum.total + c.total }),
      { male: 0, female: 0, unknown: 0, total: 0 },
    ),
    reachByCategory: byCategory,
    perOffice: request.level === "office" ? [] : perOfficeRows(subject.offices, villages, figures.byOffice),
    sessions,
    /** The held sessions that reached most people: what a head of office reads first. */
    highlights: [...held].sort((a, b) => b.reached - a.reached).slice(0, 5),
    attention,
  };
}
export type ActivityReport = Awaited<ReturnType<typeof getActivityReport>>;

/** Which reports the user may pull: their own level and the levels below it. */
export async function getReportChoices(user: SessionUser) {
  if (user.role === "VILLAGE") throw new AppError("FORBIDDEN");
  const scope = requireScope(user, "export:report");
  const offices = await scopedOffices(user, "export:report", {});
  const kanwils = await db.kanwil.findMany({
    where: scope === "any" ? {} : { id: { in: scope === "own-region" && user.kanwilId ? [user.kanwilId] : [] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return { national: scope === "any", kanwils, offices: offices.map((o) => ({ id: o.id, name: o.name })) };
}
