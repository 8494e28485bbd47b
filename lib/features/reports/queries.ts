import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AttendeeCategory, EventStatus, EventType, VillageStage } from "@/lib/generated/prisma/enums";
import type { PermissionKey } from "@/lib/auth/permissions";
import { REPORT_TIME_ZONE, trendMonths, type Period } from "@/lib/features/reports/period";
import type { DashboardFilters, ReportRequest } from "@/lib/features/reports/schemas";
import { reportPeriod } from "@/lib/features/reports/schemas";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { officeWhere, requireScope, type SessionUser } from "@/lib/server/scope";

/** A village counts as needing attention after this many days without a held session. */
export const ATTENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Reach = { male: number; female: number; unknown: number; total: number };

/**
 * The offices whose figures the user may see, narrowed by the filters. Filters can only narrow
 * the scope: another office's id or another province simply leaves nothing.
 */
async function scopedOffices(user: SessionUser, key: PermissionKey, filter: { officeId?: string; provinceCode?: string; kanwilId?: string }) {
  const and: Prisma.OfficeWhereInput[] = [officeWhere(user, key)];
  if (filter.officeId) and.push({ id: filter.officeId });
  if (filter.provinceCode) and.push({ provinceCode: filter.provinceCode });
  if (filter.kanwilId) and.push({ kanwilId: filter.kanwilId });
  return db.office.findMany({
    where: { AND: and },
    orderBy: [{ provinceCode: "asc" }, { name: "asc" }],
    select: { id: true, name: true, provinceCode: true, kanwilId: true },
  });
}

const ids = (offices: { id: string }[]) => offices.map((o) => o.id);

function toReach(row: { male: number | null; female: number | null; unknown: number | null } | undefined): Reach {
  const male = Number(row?.male ?? 0);
  const female = Number(row?.female ?? 0);
  const unknown = Number(row?.unknown ?? 0);
  return { male, female, unknown, total: male + female + unknown };
}

// ─────────────────────────── The SQL, one aggregate each ───────────────────────────
// Every statement takes the office ids already scoped above, so none can widen the scope.

function villagesByStage(officeIds: string[]) {
  return db.$queryRaw<{ stage: VillageStage; n: number }[]>`
    SELECT stage, COUNT(*)::int AS n FROM desa_binaan
    WHERE office_id = ANY(${officeIds}::uuid[]) GROUP BY stage`;
}

function sessionsByStatus(officeIds: string[], period: Period) {
  return db.$queryRaw<{ status: EventStatus; n: number }[]>`
    SELECT status, COUNT(*)::int AS n FROM event
    WHERE office_id = ANY(${officeIds}::uuid[]) AND starts_at >= ${period.from} AND starts_at < ${period.to}
    GROUP BY status`;
}

function reachByCategory(officeIds: string[], period: Period) {
  return db.$queryRaw<{ category: AttendeeCategory; male: number; female: number; unknown: number }[]>`
    SELECT r.category, SUM(r.male)::int AS male, SUM(r.female)::int AS female, SUM(r.unknown)::int AS unknown
    FROM event e JOIN event_reach r ON r.event_id = e.id
    WHERE e.office_id = ANY(${officeIds}::uuid[]) AND e.status = 'HELD'
      AND e.starts_at >= ${period.from} AND e.starts_at < ${period.to}
    GROUP BY r.category`;
}

type SessionFigures = { held: number; planned: number; cancelled: number; reached: number };

/**
 * Session counts and people reached in one pass over the sessions of [from, to): per month (all
 * of the range, for the trend), and per office and in total (only from `periodFrom` on). Each
 * session's reach is summed once from event_reach with a hash join.
 */
async function sessionFigures(officeIds: string[], periodFrom: Date, from: Date, to: Date) {
  const rows = await db.$queryRaw<({ month: string | null; office_id: string | null; grp: number } & SessionFigures & { held_p: number; planned_p: number; cancelled_p: number; reached_p: number })[]>`
    WITH e AS (
      SELECT id, office_id, status, starts_at >= ${periodFrom} AS in_period,
        to_char(date_trunc('month', starts_at AT TIME ZONE ${REPORT_TIME_ZONE}), 'YYYY-MM') AS month
      FROM event
      WHERE office_id = ANY(${officeIds}::uuid[]) AND starts_at >= ${from} AND starts_at < ${to}
    ), t AS (
      SELECT r.event_id, SUM(r.male + r.female + r.unknown) AS total
      FROM event_reach r JOIN e ON e.id = r.event_id WHERE e.status = 'HELD' GROUP BY r.event_id
    )
    SELECT e.month, e.office_id, GROUPING(e.month, e.office_id)::int AS grp,
      COUNT(*) FILTER (WHERE e.status = 'HELD')::int AS held,
      COUNT(*) FILTER (WHERE e.status IN ('SCHEDULED', 'POSTPONED'))::int AS planned,
      COUNT(*) FILTER (WHERE e.status = 'CANCELLED')::int AS cancelled,
      COALESCE(SUM(t.total), 0)::int AS reached,
      COUNT(*) FILTER (WHERE e.in_period AND e.status = 'HELD')::int AS held_p,
      COUNT(*) FILTER (WHERE e.in_period AND e.status IN ('SCHEDULED', 'POSTPONED'))::int AS planned_p,
      COUNT(*) FILTER (WHERE e.in_period AND e.status = 'CANCELLED')::int AS cancelled_p,
      COALESCE(SUM(t.total) FILTER (WHERE e.in_period), 0)::int AS reached_p
    FROM e LEFT JOIN t ON t.event_id = e.id
    GROUP BY GROUPING SETS ((e.month), (e.office_id), ())`;
  const inPeriod = (r: (typeof rows)[number]): SessionFigures => ({ held: r.held_p, planned: r.planned_p, cancelled: r.cancelled_p, reached: r.reached_p });
  const total = rows.find((r) => r.grp === 3);
  return {
    byMonth: new Map(rows.filter((r) => r.grp === 1 && r.month).map((r) => [r.month!, { held: r.held, planned: r.planned, cancelled: r.cancelled, reached: r.reached }])),
    byOffice: new Map(rows.filter((r) => r.grp === 2 && r.office_id).map((r) => [r.office_id!, inPeriod(r)])),
    total: total ? inPeriod(total) : { held: 0, planned: 0, cancelled: 0, reached: 0 },
  };
}

function villageCounts(officeIds: string[]) {
  return db.$queryRaw<{ office_id: string; villages: number }[]>`
    SELECT office_id, COUNT(*)::int AS villages FROM desa_binaan WHERE office_id = ANY(${officeIds}::uuid[]) GROUP BY office_id`;
}

/** Per office: its desa binaan and its sessions in the period. */
function perOfficeRows(offices: { id: string; name: string }[], villages: { office_id: string; villages: number }[], figures: Map<string, SessionFigures>) {
  const villageMap = new Map(villages.map((v) => [v.office_id, v.villages]));
  return offices
    .map((o) => {
      const f = figures.get(o.id);
      return { officeId: o.id, name: o.name, villages: villageMap.get(o.id) ?? 0, held: f?.held ?? 0, planned: f?.planned ?? 0, reached: f?.reached ?? 0 };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
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

/** Desa binaan (not inactive) with no held session in the last 90 days, longest-neglected first. */
function villagesNeedingAttention(officeIds: string[], now: Date, limit: number) {
  const since = new Date(now.getTime() - ATTENTION_DAYS * DAY_MS);
  return db.$queryRaw<AttentionVillage[]>`
    WITH mine AS (
      SELECT id, stage, village_code, office_id FROM desa_binaan
      WHERE office_id = ANY(${officeIds}::uuid[]) AND stage <> 'INACTIVE'
    ), held AS (
      SELECT ev.desa_binaan_id, MAX(e.starts_at) AS last_held_at
      FROM event_village ev JOIN mine ON mine.id = ev.desa_binaan_id JOIN event e ON e.id = ev.event_id
      WHERE e.status = 'HELD' AND e.starts_at <= ${now}
      GROUP BY ev.desa_binaan_id
    ), shown AS (
      -- pick the page first, then look up names for those rows only
      SELECT mine.*, held.last_held_at, (COUNT(*) OVER ())::int AS total
      FROM mine LEFT JOIN held ON held.desa_binaan_id = mine.id
      WHERE held.last_held_at IS NULL OR held.last_held_at < ${since}
      ORDER BY held.last_held_at ASC NULLS FIRST, mine.village_code
      LIMIT ${limit}
    )
    SELECT shown.id, v.name AS village, di.name AS district, re.name AS regency, o.name AS office,
      shown.stage, shown.last_held_at AS "lastHeldAt", shown.total
    FROM shown
    JOIN village v ON v.code = shown.village_code
    JOIN district di ON di.code = v.district_code
    JOIN regency re ON re.code = v.regency_code
    JOIN office o ON o.id = shown.office_id
    ORDER BY shown.last_held_at ASC NULLS FIRST, shown.village_code`;
}

/** Desa binaan per province of the village (where it is, not which office owns it), by stage. */
function villagesByProvince(officeIds: string[]) {
  return db.$queryRaw<{ province_code: string; stage: VillageStage; n: number }[]>`
    SELECT v.province_code, d.stage, COUNT(*)::int AS n
    FROM desa_binaan d JOIN village v ON v.code = d.village_code
    WHERE d.office_id = ANY(${officeIds}::uuid[])
    GROUP BY 1, 2`;
}

// ─────────────────────────── Dashboard ───────────────────────────

export type RegionCoverage = { provinceCode: string; name: string; total: number; byStage: Partial<Record<VillageStage, number>> };

/** Everything the dashboard shows, for the offices the user may read, narrowed by the filters. */
export async function getDashboard(user: SessionUser, filters: DashboardFilters, now = new Date()) {
  if (user.role === "VILLAGE") throw new AppError("FORBIDDEN");
  // Filters narrow the user's own offices, so they can never reach beyond them.
  const allOffices = await scopedOffices(user, "read:report", {});
  const offices = allOffices.filter(
    (o) => (!filters.officeId || o.id === filters.officeId) && (!filters.provinceCode || o.provinceCode === filters.provinceCode),
  );
  const officeIds = ids(offices);
  const months = trendMonths(filters.period);
  const firstMonth = months[0]?.from ?? filters.period.from;
  const trendFrom = firstMonth < filters.period.from ? firstMonth : filters.period.from;
  const [stages, figures, categories, villages, attention, provinces, provinceNames] = await Promise.all([
    villagesByStage(officeIds),
    sessionFigures(officeIds, filters.period.from, trendFrom, filters.period.to),
    reachByCategory(officeIds, filters.period),
    offices.length > 1 ? villageCounts(officeIds) : Promise.resolve([]),
    villagesNeedingAttention(officeIds, now, 25),
    // the map and the province filter exist only above a single office
    offices.length > 1 ? villagesByProvince(officeIds) : Promise.resolve([]),
    allOffices.length > 1 ? db.province.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }) : Promise.resolve([]),
  ]);

  const byCategory = categories.map((c) => ({ category: c.category, ...toReach(c) })).sort((a, b) => b.total - a.total);
  const reach = byCategory.reduce<Reach>(
    (sum, c) => ({ male: sum.male + c.male, female: sum.female + c.female, unknown: sum.unknown + c.unknown, total: sum.total + c.total }),
    { male: 0, female: 0, unknown: 0, total: 0 },
  );
  const nameOf = new Map(provinceNames.map((p) => [p.code, p.name]));
  const coverage = new Map<string, RegionCoverage>();
  for (const row of provinces) {
    const entry = coverage.get(row.province_code) ?? { provinceCode: row.province_code, name: nameOf.get(row.province_code) ?? row.province_code, total: 0, byStage: {} };
    entry.total += row.n;
    entry.byStage[row.stage] = row.n;
    coverage.set(row.province_code, entry);
  }
  return {
    period: filters.period,
    filters,
    officeChoices: allOffices,
    provinceChoices: [...new Set(allOffices.map((o) => o.provinceCode))].map((code) => ({ code, name: nameOf.get(code) ?? code })),
    officeCount: offices.length,
    villagesByStage: Object.fromEntries(stages.map((s) => [s.stage, s.n])) as Partial<Record<VillageStage, number>>,
    villageCount: stages.reduce((n, s) => n + s.n, 0),
    sessions: { held: figures.total.held, planned: figures.total.planned, cancelled: figures.total.cancelled },
    reach,
    reachByCategory: byCategory,
    trend: months.map(({ year, month }) => {
      const key = `${year}-${String(month).padStart(2, "0")}`;
      const row = figures.byMonth.get(key);
      return { key, year, month, held: row?.held ?? 0, planned: row?.planned ?? 0, reached: row?.reached ?? 0 };
    }),
    perOffice: offices.length > 1 ? perOfficeRows(offices, villages, figures.byOffice) : [],
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
  return db.$queryRaw<ReportSession[]>`
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
  return db.$queryRaw<{ n: number }[]>`
    SELECT COUNT(DISTINCT ev.desa_binaan_id)::int AS n FROM event e JOIN event_village ev ON ev.event_id = e.id
    WHERE e.office_id = ANY(${officeIds}::uuid[]) AND e.status = 'HELD'
      AND e.starts_at >= ${period.from} AND e.starts_at < ${period.to}`;
}

function stageChangesIn(officeIds: string[], period: Period) {
  return db.$queryRaw<{ stage: VillageStage; n: number }[]>`
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
  const [stages, statuses, categories, figures, villages, sessions, reachedVillages, stageChanges, attention] = await Promise.all([
    villagesByStage(officeIds),
    sessionsByStatus(officeIds, period),
    reachByCategory(officeIds, period),
    sessionFigures(officeIds, period.from, period.from, period.to),
    villageCounts(officeIds),
    reportSessions(officeIds, period),
    villagesReached(officeIds, period),
    stageChangesIn(officeIds, period),
    villagesNeedingAttention(officeIds, now < period.to ? now : period.to, 10_000),
  ]);
  const status = Object.fromEntries(statuses.map((s) => [s.status, s.n])) as Partial<Record<EventStatus, number>>;
  const byCategory = categories.map((c) => ({ category: c.category, ...toReach(c) })).sort((a, b) => b.total - a.total);
  const held = sessions.filter((s) => s.status === "HELD");
  return {
    level: request.level,
    subject,
    period,
    generatedAt: now,
    villagesByStage: Object.fromEntries(stages.map((s) => [s.stage, s.n])) as Partial<Record<VillageStage, number>>,
    villageCount: stages.reduce((n, s) => n + s.n, 0),
    sessionCounts: {
      held: status.HELD ?? 0,
      planned: (status.SCHEDULED ?? 0) + (status.POSTPONED ?? 0),
      cancelled: status.CANCELLED ?? 0,
    },
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
