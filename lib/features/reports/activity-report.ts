import "server-only";
import type { EventStatus, EventType, VillageStage } from "@/lib/generated/prisma/enums";
import { REPORT_TIME_ZONE, type Period } from "@/lib/features/reports/period";
import type { ReportRequest } from "@/lib/features/reports/schemas";
import { reportPeriod } from "@/lib/features/reports/schemas";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { requireScope, type SessionUser } from "@/lib/server/scope";
import { select, selectTogether } from "@/lib/server/sql";
import { reportWarningScores } from "@/lib/features/warnings/scores";
import { reportQuizFigures } from "@/lib/features/quizzes/queries";
import {
  figuresFromRows,
  ids,
  perOfficeRows,
  periodFigures,
  scopedOffices,
  stageCounts,
  toAttentionVillage,
  toReach,
  villagesAsOf,
  villagesNeedingAttention,
  type Reach,
} from "@/lib/features/reports/figures";

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
  const [rows, warnings, quizzes] = await Promise.all([selectTogether({
    stages: select<{ province_code: string; stage: VillageStage; n: number }>`
      SELECT left(village_code, 2) AS province_code, stage, COUNT(*)::int AS n FROM (${asOf}) v GROUP BY 1, 2`,
    ...periodFigures(officeIds, period),
    villages: select<{ office_id: string; villages: number }>`SELECT office_id, COUNT(*)::int AS villages FROM (${asOf}) v GROUP BY office_id`,
    sessions: reportSessions(officeIds, period),
    reachedVillages: villagesReached(officeIds, period),
    stageChanges: stageChangesIn(officeIds, period),
    attention: villagesNeedingAttention(officeIds, end, 10_000, { asOf: true }),
  }), reportWarningScores(user, request, period, now), reportQuizFigures(officeIds, period, request.level === "national")]);
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
    /** Early-warning counts and response times (ADR 0024); null for a reader without read:warning. */
    warnings,
    /** Knowledge quizzes of the period's sessions (ADR 0025): answer sets and gains, never a person. */
    quizzes,
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
