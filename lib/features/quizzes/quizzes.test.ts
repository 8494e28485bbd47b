import { beforeAll, describe, expect, it } from "vitest";
import { handleCheckIn } from "@/lib/features/events/check-in";
import { createQuiz, deleteQuiz, recordPaperTally, setEventQuizzes, submitAnswers, updateQuiz } from "@/lib/features/quizzes/mutations";
import { getAnswerPage, getEventQuizResults, getQuizDashboard } from "@/lib/features/quizzes/queries";
import { createQuizSchema, isCorrectChoice, paperTallySchema, submitAnswersSchema, updateQuizSchema } from "@/lib/features/quizzes/schemas";
import { attendeeOfToken, quizToken } from "@/lib/features/quizzes/token";
import { parseDashboardFilters } from "@/lib/features/reports/schemas";
import { createEvent, createMaterial, uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
let nationalMaterial: { id: string };
beforeAll(async () => {
  w = await createTwoOfficeWorld();
  nationalMaterial = await createMaterial(testDb, { status: "PUBLISHED" });
});

const HOUR = 3_600_000;

/** A quiz form: `n` questions of three options, the first one right. */
function quizForm(materialId: string, n = 3, over: Record<string, unknown> = {}) {
  return {
    title: `Kuis TPPO ${uniqueSuffix()}`,
    materialId,
    questions: Array.from({ length: n }, (_, i) => ({
      text: `Soal ${i + 1}: apa tanda perekrutan ilegal?`,
      options: [
        { text: "Dijanjikan gaji tinggi tanpa kontrak", correct: true },
        { text: "Melalui P3MI resmi", correct: false },
        { text: "Lewat Disnaker", correct: false },
      ],
    })),
    ...over,
  };
}

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("quiz schema", () => {
  it("refuses a question with no correct option, with a clear message on that question", () => {
    const form = quizForm(nationalMaterial.id);
    form.questions[1]!.options = form.questions[1]!.options.map((o) => ({ ...o, correct: false }));
    expect(messages(createQuizSchema.safeParse(form))).toEqual({ "questions.1.options": "quiz.errors.noCorrect" });
  });

  it("takes 3 to 10 questions, 2 to 5 options, and one or more right options", () => {
    expect(messages(createQuizSchema.safeParse(quizForm(nationalMaterial.id, 2)))).toEqual({ questions: "quiz.errors.questionCount" });
    expect(messages(createQuizSchema.safeParse(quizForm(nationalMaterial.id, 11)))).toEqual({ questions: "quiz.errors.questionCount" });
    expect(createQuizSchema.safeParse(quizForm(nationalMaterial.id, 10)).success).toBe(true);
    const several = quizForm(nationalMaterial.id);
    several.questions[0]!.options[1]!.correct = true;
    expect(createQuizSchema.safeParse(several).success).toBe(true);
    const one = quizForm(nationalMaterial.id);
    one.questions[0]!.options = [one.questions[0]!.options[0]!];
    expect(messages(createQuizSchema.safeParse(one))).toEqual({ "questions.0.options": "quiz.errors.tooFewOptions" });
    expect(messages(createQuizSchema.safeParse({ ...quizForm(nationalMaterial.id), materialId: "" }))).toEqual({ materialId: "quiz.errors.materialRequired" });
  });

  it("counts a choice right only when it is exactly the right options", () => {
    expect(isCorrectChoice([0], [0])).toBe(true);
    expect(isCorrectChoice([0, 2], [2, 0])).toBe(true);
    expect(isCorrectChoice([0, 2], [0])).toBe(false);
    expect(isCorrectChoice([0], [0, 1])).toBe(false);
  });

  it("refuses a paper count with more right than sheets", () => {
    const id = crypto.randomUUID();
    const r = paperTallySchema.safeParse({ eventId: id, phase: "PRE", sheets: 5, questions: [{ questionId: id, correct: 6 }] });
    expect(messages(r)).toEqual({ "questions.0.correct": "quiz.errors.moreCorrectThanSheets" });
    expect(messages(paperTallySchema.safeParse({ eventId: id, phase: "PRE", sheets: 0, questions: [{ questionId: id, correct: 0 }] }))).toEqual({
      sheets: "quiz.errors.sheetsRequired",
    });
  });
});

describe("writing quizzes", () => {
  it("makes an office's quiz for its office and the national admin's for everyone", async () => {
    const own = await createQuiz(w.officerA, createQuizSchema.parse(quizForm(nationalMaterial.id)));
    const national = await createQuiz(w.national, createQuizSchema.parse(quizForm(nationalMaterial.id)));
    expect((await testDb.quiz.findUniqueOrThrow({ where: { id: own.id } })).officeId).toBe(w.officeA.id);
    expect((await testDb.quiz.findUniqueOrThrow({ where: { id: national.id } })).officeId).toBeNull();
    const questions = await testDb.quizQuestion.findMany({ where: { quizId: own.id }, orderBy: { position: "asc" } });
    expect(questions.map((q) => q.correct)).toEqual([[0], [0], [0]]);
  });

  it("ties a quiz only to material its writer's level may use", async () => {
    const officeBMaterial = await createMaterial(testDb, { officeId: w.officeB.id });
    const officeAMaterial = await createMaterial(testDb, { officeId: w.officeA.id });
    expect(await outcome(createQuiz(w.officerA, createQuizSchema.parse(quizForm(officeBMaterial.id))))).toBe("VALIDATION");
    expect(await outcome(createQuiz(w.officerA, createQuizSchema.parse(quizForm(officeAMaterial.id))))).toBe("OK");
    // a national quiz is for everyone: not on one office's text
    expect(await outcome(createQuiz(w.national, createQuizSchema.parse(quizForm(officeAMaterial.id))))).toBe("VALIDATION");
  });
});

/** A session of office A with a quiz as pre-test and post-test, started `startedHoursAgo` ago (negative: later). */
async function sessionWithQuiz(startedHoursAgo: number) {
  const quiz = await createQuiz(w.adminA, createQuizSchema.parse(quizForm(nationalMaterial.id)));
  const event = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true, startsAt: new Date(Date.now() - startedHoursAgo * HOUR) });
  await setEventQuizzes(w.adminA, { eventId: event.id, preTestQuizId: quiz.id, postTestQuizId: quiz.id });
  const questions = await testDb.quizQuestion.findMany({ where: { quizId: quiz.id }, orderBy: { position: "asc" } });
  return { quiz, event, questions };
}

async function checkInFor(code: string, name: string) {
  const reply = await handleCheckIn(code, { name, category: "WARGA", origin: "Desa Uji", consent: "on", clientId: crypto.randomUUID() }, { address: `192.0.2.${uniqueSuffix()}` });
  if (reply.status !== "created" && reply.status !== "already") throw new Error(`check-in: ${reply.status}`);
  return reply;
}

const answersFor = (questions: { id: string }[], pick: (i: number) => number[]) => Object.fromEntries(questions.map((q, i) => [q.id, pick(i)]));

describe("answering on the phone", () => {
  it("gives the quiz link after check-in, the same one when the person checks in again", async () => {
    const { event } = await sessionWithQuiz(1);
    const first = await checkInFor(event.checkInCode, "Siti Kuis");
    const again = await checkInFor(event.checkInCode, "siti  kuis");
    expect(first.quizToken).toBeTruthy();
    expect(again.quizToken).toBe(first.quizToken);
    const attendee = await testDb.attendee.findFirstOrThrow({ where: { eventId: event.id } });
    expect(attendeeOfToken(first.quizToken!)).toBe(attendee.id);
    // a session without a quiz gives no link
    const plain = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true });
    expect((await checkInFor(plain.checkInCode, "Siti Kuis")).quizToken).toBeUndefined();
  });

  it("keeps one answer set per attendee and phase: a second one is refused, even at the same moment", async () => {
    const { event, questions } = await sessionWithQuiz(1);
    const { quizToken: token } = await checkInFor(event.checkInCode, `Budi ${uniqueSuffix()}`);
    const send = (pick: (i: number) => number[]) => submitAnswers(event.checkInCode, submitAnswersSchema.parse({ token, phase: "PRE", answers: answersFor(questions, pick) }));
    const replies = await Promise.all([send(() => [1]), send(() => [0]), send(() => [2])]);
    expect(replies.map((r) => r.status).sort()).toEqual(["already", "already", "saved"]);
    expect((await send(() => [0])).status).toBe("already");
    const sets = await testDb.quizResponse.findMany({ where: { eventId: event.id }, include: { answers: true } });
    expect(sets).toHaveLength(1);
    expect(sets[0]!.answers).toHaveLength(questions.length);
    // no name anywhere in what is stored with the answers
    expect(JSON.stringify(sets)).not.toMatch(/Budi/);
    // the other phase is its own set
    expect((await submitAnswers(event.checkInCode, submitAnswersSchema.parse({ token, phase: "POST", answers: answersFor(questions, () => [0]) }))).status).toBe("saved");
    expect(await testDb.quizResponse.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("refuses the post-test before the session starts, with its own message, and takes the pre-test", async () => {
    const { event, questions } = await sessionWithQuiz(-2);
    const { quizToken: token } = await checkInFor(event.checkInCode, `Ani ${uniqueSuffix()}`);
    const answers = answersFor(questions, () => [0]);
    expect(await submitAnswers(event.checkInCode, submitAnswersSchema.parse({ token, phase: "POST", answers }))).toEqual({ status: "early" });
    expect((await submitAnswers(event.checkInCode, submitAnswersSchema.parse({ token, phase: "PRE", answers }))).status).toBe("saved");
    const page = await getAnswerPage(event.checkInCode, token!);
    expect(page).toMatchObject({ postOpen: false, done: { PRE: true, POST: false } });
    // the phone never learns which options are right
    expect(JSON.stringify(page)).not.toMatch(/"correct"/);
    // once the session has started it opens
    const later = new Date(event.startsAt.getTime() + 60_000);
    expect((await submitAnswers(event.checkInCode, submitAnswersSchema.parse({ token, phase: "POST", answers }), later)).status).toBe("saved");
  });

  it("moves the office's figures version with an answer set, so the cached dashboard reads it (ADR 0021)", async () => {
    const { event, questions } = await sessionWithQuiz(1);
    const { quizToken: token } = await checkInFor(event.checkInCode, `Tono ${uniqueSuffix()}`);
    const version = async () => (await testDb.figuresVersion.findUnique({ where: { officeId: w.officeA.id } }))?.version ?? BigInt(0);
    const before = await version();
    await submitAnswers(event.checkInCode, submitAnswersSchema.parse({ token, phase: "PRE", answers: answersFor(questions, () => [0]) }));
    expect(await version()).toBeGreaterThan(before);
  });

  it("refuses a forged or foreign token and an incomplete answer set", async () => {
    const { event, questions } = await sessionWithQuiz(1);
    const other = await sessionWithQuiz(1);
    const { quizToken: token } = await checkInFor(event.checkInCode, `Dewi ${uniqueSuffix()}`);
    const answers = answersFor(questions, () => [0]);
    const forged = `${attendeeOfToken(token!)}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    expect((await submitAnswers(event.checkInCode, submitAnswersSchema.parse({ token: forged, phase: "PRE", answers }))).status).toBe("closed");
    expect((await submitAnswers(other.event.checkInCode, submitAnswersSchema.parse({ token, phase: "PRE", answers }))).status).toBe("closed");
    const partial = { [questions[0]!.id]: [0] };
    const reply = await submitAnswers(event.checkInCode, submitAnswersSchema.parse({ token, phase: "PRE", answers: partial }));
    expect(reply).toEqual({ status: "invalid", fieldErrors: { [questions[1]!.id]: "quiz.errors.answerRequired", [questions[2]!.id]: "quiz.errors.answerRequired" } });
    expect(await testDb.quizResponse.count({ where: { eventId: event.id } })).toBe(0);
    expect(attendeeOfToken(quizToken(crypto.randomUUID()).replace(/.$/, "!"))).toBeNull();
  });
});

describe("results", () => {
  it("shows participation and the gain per question from phone and paper answers", async () => {
    const { event, questions } = await sessionWithQuiz(1);
    // two people on the phone: before, one right on question 1; after, both right everywhere
    for (const [i, name] of ["Rina", "Joko"].entries()) {
      const { quizToken: token } = await checkInFor(event.checkInCode, `${name} ${uniqueSuffix()}`);
      await submitAnswers(event.checkInCode, submitAnswersSchema.parse({ token, phase: "PRE", answers: answersFor(questions, (q) => (q === 0 && i === 0 ? [0] : [1])) }));
      await submitAnswers(event.checkInCode, submitAnswersSchema.parse({ token, phase: "POST", answers: answersFor(questions, () => [0]) }));
    }
    // two paper sheets each phase: before, none right; after, both right on question 1 only
    await recordPaperTally(w.officerA, paperTallySchema.parse({ eventId: event.id, phase: "PRE", sheets: 2, questions: questions.map((q) => ({ questionId: q.id, correct: 0 })) }));
    await recordPaperTally(w.officerA, paperTallySchema.parse({ eventId: event.id, phase: "POST", sheets: 2, questions: questions.map((q, i) => ({ questionId: q.id, correct: i === 0 ? 2 : 0 })) }));
    // sent again (a recount): replaces, never adds
    await recordPaperTally(w.officerA, paperTallySchema.parse({ eventId: event.id, phase: "POST", sheets: 2, questions: questions.map((q, i) => ({ questionId: q.id, correct: i === 0 ? 2 : 0 })) }));

    const r = (await getEventQuizResults(w.regionalA, event.id))!;
    expect(r.attendees).toBe(2);
    expect(r.pre).toEqual({ online: 2, paper: 2 });
    expect(r.post).toEqual({ online: 2, paper: 2 });
    expect(r.questions.map((q) => [q.pre, q.post])).toEqual([
      [{ answered: 4, correct: 1 }, { answered: 4, correct: 4 }],
      [{ answered: 4, correct: 0 }, { answered: 4, correct: 2 }],
      [{ answered: 4, correct: 0 }, { answered: 4, correct: 2 }],
    ]);

    const filters = parseDashboardFilters({ period: "year", year: String(new Date(event.startsAt).getUTCFullYear()) });
    const office = await getQuizDashboard(w.adminA, { ...filters, officeId: w.officeA.id });
    expect(office.topGains.find((q) => q.questionId === questions[0]!.id)?.gain).toBe(75);
    expect(office.hardest).toEqual([]);
    // another office sees nothing of it
    const otherOffice = await getQuizDashboard(w.adminB, filters);
    expect(otherOffice.topGains.some((q) => q.questionId === questions[0]!.id)).toBe(false);
  });

  it("takes a paper post-test only after the start, and keeps a phase's quiz once answered", async () => {
    const { event, questions, quiz } = await sessionWithQuiz(-3);
    const tally = (phase: "PRE" | "POST") => paperTallySchema.parse({ eventId: event.id, phase, sheets: 3, questions: questions.map((q) => ({ questionId: q.id, correct: 1 })) });
    const early = await recordPaperTally(w.officerA, tally("POST")).catch((e) => e);
    expect(early.fieldErrors).toEqual({ _form: "quiz.errors.postTestEarly" });
    await recordPaperTally(w.officerA, tally("PRE"));
    const other = await createQuiz(w.adminA, createQuizSchema.parse(quizForm(nationalMaterial.id)));
    const change = await setEventQuizzes(w.adminA, { eventId: event.id, preTestQuizId: other.id, postTestQuizId: quiz.id }).catch((e) => e);
    expect(change.fieldErrors).toEqual({ preTestQuizId: "quiz.errors.phaseAnswered" });
    // the post-test has no answers yet: it may change
    expect(await outcome(setEventQuizzes(w.adminA, { eventId: event.id, preTestQuizId: quiz.id, postTestQuizId: other.id }))).toBe("OK");
    // and the answered quiz's questions are fixed
    const edit = await updateQuiz(w.adminA, updateQuizSchema.parse({ ...quizForm(nationalMaterial.id), id: quiz.id })).catch((e) => e);
    expect(edit.fieldErrors).toEqual({ _form: "quiz.errors.alreadyAnswered" });
  });

  it("deletes an unanswered quiz and takes it off its sessions; an answered one is refused and kept", async () => {
    const planned = await sessionWithQuiz(-24);
    const deleted = await deleteQuiz(w.adminA, { id: planned.quiz.id });
    expect(deleted).toEqual({ id: planned.quiz.id });
    expect(await testDb.quiz.count({ where: { id: planned.quiz.id } })).toBe(0);
    expect(await testDb.quizQuestion.count({ where: { quizId: planned.quiz.id } })).toBe(0);
    expect(await testDb.event.findUniqueOrThrow({ where: { id: planned.event.id }, select: { preTestQuizId: true, postTestQuizId: true } })).toEqual({ preTestQuizId: null, postTestQuizId: null });
    const audit = await testDb.auditLog.findFirst({ where: { action: "quiz.delete", entityId: planned.quiz.id } });
    expect(audit?.changes).toMatchObject({ after: { sessionsDetached: 2 } });

    const held = await sessionWithQuiz(2);
    await recordPaperTally(w.officerA, paperTallySchema.parse({ eventId: held.event.id, phase: "PRE", sheets: 3, questions: held.questions.map((q) => ({ questionId: q.id, correct: 1 })) }));
    const refused = await deleteQuiz(w.adminA, { id: held.quiz.id }).catch((e) => e);
    expect(refused.code).toBe("CONFLICT");
    expect(refused.fieldErrors).toEqual({ _form: "quiz.errors.answeredNoDelete" });
    expect(await testDb.quiz.count({ where: { id: held.quiz.id } })).toBe(1);
    expect((await testDb.event.findUniqueOrThrow({ where: { id: held.event.id } })).preTestQuizId).toBe(held.quiz.id);
  });

  it("shows the national level the hardest questions across the country", async () => {
    const { event, questions } = await sessionWithQuiz(1);
    // 12 sheets: question 3 nobody gets right, even after
    await recordPaperTally(w.officerA, paperTallySchema.parse({ eventId: event.id, phase: "PRE", sheets: 12, questions: questions.map((q) => ({ questionId: q.id, correct: 0 })) }));
    await recordPaperTally(w.officerA, paperTallySchema.parse({ eventId: event.id, phase: "POST", sheets: 12, questions: questions.map((q, i) => ({ questionId: q.id, correct: i === 2 ? 0 : 12 })) }));
    const filters = parseDashboardFilters({ period: "year", year: String(new Date(event.startsAt).getUTCFullYear()) });
    const national = await getQuizDashboard(w.national, { ...filters, officeId: w.officeA.id });
    expect(national.national).toBe(true);
    expect(national.hardest[0]?.questionId).toBe(questions[2]!.id);
    expect((await getQuizDashboard(w.regionalA, filters)).hardest).toEqual([]);
  });
});
