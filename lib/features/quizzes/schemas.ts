import { z } from "zod";
import { optionalId, requiredText } from "@/lib/schema-fields";

/** The issue's bounds: a short quiz of 3 to 10 questions, each with a few options. */
export const MIN_QUESTIONS = 3;
export const MAX_QUESTIONS = 10;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 5;
export const QUIZ_PHASES = ["PRE", "POST"] as const;
export type QuizPhaseValue = (typeof QUIZ_PHASES)[number];

const optionSchema = z.object({
  text: requiredText(200),
  correct: z.boolean("validation.invalid").default(false),
});

const questionSchema = z
  .object({
    text: requiredText(500),
    options: z.array(optionSchema, "validation.invalid").min(MIN_OPTIONS, "quiz.errors.tooFewOptions").max(MAX_OPTIONS, "quiz.errors.tooManyOptions"),
  })
  // A question nobody can get right measures nothing: one or more options must be marked correct.
  .refine((q) => q.options.some((o) => o.correct), { message: "quiz.errors.noCorrect", path: ["options"] });

export const quizFieldsSchema = z.object({
  title: requiredText(200),
  materialId: z.uuid("quiz.errors.materialRequired"),
  questions: z
    .array(questionSchema, "validation.invalid")
    .min(MIN_QUESTIONS, "quiz.errors.questionCount")
    .max(MAX_QUESTIONS, "quiz.errors.questionCount"),
});

export const createQuizSchema = quizFieldsSchema;
export type QuizFormInput = z.input<typeof quizFieldsSchema>;
export const updateQuizSchema = quizFieldsSchema.extend({ id: z.uuid() });

export const deleteQuizSchema = z.object({ id: z.uuid() });

/** Which quiz a session uses before (after check-in) and after; empty = none. */
export const setEventQuizzesSchema = z.object({
  eventId: z.uuid(),
  preTestQuizId: optionalId,
  postTestQuizId: optionalId,
});

const count = z.coerce.number("validation.invalid").int("validation.invalid").min(0, "validation.invalid").max(100_000, "validation.invalid");

/**
 * Paper answers, typed as the officer counts the sheets: how many sheets came back and, per
 * question, how many had it right. Sending it again replaces the phase's tally (a corrected count).
 */
export const paperTallySchema = z
  .object({
    eventId: z.uuid(),
    phase: z.enum(QUIZ_PHASES, "validation.required"),
    sheets: count.min(1, "quiz.errors.sheetsRequired"),
    questions: z.array(z.object({ questionId: z.uuid(), correct: count }), "validation.invalid").min(1, "validation.invalid").max(MAX_QUESTIONS, "validation.invalid"),
  })
  .superRefine((v, ctx) => {
    v.questions.forEach((q, i) => {
      if (q.correct > v.sheets) ctx.addIssue({ code: "custom", message: "quiz.errors.moreCorrectThanSheets", path: ["questions", i, "correct"] });
    });
  });
export type PaperTallyInput = z.input<typeof paperTallySchema>;

/** An attendee's answers from the phone: per question id the chosen option indexes. */
export const submitAnswersSchema = z.object({
  token: z.string().min(10).max(200),
  phase: z.enum(QUIZ_PHASES),
  answers: z.record(z.uuid(), z.array(z.coerce.number().int().min(0).max(MAX_OPTIONS - 1)).max(MAX_OPTIONS)),
});
export type SubmitAnswersInput = z.input<typeof submitAnswersSchema>;

/** Whether a chosen set is right: exactly the correct options, no more, no fewer. */
export function isCorrectChoice(correct: readonly number[], chosen: readonly number[]): boolean {
  const a = new Set(correct);
  const b = new Set(chosen);
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** The stored form of a question: option texts and the indexes of the right ones. */
export function toStoredQuestions(questions: z.output<typeof quizFieldsSchema>["questions"]) {
  return questions.map((q, position) => ({
    position,
    text: q.text,
    options: q.options.map((o) => o.text),
    correct: q.options.flatMap((o, i) => (o.correct ? [i] : [])),
  }));
}
