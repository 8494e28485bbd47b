import { beforeAll, describe, expect, it } from "vitest";
import type { PermissionKey } from "@/lib/auth/permissions";
import { createQuiz, deleteQuiz, recordPaperTally, setEventQuizzes, updateQuiz } from "@/lib/features/quizzes/mutations";
import { findQuizzes, getEventQuizResults, getQuiz, getQuizDashboard } from "@/lib/features/quizzes/queries";
import { createQuizSchema, paperTallySchema, updateQuizSchema } from "@/lib/features/quizzes/schemas";
import { parseDashboardFilters } from "@/lib/features/reports/schemas";
import type { SessionUser } from "@/lib/server/scope";
import { createEvent, createMaterial, uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, expectedOutcome, matrixActors, outcome, testDb, type Side } from "@/tests/support/world";

/**
 * The role x own/other matrix for every quiz action, derived from the permission map
 * (tests/support/world.ts): no permission -> FORBIDDEN; scope "any" or the actor's own side ->
 * OK; otherwise another office's quiz or session is NOT_FOUND, though its id is handed straight in.
 */
let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
let materialId: string;
/** Per side: a session with answers on paper, and its first question, for the list and dashboard cases. */
const answered: Partial<Record<Side, { quizId: string; questionId: string }>> = {};

const form = () => ({
  title: `Kuis Matriks ${uniqueSuffix()}`,
  materialId,
  questions: Array.from({ length: 3 }, (_, i) => ({
    text: `Soal ${i + 1}`,
    options: [
      { text: "Benar", correct: true },
      { text: "Salah", correct: false },
    ],
  })),
});

const officeOf = (side: Side) => (side === "own" ? w.officeA : w.officeB);
const villageOf = (side: Side) => (side === "own" ? w.villageA : w.villageB);

/** A quiz of the side's office, written straight to the database (not through the code under test). */
async function freshQuiz(side: Side) {
  const f = form();
  return testDb.quiz.create({
    data: {
      title: f.title,
      materialId,
      officeId: officeOf(side).id,
      questions: { create: f.questions.map((q, position) => ({ position, text: q.text, options: q.options.map((o) => o.text), correct: [0] })) },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
}

/** A session of the side's office, on its village, started an hour ago, with that quiz as both tests. */
async function freshSession(side: Side) {
  const quiz = await freshQuiz(side);
  const event = await createEvent(testDb, {
    officeId: officeOf(side).id,
    desaBinaanIds: [villageOf(side).id],
    startsAt: new Date(Date.now() - 3_600_000),
    preTestQuizId: quiz.id,
    postTestQuizId: quiz.id,
  });
  return { quiz, event };
}

beforeAll(async () => {
  w = await createTwoOfficeWorld();
  materialId = (await createMaterial(testDb, { status: "PUBLISHED" })).id;
  for (const side of ["own", "other"] as const) {
    const { quiz, event } = await freshSession(side);
    for (const phase of ["PRE", "POST"] as const) {
      await testDb.quizPaperTally.createMany({
        data: quiz.questions.map((q) => ({ eventId: event.id, phase, questionId: q.id, sheets: 10, correct: phase === "PRE" ? 2 : 8 })),
      });
    }
    answered[side] = { quizId: quiz.id, questionId: quiz.questions[0]!.id };
  }
});

const notListed = () => Object.assign(new Error("not listed"), { code: "NOT_FOUND" });

const cases: { name: string; key: PermissionKey; sides?: readonly Side[]; run: (actor: SessionUser, side: Side) => Promise<unknown> }[] = [
  {
    name: "write a quiz",
    key: "create:quiz",
    sides: ["own"],
    run: (a) => createQuiz(a, createQuizSchema.parse(form())),
  },
  {
    name: "read a quiz",
    key: "read:quiz",
    run: async (a, side) => getQuiz(a, (await freshQuiz(side)).id),
  },
  {
    name: "find a quiz in the list",
    key: "read:quiz",
    run: async (a, side) => {
      if (!(await findQuizzes(a)).some((q) => q.id === answered[side]!.quizId)) throw notListed();
    },
  },
  {
    name: "edit a quiz",
    key: "update:quiz",
    run: async (a, side) => updateQuiz(a, updateQuizSchema.parse({ ...form(), id: (await freshQuiz(side)).id })),
  },
  {
    name: "delete a quiz nobody has answered",
    key: "delete:quiz",
    run: async (a, side) => deleteQuiz(a, { id: (await freshQuiz(side)).id }),
  },
  {
    name: "choose a session's pre-test and post-test",
    key: "update:event",
    run: async (a, side) => {
      const event = await createEvent(testDb, { officeId: officeOf(side).id, desaBinaanIds: [villageOf(side).id] });
      const quiz = await freshQuiz(side);
      return setEventQuizzes(a, { eventId: event.id, preTestQuizId: quiz.id, postTestQuizId: quiz.id });
    },
  },
  {
    name: "enter paper answers",
    key: "update:attendance",
    run: async (a, side) => {
      const { quiz, event } = await freshSession(side);
      return recordPaperTally(a, paperTallySchema.parse({ eventId: event.id, phase: "POST", sheets: 4, questions: quiz.questions.map((q) => ({ questionId: q.id, correct: 2 })) }));
    },
  },
  {
    name: "read a session's quiz results",
    key: "read:event",
    run: async (a, side) => getEventQuizResults(a, (await freshSession(side)).event.id),
  },
  {
    name: "see a session's questions on the dashboard",
    key: "read:report",
    run: async (a, side) => {
      // narrowed to the side's office: the filter can never reach past the reader's own offices
      const d = await getQuizDashboard(a, { ...parseDashboardFilters({}), officeId: officeOf(side).id });
      if (!d.topGains.concat(d.lowestGains).some((q) => q.questionId === answered[side]!.questionId)) throw notListed();
    },
  },
];

describe("quiz authorization matrix", () => {
  for (const c of cases) {
    for (const role of ["national", "regional", "officeAdmin", "officer", "village"] as const) {
      for (const side of c.sides ?? (["own", "other"] as const)) {
        it(`${c.name}: ${role}, ${side} side`, async () => {
          const actor = matrixActors(w)[role];
          expect(await outcome(c.run(actor, side))).toBe(expectedOutcome(actor, c.key, side));
        });
      }
    }
  }

  it("lets every office read and use national quizzes, and only the national level edit them", async () => {
    const national = await createQuiz(w.national, createQuizSchema.parse(form()));
    for (const actor of [w.adminA, w.officerB, w.regionalA]) expect(await outcome(getQuiz(actor, national.id))).toBe("OK");
    expect(await outcome(updateQuiz(w.adminA, updateQuizSchema.parse({ ...form(), id: national.id })))).toBe("NOT_FOUND");
    const event = await createEvent(testDb, { officeId: w.officeB.id });
    expect(await outcome(setEventQuizzes(w.adminB, { eventId: event.id, preTestQuizId: national.id, postTestQuizId: null }))).toBe("OK");
    // another office's quiz on this office's session: refused as a field error, nothing saved
    const foreign = await freshQuiz("own");
    const refused = await setEventQuizzes(w.adminB, { eventId: event.id, preTestQuizId: foreign.id, postTestQuizId: null }).catch((e) => e);
    expect(refused.fieldErrors).toEqual({ preTestQuizId: "quiz.errors.quizRequired" });
    expect((await testDb.event.findUniqueOrThrow({ where: { id: event.id } })).preTestQuizId).toBe(national.id);
  });
});
