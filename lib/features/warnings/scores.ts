import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeFor } from "@/lib/auth/permissions";
import { wibDay, type Period } from "@/lib/features/reports/period";
import { AppError } from "@/lib/server/errors";
import { officeScopeSql, requireScope, warningScopeSql, type SessionUser } from "@/lib/server/scope";
import { deepFreeze } from "@/lib/server/snapshot-memo";
import { select, selectTogether } from "@/lib/server/sql";

/**
 * Early-warning scores (ADR 0024): per office and month, and summed per Kanwil and nationally,
 * the median time to a first response, the share answered within the SLA, the reports filed, and
 * the live open and overdue counts. The monthly figures come from warning_office_month (kept by
 * the trigger warning_report_scores); the live counts from the open reports (partial indexes
 * warning_report_open_idx / _open_kanwil_idx). Reports themselves are never scanned for the
 * monthly figures.
 */

export type ScoreFilters = { period: Period; officeId?: string; provinceCode?: string; kanwilId?: string };

export type Score = {
  filed: number;
  responded: number;
  withinSla: number;
  /** Filed in the period, not answered yet and still before their due time: neither in nor out of SLA yet. */
  pending: number;
  /** Minutes from filing to the first response; null when nothing was answered. */
  medianMinutes: number | null;
  /** The median is the weighted median of monthly medians (more than one office-month), not exact. */
  medianApproximate: boolean;
  /** withinSla / (filed − pending), null when nothing is decided yet. */
  shareWithinSla: number | null;
  /** Live, whatever the period: not closed. */
  open: number;
  /** Live: not closed, no first response, due time passed (the red flag). */
  overdue: number;
};

export type OfficeScore = Score & { officeId: string; name: string; kanwilId: string; kanwilName: string; provinceCode: string };
export type KanwilScore = Score & { kanwilId: string; name: string; provinceCode: string; offices: OfficeScore[] };

/** The first day of each month a period covers, as "YYYY-MM-01" (filed_month is a DATE in the province's zone). */
export function periodMonths(period: Period): { first: string; end: string } {
  const from = wibDay(period.from);
  const last = wibDay(new Date(period.to.getTime() - 1));
  const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}-01`;
  const next = last.month === 12 ? iso(last.year + 1, 1) : iso(last.year, last.month + 1);
  return { first: iso(from.year, from.month), end: next };
}

type MonthRow = { officeId: string; filed: number; responded: number; withinSla: number; medianMinutes: number | null };

/**
 * The median of several office-months from their medians: each month's median stands for its
 * `responded` answers, and the median is where the cumulative weight reaches half. Exact for a
 * single office-month; an approximation otherwise (ADR 0024), which the pages mark "≈".
 */
export function weightedMedian(parts: readonly { medianMinutes: number | null; responded: number }[]): { value: number | null; approximate: boolean } {
  const used = parts.filter((p) => p.medianMinutes !== null && p.responded > 0).sort((a, b) => a.medianMinutes! - b.medianMinutes!);
  if (used.length === 0) return { value: null, approximate: false };
  if (used.length === 1) return { value: used[0]!.medianMinutes, approximate: false };
  const total = used.reduce((n, p) => n + p.responded, 0);
  let seen = 0;
  for (const p of used) {
    seen += p.responded;
    if (seen * 2 >= total) return { value: p.medianMinutes, approximate: true };
  }
  return { value: used[used.length - 1]!.medianMinutes, approximate: true };
}

function score(months: readonly MonthRow[], open: { open: number; overdue: number; pending: number }): Score {
  const filed = months.reduce((n, m) => n + m.filed, 0);
  const responded = months.reduce((n, m) => n + m.responded, 0);
  const withinSla = months.reduce((n, m) => n + m.withinSla, 0);
  const median = weightedMedian(months);
  const decided = filed - open.pending;
  return {
    filed,
    responded,
    withinSla,
    pending: open.pending,
    medianMinutes: median.value,
    medianApproximate: median.approximate,
    shareWithinSla: decided > 0 ? withinSla / decided : null,
    open: open.open,
    overdue: open.overdue,
  };
}

/**
 * The scores the user may read: an office its own, a Kanwil its offices, the national level all;
 * a village account none (FORBIDDEN). Filters narrow within that, never beyond. One statement.
 */
export async function getWarningScores(user: SessionUser, filters: ScoreFilters, now = new Date()) {
  if (requireScope(user, "read:warning") === "own-village") throw new AppError("FORBIDDEN");
  const mayReadOffice = officeScopeSql(user, "read:warning");
  const mayReadReport = warningScopeSql(user, "read:warning");
  const { first, end } = periodMonths(filters.period);
  const officeNarrow = Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(filters.officeId ? [Prisma.sql`o.id = ${filters.officeId}::uuid`] : []),
      ...(filters.provinceCode ? [Prisma.sql`o.province_code = ${filters.provinceCode}::text`] : []),
      ...(filters.kanwilId ? [Prisma.sql`o.kanwil_id = ${filters.kanwilId}::uuid`] : []),
    ],
    " AND ",
  );
  const reportNarrow = Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(filters.officeId ? [Prisma.sql`w.office_id = ${filters.officeId}::uuid`] : []),
      ...(filters.provinceCode ? [Prisma.sql`w.province_code = ${filters.provinceCode}::text`] : []),
      ...(filters.kanwilId ? [Prisma.sql`w.kanwil_id = ${filters.kanwilId}::uuid`] : []),
    ],
    " AND ",
  );
  // to the minute, so that the statement (and a remembered result) stays the same for a minute
  const at = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const rows = await selectTogether(
    {
      // the filter's choices: every Kanwil (province) above the offices the user may read
      kanwilChoices: select<{ provinceCode: string; name: string }>`
        SELECT k.province_code AS "provinceCode", k.name FROM kanwil k
        WHERE k.id IN (SELECT o.kanwil_id FROM office o WHERE ${mayReadOffice}) ORDER BY k.province_code`,
      offices: select<{ id: string; name: string; kanwilId: string; kanwilName: string; provinceCode: string }>`
        SELECT o.id, o.name, o.kanwil_id AS "kanwilId", k.name AS "kanwilName", o.province_code AS "provinceCode"
        FROM office o JOIN kanwil k ON k.id = o.kanwil_id
        WHERE ${mayReadOffice} AND ${officeNarrow}`,
      months: select<MonthRow & { month: string }>`
        SELECT m.office_id AS "officeId", m.month, m.filed, m.responded, m.within_sla AS "withinSla", m.median_minutes AS "medianMinutes"
        FROM warning_office_month m
        WHERE m.office_id IN (SELECT o.id FROM office o WHERE ${mayReadOffice} AND ${officeNarrow})
          AND m.month >= ${first}::date AND m.month < ${end}::date`,
      // Open reports only (partial indexes): the live counts, and those of the period still in their window.
      open: select<{ officeId: string | null; kanwilId: string | null; open: number; overdue: number; pending: number }>`
        SELECT w.office_id AS "officeId", w.kanwil_id AS "kanwilId", COUNT(*)::int AS open,
          (COUNT(*) FILTER (WHERE w.first_response_at IS NULL AND w.due_at < ${at}))::int AS overdue,
          (COUNT(*) FILTER (WHERE w.first_response_at IS NULL AND w.due_at >= ${at}
             AND w.filed_month >= ${first}::date AND w.filed_month < ${end}::date))::int AS pending
        FROM warning_report w
        WHERE w.closed_at IS NULL AND ${mayReadReport} AND ${reportNarrow}
        GROUP BY w.office_id, w.kanwil_id`,
    },
    { remember: true },
  );

  // The rows are the memo's shared, frozen object while the snapshot lasts: what they give is
  // worked out once per snapshot and filters too, not on every request (issue 19).
  let forRows = scoresOfRows.get(rows);
  if (!forRows) scoresOfRows.set(rows, (forRows = new Map()));
  const key = JSON.stringify(filters);
  let scores = forRows.get(key);
  // a copy of the filters: the result is frozen and shared, the caller's object is not ours to freeze
  if (!scores) forRows.set(key, (scores = deepFreeze(scoresFrom(rows, structuredClone(filters)))));
  return scores;
}

type ScoreRows = {
  offices: readonly { id: string; name: string; kanwilId: string; kanwilName: string; provinceCode: string }[];
  months: readonly (MonthRow & { month: string })[];
  open: readonly { officeId: string | null; kanwilId: string | null; open: number; overdue: number; pending: number }[];
  kanwilChoices: readonly { provinceCode: string; name: string }[];
};

const scoresOfRows = new WeakMap<object, Map<string, ReturnType<typeof scoresFrom>>>();
const byName = new Intl.Collator("id");

function scoresFrom({ offices, months, open, kanwilChoices }: ScoreRows, filters: ScoreFilters) {
  const monthsByOffice = new Map<string, MonthRow[]>();
  for (const m of months) {
    const list = monthsByOffice.get(m.officeId);
    if (list) list.push(m);
    else monthsByOffice.set(m.officeId, [m]);
  }
  const openByOffice = new Map(open.filter((r) => r.officeId).map((r) => [r.officeId!, r]));
  const none = { open: 0, overdue: 0, pending: 0 };
  const officeScores: OfficeScore[] = offices
    .map((o) => ({ officeId: o.id, name: o.name, kanwilId: o.kanwilId, kanwilName: o.kanwilName, provinceCode: o.provinceCode, ...score(monthsByOffice.get(o.id) ?? [], openByOffice.get(o.id) ?? none) }))
    .sort((a, b) => (a.provinceCode < b.provinceCode ? -1 : a.provinceCode > b.provinceCode ? 1 : byName.compare(a.name, b.name)));

  // Tips no office holds yet wait at their Kanwil (or nationally): open, counted in the totals.
  const unrouted = open.filter((r) => !r.officeId && !filters.officeId);
  const sum = (rows: readonly { open: number; overdue: number; pending: number }[]) =>
    rows.reduce((s, r) => ({ open: s.open + r.open, overdue: s.overdue + r.overdue, pending: s.pending + r.pending }), { ...none });

  const kanwils = new Map<string, KanwilScore>();
  for (const o of officeScores) {
    if (!kanwils.has(o.kanwilId)) kanwils.set(o.kanwilId, { kanwilId: o.kanwilId, name: o.kanwilName, provinceCode: o.provinceCode, offices: [], ...score([], none) });
    kanwils.get(o.kanwilId)!.offices.push(o);
  }
  for (const k of kanwils.values()) {
    const inKanwil = k.offices.flatMap((o) => monthsByOffice.get(o.officeId) ?? []);
    const openHere = [...k.offices.map((o) => openByOffice.get(o.officeId) ?? none), ...unrouted.filter((r) => r.kanwilId === k.kanwilId)];
    Object.assign(k, score(inKanwil, sum(openHere)));
  }
  const unroutedOpen = sum(unrouted);
  return {
    period: filters.period,
    filters,
    kanwilChoices,
    offices: officeScores,
    kanwils: [...kanwils.values()],
    total: score(months, sum(open.filter((r) => r.officeId || !filters.officeId))),
    /** Open tips that no office holds yet (at a Kanwil or nationally). */
    unrouted: { open: unroutedOpen.open, overdue: unroutedOpen.overdue },
  };
}
export type WarningScores = Awaited<ReturnType<typeof getWarningScores>>;

/**
 * The early-warning figures of an activity report (counts only, never contents or people): the
 * report's office, Kanwil or nation, within what the user may read; null if it may read none.
 */
export async function reportWarningScores(user: SessionUser, request: { level: "office" | "kanwil" | "national"; id?: string }, period: Period, now = new Date()) {
  const scope = scopeFor(user.role, "read:warning");
  if (!scope || scope === "own-village") return null;
  const scores = await getWarningScores(
    user,
    { period, officeId: request.level === "office" ? request.id : undefined, kanwilId: request.level === "kanwil" ? request.id : undefined },
    now,
  );
  return { total: scores.total, offices: request.level === "office" ? [] : scores.offices };
}
export type ReportWarningScores = Awaited<ReturnType<typeof reportWarningScores>>;
