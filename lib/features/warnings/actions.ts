"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { PermissionKey } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/server/scope";
import { defineAction } from "@/lib/server/action";
import { fileReport } from "@/lib/features/warnings/filing";
import {
  acknowledgeSchema,
  addFollowUpSchema,
  answerSchema,
  askSchema,
  assignSchema,
  closeSchema,
  eraseContactSchema,
  completeFollowUpSchema,
  fileReportSchema,
  noteSchema,
  remindSchema,
  routeSchema,
  startVerificationSchema,
  verifySchema,
} from "@/lib/features/warnings/schemas";
import {
  acknowledgeReminder,
  addFollowUp,
  addNote,
  answerQuestion,
  askReporter,
  assignReport,
  closeReport,
  completeFollowUp,
  eraseContact,
  remindOffice,
  routeReport,
  startVerification,
  verifyReport,
} from "@/lib/features/warnings/triage";

const refresh = (id: string) => {
  revalidatePath(`/portal/deteksi/${id}`);
  revalidatePath("/portal/deteksi");
};

export const fileReportAction = defineAction({
  schema: fileReportSchema,
  permission: "create:warning",
  handler: async (input, { user }) => {
    const created = await fileReport(user, input);
    revalidatePath("/portal/deteksi");
    return created;
  },
});

/**
 * A step on one report: the wrapper checks the permission, the step (triage.ts) scopes the report
 * and its version; the report's pages are refreshed after it.
 */
function triageAction<S extends z.ZodType<{ reportId: string }>, R>(
  schema: S,
  step: (user: SessionUser, input: z.output<S>) => Promise<R>,
  permission: PermissionKey = "update:warning",
) {
  return defineAction({
    schema,
    permission,
    handler: async (input, { user }) => {
      const result = await step(user, input);
      refresh(input.reportId);
      return result;
    },
  });
}

export const assignAction = triageAction(assignSchema, assignReport);
export const startVerificationAction = triageAction(startVerificationSchema, startVerification);
export const verifyAction = triageAction(verifySchema, verifyReport);
export const askAction = triageAction(askSchema, askReporter);
export const noteAction = triageAction(noteSchema, addNote);
export const addFollowUpAction = triageAction(addFollowUpSchema, addFollowUp);
export const completeFollowUpAction = triageAction(completeFollowUpSchema, completeFollowUp);
export const closeAction = triageAction(closeSchema, closeReport);
export const eraseContactAction = triageAction(eraseContactSchema, eraseContact);
export const acknowledgeAction = triageAction(acknowledgeSchema, acknowledgeReminder);
export const routeAction = triageAction(routeSchema, routeReport, "route:warning");
export const remindAction = triageAction(remindSchema, remindOffice, "remind:warning");
export const answerAction = triageAction(answerSchema, answerQuestion, "answer:warning");
