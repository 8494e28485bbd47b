"use server";
import { revalidatePath } from "next/cache";
import { createQuiz, deleteQuiz, recordPaperTally, setEventQuizzes, updateQuiz } from "@/lib/features/quizzes/mutations";
import { createQuizSchema, deleteQuizSchema, paperTallySchema, setEventQuizzesSchema, updateQuizSchema } from "@/lib/features/quizzes/schemas";
import { defineAction } from "@/lib/server/action";

export const createQuizAction = defineAction({
  schema: createQuizSchema,
  permission: "create:quiz",
  handler: async (input, { user }) => {
    const created = await createQuiz(user, input);
    revalidatePath("/portal/kuis");
    return created;
  },
});

export const updateQuizAction = defineAction({
  schema: updateQuizSchema,
  permission: "update:quiz",
  handler: async (input, { user }) => {
    const updated = await updateQuiz(user, input);
    revalidatePath("/portal/kuis");
    return updated;
  },
});

/** An unanswered quiz; the sessions that were to use it lose it (their pages then offer another). */
export const deleteQuizAction = defineAction({
  schema: deleteQuizSchema,
  permission: "delete:quiz",
  handler: async (input, { user }) => {
    const deleted = await deleteQuiz(user, input);
    revalidatePath("/portal/kuis");
    return deleted;
  },
});

/** The session's pre-test and post-test: part of editing the session. */
export const setEventQuizzesAction = defineAction({
  schema: setEventQuizzesSchema,
  permission: "update:event",
  handler: async (input, { user }) => {
    const result = await setEventQuizzes(user, input);
    revalidatePath(`/portal/kegiatan/${input.eventId}`);
    return result;
  },
});

/** Paper answer sheets, counted: recorded by whoever records the session's attendance. */
export const recordPaperTallyAction = defineAction({
  schema: paperTallySchema,
  permission: "update:attendance",
  handler: async (input, { user }) => {
    const result = await recordPaperTally(user, input);
    revalidatePath(`/portal/kegiatan/${input.eventId}`);
    return result;
  },
});
