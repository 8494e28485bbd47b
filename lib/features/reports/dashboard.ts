import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VillageStage } from "@/lib/generated/prisma/enums";
import { trendMonths } from "@/lib/features/reports/period";
import type { DashboardFilters } from "@/lib/features/reports/schemas";
import { AppError } from "@/lib/server/errors";
import { officeScopeSql, requireScope, type SessionUser } from "@/lib/server/scope";
import { select, selectTogether } from "@/lib/server/sql";
import {
  ATTENTION_DAYS,
  DAY_MS,
  figuresFromRows,
  inOffices,
  perOfficeRows,
  periodFigures,
  stageCounts,
  toAttentionVillage,
  toReach,
  villageCounts,
  villagesByProvinceAndStage,
  withNames,
  type Offices,
  type Reach,
} from "@/lib/features/reports/figures";

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
