import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { loadEvent } from "@/lib/features/events/load-event";
import { scopeFor } from "@/lib/auth/permissions";
import { mayActOn, officeScopeSql, quizWhere, requireScope, type SessionUser } from "@/lib/server/scope";
import type { Period } from "@/lib/features/reports/period";
import type { DashboardFilters } from "@/lib/features/reports/schemas";
import type { QuizPhaseValue } from "@/lib/features/quizzes/schemas";
import { attendeeOfToken } from "@/lib/features/quizzes/token";

const QUESTION_SELECT = { id: true, position: true, text: true, options: true, correct: true } as const;

/** The quizzes the user may read: their office's and the national ones (or all, nationally). */
export async function findQuizzes(actor: SessionUser) {
  return db.quiz.findMany({
    where: quizWhere(actor, "read:quiz"),
    select: {
      id: true,
      title: true,
      officeId: true,
      office: { select: { name: true } },
      material: { select: { title: true } },
      _count: { select: { questions: true, responses: true } },
    },
    orderBy: [{ createdAt: "desc" }],
    take: 200,
  });
}

/** One quiz with its questions, or NOT_FOUND (another office's reads as missing). */
export async function getQuiz(actor: SessionUser, id: string) {
  const quiz = await db.quiz.findFirst({
    where: { AND: [{ id: assertId(id) }, quizWhere(actor, "read:quiz")] },
    select: {
      id: true,
      title: true,
      officeId: true,
      materialId: true,
      office: { select: { name: true, kanwilId: true } },
      material: { select: { title: true } },
      questions: { select: QUESTION_SELECT, orderBy: { position: "asc" } },
      _count: { select: { responses: true } },
    },
  });
  if (!quiz) throw new AppError("NOT_FOUND");
  const editable =
    quiz.officeId === null
      ? scopeFor(actor.role, "update:quiz") === "any"
      : mayActOn(actor, "update:quiz", { officeId: quiz.officeId, kanwilId: quiz.office?.kanwilId ?? null, desaBinaanIds: [] });
  const deletable =
    quiz.officeId === null
      ? scopeFor(actor.role, "delete:quiz") === "any"
      : mayActOn(actor, "delete:quiz", { officeId: quiz.officeId, kanwilId: quiz.office?.kanwilId ?? null, desaBinaanIds: [] });
  return { ...quiz, can: { edit: editable, delete: deletable } };
}

/** Material a new quiz can be tied to: national, and the office's own for office staff. */
export async function findQuizMaterialChoices(actor: SessionUser) {
  const scope = requireScope(actor, "create:quiz");
  const officeId = scope === "any" ? null : actor.officeId;
  return db.material.findMany({
    where: { OR: officeId ? [{ officeId: null }, { officeId }] : [{ officeId: null }] },
    select: { id: true, title: true },
    orderBy: { title: "asc" },
    take: 500,
  });
}

/** Quizzes a session of `officeId` can use: the office's own and the national ones. */
export async function findEventQuizChoices(officeId: string) {
  return db.quiz.findMany({
    where: { OR: [{ officeId: null }, { officeId }] },
    select: { id: true, title: true, officeId: true },
    orderBy: { title: "asc" },
    take: 200,
  });
}

export type QuestionFigures = {
  questionId: string;
  position: number;
  text: string;
  pre: { answered: number; correct: number };
  post: { answered: number; correct: number };
};

/** Percent right, or null when nobody answered. */
export function percentCorrect(f: { answered: number; correct: number }): number | null {
  return f.answered > 0 ? (100 * f.correct) / f.answered : null;
}

/** Post-test percent right minus pre-test percent right, in points, or null without both. */
export function gain(q: Pick<QuestionFigures, "pre" | "post">): number | null {
  const pre = percentCorrect(q.pre);
  const post = percentCorrect(q.post);
  return pre === null || post === null ? null : post - pre;
}

type FigureRow = { question_id: string; phase: QuizPhaseValue; answered: number; correct: number };

/** Online answers and paper tallies per question and phase, for the sessions `eventWhere` picks (SQL on `e`). */
function questionFigureRows(eventCondition: Prisma.Sql) {
  return db.$queryRaw<FigureRow[]>`
    SELECT question_id::text, phase::text AS phase, SUM(answered)::int AS answered, SUM(correct)::int AS correct FROM (
      SELECT a.question_id, r.phase, COUNT(*) AS answered, COUNT(*) FILTER (WHERE a.correct) AS correct
      FROM quiz_answer a JOIN quiz_response r ON r.id = a.response_id JOIN event e ON e.id = r.event_id JOIN office o ON o.id = e.office_id
      WHERE ${eventCondition}
      GROUP BY 1, 2
      UNION ALL
      SELECT t.question_id, t.phase, SUM(t.sheets), SUM(t.correct)
      FROM quiz_paper_tally t JOIN event e ON e.id = t.event_id JOIN office o ON o.id = e.office_id
      WHERE ${eventCondition}
      GROUP BY 1, 2
    ) x GROUP BY 1, 2`;
}

function foldFigures(rows: FigureRow[], questions: { id: string; position: number; text: string }[]): QuestionFigures[] {
  const byId = new Map(questions.map((q) => [q.id, { questionId: q.id, position: q.position, text: q.text, pre: { answered: 0, correct: 0 }, post: { answered: 0, correct: 0 } }]));
  for (const r of rows) {
    const q = byId.get(r.question_id);
    if (!q) continue;
    q[r.phase === "PRE" ? "pre" : "post"] = { answered: r.answered, correct: r.correct };
  }
  return [...byId.values()];
}

/**
 * The session's quiz results: how many answered each phase (online and on paper) against how many
 * came, and per question the percent right before and after and the gain. Aggregates only: the
 * answer sets name no one.
 */
export async function getEventQuizResults(actor: SessionUser, eventId: string) {
  const event = await loadEvent(actor, eventId, "read:event");
  const quizIds = [event.preTestQuizId, event.postTestQuizId].filter((id): id is string => !!id);
  if (quizIds.length === 0) return null;
  const condition = Prisma.sql`e.id = ${event.id}::uuid`;
  const [quizzes, rows, online, paper, attendees, tallies] = await Promise.all([
    db.quiz.findMany({ where: { id: { in: quizIds } }, select: { id: true, title: true, questions: { select: QUESTION_SELECT, orderBy: { position: "asc" } } } }),
    questionFigureRows(condition),
    db.quizResponse.groupBy({ by: ["phase"], where: { eventId: event.id }, _count: { _all: true } }),
    db.quizPaperTally.groupBy({ by: ["phase"], where: { eventId: event.id }, _max: { sheets: true } }),
    db.attendee.count({ where: { eventId: event.id } }),
    db.quizPaperTally.findMany({ where: { eventId: event.id }, select: { phase: true, questionId: true, sheets: true, correct: true } }),
  ]);
  const paperTally = (phase: QuizPhaseValue) => {
    const mine = tallies.filter((r) => r.phase === phase);
    return mine.length ? { sheets: mine[0]!.sheets, correct: Object.fromEntries(mine.map((r) => [r.questionId, r.correct])) } : null;
  };
  const quizById = new Map(quizzes.map((q) => [q.id, q]));
  const participation = (phase: QuizPhaseValue) => ({
    online: online.find((o) => o.phase === phase)?._count._all ?? 0,
    paper: paper.find((p) => p.phase === phase)?._max.sheets ?? 0,
  });
  // The gain compares the same questions: shown per question of the post-test's quiz when both
  // phases use one quiz; with two different quizzes, each phase's questions stand alone.
  const pre = event.preTestQuizId ? quizById.get(event.preTestQuizId) : undefined;
  const post = event.postTestQuizId ? quizById.get(event.postTestQuizId) : undefined;
  const questions = [...new Map([...(pre?.questions ?? []), ...(post?.questions ?? [])].map((q) => [q.id, q])).values()];
  return {
    preQuiz: pre ? { id: pre.id, title: pre.title, questions: pre.questions } : null,
    postQuiz: post ? { id: post.id, title: post.title, questions: post.questions } : null,
    sameQuiz: !!pre && pre.id === post?.id,
    attendees,
    pre: participation("PRE"),
    post: participation("POST"),
    questions: foldFigures(rows, questions),
    /** What was typed from paper, to fill the form for a recount. */
    paperTally: { PRE: paperTally("PRE"), POST: paperTally("POST") },
  };
}
export type EventQuizResults = NonNullable<Awaited<ReturnType<typeof getEventQuizResults>>>;

/**
 * What the attendee's phone shows: the session, and for each phase its questions (never which
 * options are right) and whether this attendance row already answered it. Null for a bad token.
 */
export async function getAnswerPage(code: string, token: string, now = new Date()) {
  const attendeeId = attendeeOfToken(token);
  if (!attendeeId) return null;
  const attendee = await db.attendee.findFirst({
    where: { id: attendeeId, event: { checkInCode: code.toUpperCase() } },
    select: {
      quizResponses: { select: { phase: true } },
      event: {
        select: {
          title: true,
          status: true,
          startsAt: true,
          timeZone: true,
          preTestQuiz: { select: { title: true, questions: { select: { id: true, text: true, options: true, correct: true }, orderBy: { position: "asc" } } } },
          postTestQuiz: { select: { title: true, questions: { select: { id: true, text: true, options: true, correct: true }, orderBy: { position: "asc" } } } },
        },
      },
    },
  });
  if (!attendee) return null;
  const done = new Set(attendee.quizResponses.map((r) => r.phase));
  // Only whether a question has several right answers reaches the phone (checkboxes, not radios).
  const forPhone = (quiz: { title: string; questions: { id: string; text: string; options: string[]; correct: number[] }[] } | null) =>
    quiz && { title: quiz.title, questions: quiz.questions.map((q) => ({ id: q.id, text: q.text, options: q.options, several: q.correct.length > 1 })) };
  const { event } = attendee;
  return {
    title: event.title,
    cancelled: event.status === "CANCELLED",
    startsAt: event.startsAt,
    timeZone: event.timeZone,
    /** The post-test opens when the session starts. */
    postOpen: now.getTime() >= event.startsAt.getTime(),
    pre: forPhone(event.preTestQuiz),
    post: forPhone(event.postTestQuiz),
    done: { PRE: done.has("PRE"), POST: done.has("POST") },
  };
}

/** Below this many answers a question's percent says little: the hardest list leaves it out. */
export const HARDEST_MIN_ANSWERS = 10;

/**
 * The dashboard's quiz section for the offices the user may read and the filters: participation
 * (answer sets and paper sheets per phase), the average gain over questions with both phases, the
 * questions with the largest and smallest gains and, for the national level, the hardest questions
 * across the country (lowest percent right in the post-test, or the pre-test where none).
 */
export async function getQuizDashboard(actor: SessionUser, filters: DashboardFilters) {
  const mayRead = officeScopeSql(actor, "read:report");
  const condition = Prisma.join(
    [
      mayRead,
      Prisma.sql`e.starts_at >= ${filters.period.from} AND e.starts_at < ${filters.period.to}`,
      ...(filters.officeId ? [Prisma.sql`o.id = ${filters.officeId}::uuid`] : []),
      ...(filters.provinceCode ? [Prisma.sql`o.province_code = ${filters.provinceCode}::text`] : []),
    ],
    " AND ",
  );
  // every question's figures are for the report's workbook, not for the page
  const { questions, ...dashboard } = await quizFigures(condition, scopeFor(actor.role, "read:report") === "any");
  void questions;
  return dashboard;
}
export type QuizDashboard = Awaited<ReturnType<typeof getQuizDashboard>>;

/**
 * The same figures for an activity report's offices and period (lib/features/reports): the
 * report's subject was authorised by the report, so only its offices are read here. `national`
 * adds the hardest questions across the country.
 */
export async function reportQuizFigures(officeIds: string[], period: Period, national: boolean) {
  const condition = Prisma.sql`o.id = ANY(${officeIds}::uuid[]) AND e.starts_at >= ${period.from} AND e.starts_at < ${period.to}`;
  return quizFigures(condition, national);
}
export type ReportQuizFigures = Awaited<ReturnType<typeof reportQuizFigures>>;

/** Participation, gains and hardest questions of the sessions `condition` picks (SQL on `e` and `o`). */
async function quizFigures(condition: Prisma.Sql, national: boolean) {
  const [rows, sets, sessions] = await Promise.all([
    questionFigureRows(condition),
    db.$queryRaw<{ phase: QuizPhaseValue; online: number; paper: number }[]>`
      SELECT phase::text AS phase, SUM(online)::int AS online, SUM(paper)::int AS paper FROM (
        SELECT r.phase, COUNT(*) AS online, 0 AS paper FROM quiz_response r JOIN event e ON e.id = r.event_id JOIN office o ON o.id = e.office_id WHERE ${condition} GROUP BY 1
        UNION ALL
        SELECT s.phase, 0, SUM(s.sheets) FROM (
          SELECT t.event_id, t.phase, MAX(t.sheets) AS sheets FROM quiz_paper_tally t JOIN event e ON e.id = t.event_id JOIN office o ON o.id = e.office_id WHERE ${condition} GROUP BY 1, 2
        ) s GROUP BY 1
      ) x GROUP BY 1`,
    db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM event e JOIN office o ON o.id = e.office_id
      WHERE ${condition} AND (e.pre_test_quiz_id IS NOT NULL OR e.post_test_quiz_id IS NOT NULL)`,
  ]);
  const questionIds = [...new Set(rows.map((r) => r.question_id))];
  const questions = questionIds.length
    ? await db.quizQuestion.findMany({
        where: { id: { in: questionIds } },
        select: { id: true, position: true, text: true, quiz: { select: { title: true } } },
      })
    : [];
  const quizTitle = new Map(questions.map((q) => [q.id, q.quiz.title]));
  const figures = foldFigures(rows, questions).map((q) => ({ ...q, quizTitle: quizTitle.get(q.questionId) ?? "", gain: gain(q) }));
  const withGain = figures.filter((q) => q.gain !== null);
  const averageGain = withGain.length ? withGain.reduce((s, q) => s + q.gain!, 0) / withGain.length : null;
  const byGain = [...withGain].sort((a, b) => b.gain! - a.gain!);
  const hardness = (q: (typeof figures)[number]) => percentCorrect(q.post.answered >= HARDEST_MIN_ANSWERS ? q.post : q.pre) ?? 100;
  const hardest = national
    ? figures
        .filter((q) => Math.max(q.post.answered, q.pre.answered) >= HARDEST_MIN_ANSWERS)
        .sort((a, b) => hardness(a) - hardness(b))
        .slice(0, 10)
    : [];
  const phase = (p: QuizPhaseValue) => sets.find((s) => s.phase === p) ?? { online: 0, paper: 0 };
  return {
    sessions: sessions[0]?.n ?? 0,
    pre: phase("PRE"),
    post: phase("POST"),
    averageGain,
    questionCount: withGain.length,
    topGains: byGain.slice(0, 5),
    lowestGains: byGain.length > 5 ? byGain.slice(-5).reverse() : [],
    hardest,
    national,
    /** Every question with answers, by quiz and position (the report's workbook lists them all). */
    questions: [...figures].sort((a, b) => a.quizTitle.localeCompare(b.quizTitle, "id") || a.position - b.position),
  };
}
