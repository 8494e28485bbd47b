import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { quizWhere, requireScope, type SessionUser } from "@/lib/server/scope";
import { loadEvent } from "@/lib/features/events/load-event";
import {
  isCorrectChoice,
  toStoredQuestions,
  type createQuizSchema,
  type deleteQuizSchema,
  type paperTallySchema,
  type QuizPhaseValue,
  type setEventQuizzesSchema,
  type submitAnswersSchema,
  type updateQuizSchema,
} from "@/lib/features/quizzes/schemas";
import { attendeeOfToken } from "@/lib/features/quizzes/token";

/**
 * The material a quiz is tied to: an office's quiz may use national material or its own office's,
 * a national quiz only national material (an office's text is not everyone's).
 */
async function checkMaterial(materialId: string, officeId: string | null) {
  const material = await db.material.findFirst({
    where: { id: materialId, OR: officeId ? [{ officeId: null }, { officeId }] : [{ officeId: null }] },
    select: { id: true },
  });
  if (!material) throw new AppError("VALIDATION", undefined, { materialId: "quiz.errors.materialRequired" });
}

/** A new quiz: office staff write for their office, the national admin for everyone (officeId null). */
export async function createQuiz(actor: SessionUser, input: z.output<typeof createQuizSchema>) {
  const scope = requireScope(actor, "create:quiz");
  const officeId = scope === "any" ? null : actor.officeId;
  if (scope !== "any" && !officeId) throw new AppError("FORBIDDEN");
  await checkMaterial(input.materialId, officeId);
  return db.$transaction(async (tx) => {
    const quiz = await tx.quiz.create({
      data: { title: input.title, materialId: input.materialId, officeId, createdById: actor.id, questions: { create: toStoredQuestions(input.questions) } },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "quiz.create",
      entityType: "quiz",
      entityId: quiz.id,
      officeId,
      changes: { after: { title: input.title, materialId: input.materialId, questions: input.questions.length } },
    });
    return quiz;
  });
}

/**
 * Replaces a quiz's title, material and questions. Once anyone has answered it (online or on
 * paper) its questions are what those answers mean, so it is refused: write a new quiz instead.
 */
export async function updateQuiz(actor: SessionUser, input: z.output<typeof updateQuizSchema>) {
  const quiz = await db.quiz.findFirst({ where: { AND: [{ id: assertId(input.id) }, quizWhere(actor, "update:quiz")] }, select: { id: true, officeId: true } });
  if (!quiz) throw new AppError("NOT_FOUND");
  await checkMaterial(input.materialId, quiz.officeId);
  const answered =
    (await db.quizResponse.count({ where: { quizId: quiz.id } })) + (await db.quizPaperTally.count({ where: { question: { quizId: quiz.id } } }));
  if (answered > 0) throw new AppError("CONFLICT", undefined, { _form: "quiz.errors.alreadyAnswered" });
  return db.$transaction(async (tx) => {
    await tx.quizQuestion.deleteMany({ where: { quizId: quiz.id } });
    await tx.quiz.update({
      where: { id: quiz.id },
      data: { title: input.title, materialId: input.materialId, questions: { create: toStoredQuestions(input.questions) } },
    });
    await recordAudit(tx, actor, {
      action: "quiz.update",
      entityType: "quiz",
      entityId: quiz.id,
      officeId: quiz.officeId,
      changes: { after: { title: input.title, materialId: input.materialId, questions: input.questions.length } },
    });
    return { id: quiz.id };
  });
}

/**
 * Deletes a quiz nobody has answered (online or on paper), taking it off the sessions that were to
 * use it. An answered quiz is refused: its answers mean its questions.
 */
export async function deleteQuiz(actor: SessionUser, input: z.output<typeof deleteQuizSchema>) {
  const quiz = await db.quiz.findFirst({ where: { AND: [{ id: assertId(input.id) }, quizWhere(actor, "delete:quiz")] }, select: { id: true, officeId: true, title: true } });
  if (!quiz) throw new AppError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    // An answer being written holds a key-share lock on the quiz: this waits for it, then counts it.
    await tx.$queryRaw`SELECT id FROM quiz WHERE id = ${quiz.id}::uuid FOR UPDATE`;
    const answered =
      (await tx.quizResponse.count({ where: { quizId: quiz.id } })) + (await tx.quizPaperTally.count({ where: { question: { quizId: quiz.id } } }));
    if (answered > 0) throw new AppError("CONFLICT", undefined, { _form: "quiz.errors.answeredNoDelete" });
    const pre = await tx.event.updateMany({ where: { preTestQuizId: quiz.id }, data: { preTestQuizId: null } });
    const post = await tx.event.updateMany({ where: { postTestQuizId: quiz.id }, data: { postTestQuizId: null } });
    await tx.quiz.delete({ where: { id: quiz.id } });
    await recordAudit(tx, actor, {
      action: "quiz.delete",
      entityType: "quiz",
      entityId: quiz.id,
      officeId: quiz.officeId,
      changes: { before: { title: quiz.title }, after: { sessionsDetached: pre.count + post.count } },
    });
    return { id: quiz.id };
  });
}

/** Whether answers of `phase` have come in for the session (online or on paper). */
async function phaseAnswered(eventId: string, phase: QuizPhaseValue) {
  const [online, paper] = await Promise.all([
    db.quizResponse.count({ where: { eventId, phase } }),
    db.quizPaperTally.count({ where: { eventId, phase } }),
  ]);
  return online + paper > 0;
}

/**
 * Picks the session's pre-test and post-test: a quiz of the session's office or a national one.
 * A phase that already has answers keeps its quiz (its answers would otherwise mean another quiz).
 */
export async function setEventQuizzes(actor: SessionUser, input: z.output<typeof setEventQuizzesSchema>) {
  const event = await loadEvent(actor, input.eventId, "update:event");
  const chosen = [input.preTestQuizId, input.postTestQuizId].filter((id): id is string => !!id);
  if (chosen.length > 0) {
    const usable = await db.quiz.findMany({ where: { id: { in: chosen }, OR: [{ officeId: null }, { officeId: event.officeId }] }, select: { id: true } });
    const ids = new Set(usable.map((q) => q.id));
    const errors: Record<string, string> = {};
    if (input.preTestQuizId && !ids.has(input.preTestQuizId)) errors.preTestQuizId = "quiz.errors.quizRequired";
    if (input.postTestQuizId && !ids.has(input.postTestQuizId)) errors.postTestQuizId = "quiz.errors.quizRequired";
    if (Object.keys(errors).length > 0) throw new AppError("VALIDATION", undefined, errors);
  }
  const errors: Record<string, string> = {};
  if (input.preTestQuizId !== event.preTestQuizId && (await phaseAnswered(event.id, "PRE"))) errors.preTestQuizId = "quiz.errors.phaseAnswered";
  if (input.postTestQuizId !== event.postTestQuizId && (await phaseAnswered(event.id, "POST"))) errors.postTestQuizId = "quiz.errors.phaseAnswered";
  if (Object.keys(errors).length > 0) throw new AppError("CONFLICT", undefined, errors);
  return db.$transaction(async (tx) => {
    await tx.event.update({ where: { id: event.id }, data: { preTestQuizId: input.preTestQuizId, postTestQuizId: input.postTestQuizId } });
    await recordAudit(tx, actor, {
      action: "event.quizzes",
      entityType: "event",
      entityId: event.id,
      officeId: event.officeId,
      changes: {
        before: { preTestQuizId: event.preTestQuizId, postTestQuizId: event.postTestQuizId },
        after: { preTestQuizId: input.preTestQuizId, postTestQuizId: input.postTestQuizId },
      },
    });
    return { id: event.id };
  });
}

/** The post-test measures what the session taught: it opens when the session starts. */
function postTestOpen(event: { startsAt: Date }, now: Date) {
  return now.getTime() >= event.startsAt.getTime();
}

/**
 * Paper answer sheets, counted by an officer: per phase the number of sheets and per question how
 * many were right. Sent again, it replaces the phase's tally (a recount), so it cannot double.
 */
export async function recordPaperTally(actor: SessionUser, input: z.output<typeof paperTallySchema>, now = new Date()) {
  const event = await loadEvent(actor, input.eventId, "update:attendance");
  if (event.status === "CANCELLED") throw new AppError("CONFLICT", undefined, { _form: "events.errors.eventCancelled" });
  const quizId = input.phase === "PRE" ? event.preTestQuizId : event.postTestQuizId;
  if (!quizId) throw new AppError("VALIDATION", undefined, { _form: "quiz.errors.noQuizForPhase" });
  if (input.phase === "POST" && !postTestOpen(event, now)) throw new AppError("VALIDATION", undefined, { _form: "quiz.errors.postTestEarly" });
  const questions = await db.quizQuestion.findMany({ where: { quizId }, select: { id: true } });
  const given = new Map(input.questions.map((q) => [q.questionId, q.correct]));
  if (questions.length !== given.size || questions.some((q) => !given.has(q.id))) {
    throw new AppError("VALIDATION", undefined, { _form: "quiz.errors.questionsChanged" });
  }
  await db.$transaction(async (tx) => {
    await tx.quizPaperTally.deleteMany({ where: { eventId: event.id, phase: input.phase } });
    await tx.quizPaperTally.createMany({
      data: questions.map((q) => ({ eventId: event.id, phase: input.phase, questionId: q.id, sheets: input.sheets, correct: given.get(q.id)! })),
    });
    await recordAudit(tx, actor, {
      action: "quiz.paper",
      entityType: "event",
      entityId: event.id,
      officeId: event.officeId,
      changes: { after: { phase: input.phase, sheets: input.sheets } },
    });
  });
  return { id: event.id };
}

export type SubmitAnswersReply =
  | { status: "saved" | "already" }
  /** The post-test before the session has started. */
  | { status: "early" }
  /** No such attendance, a cancelled session, or no quiz for that phase. */
  | { status: "closed" }
  | { status: "invalid"; fieldErrors: Record<string, string> };

/**
 * An attendee's answers from their phone. The token names the attendance row; an answer set is
 * unique per (attendance, phase), and a second one is refused, not merged: the first answers are
 * the measurement (a retry after seeing the post-test would not be a pre-test any more).
 */
export async function submitAnswers(code: string, input: z.output<typeof submitAnswersSchema>, now = new Date()): Promise<SubmitAnswersReply> {
  const attendeeId = attendeeOfToken(input.token);
  if (!attendeeId) return { status: "closed" };
  const attendee = await db.attendee.findFirst({
    where: { id: attendeeId, event: { checkInCode: code.toUpperCase() } },
    select: { id: true, event: { select: { id: true, status: true, startsAt: true, preTestQuizId: true, postTestQuizId: true } } },
  });
  const event = attendee?.event;
  if (!attendee || !event || event.status === "CANCELLED") return { status: "closed" };
  const quizId = input.phase === "PRE" ? event.preTestQuizId : event.postTestQuizId;
  if (!quizId) return { status: "closed" };
  if (input.phase === "POST" && !postTestOpen(event, now)) return { status: "early" };
  const questions = await db.quizQuestion.findMany({ where: { quizId }, select: { id: true, correct: true }, orderBy: { position: "asc" } });
  const fieldErrors: Record<string, string> = {};
  for (const q of questions) {
    if (!(input.answers[q.id]?.length)) fieldErrors[q.id] = "quiz.errors.answerRequired";
  }
  if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
  return db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: two taps at once (or a resent form) still make one answer set.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO quiz_response (id, event_id, quiz_id, phase, attendee_id, created_at)
      VALUES (gen_random_uuid(), ${event.id}::uuid, ${quizId}::uuid, ${input.phase}::quiz_phase, ${attendee.id}::uuid, ${now})
      ON CONFLICT (attendee_id, phase) DO NOTHING
      RETURNING id::text`;
    const responseId = inserted[0]?.id;
    if (!responseId) return { status: "already" as const };
    await tx.quizAnswer.createMany({
      data: questions.map((q) => {
        const chosen = [...new Set(input.answers[q.id]!)].sort();
        return { responseId, questionId: q.id, chosen, correct: isCorrectChoice(q.correct, chosen) };
      }),
    });
    return { status: "saved" as const };
  });
}
