import { z } from "zod";
import { FollowUpType, WarningCategory, WarningUrgency } from "@/lib/generated/prisma/enums";
import { checkbox, isoDayStringSchema, optionalId, optionalText, requiredText } from "@/lib/schema-fields";
import { villageCodeSchema } from "@/lib/features/villages/schemas";

export const WARNING_CATEGORIES = Object.values(WarningCategory);
export const WARNING_URGENCIES = Object.values(WarningUrgency);
export const FOLLOW_UP_TYPES = Object.values(FollowUpType);
export const MAX_ATTACHMENTS = 5;

const version = z.coerce.number("validation.invalid").int("validation.invalid").min(1, "validation.invalid");
const reportRef = { reportId: z.uuid("validation.invalid"), version };

/** Photos (re-encoded) and PDFs; their bytes are checked by lib/server/files.ts. */
const attachments = z
  .array(z.instanceof(File, { message: "validation.invalid" }))
  .max(MAX_ATTACHMENTS, "warning.errors.tooManyFiles")
  .default([])
  .transform((files) => files.filter((f) => f.size > 0));

/** What every report says, whoever files it. */
const reportFields = {
  category: z.enum(WarningCategory, "validation.required"),
  urgency: z.enum(WarningUrgency, "validation.required").default("NORMAL"),
  description: requiredText(4000, { multiline: true }),
  occurredOn: isoDayStringSchema,
  place: optionalText(300),
  /** Sensitive: names, ages, relationships of the people involved. */
  peopleInvolved: optionalText(2000, { multiline: true }),
};

/** A report by a village account (its own village) or an officer (a desa binaan of the office). */
export const fileReportSchema = z.object({
  ...reportFields,
  desaBinaanId: optionalId,
  attachments,
});

/** A tip from anyone at /lapor: the village by its Kemendagri code, consent to the UU PDP notice. */
export const publicTipSchema = z.object({
  ...reportFields,
  villageCode: villageCodeSchema,
  contact: optionalText(200),
  consent: checkbox.refine((v) => v, "warning.errors.consentRequired"),
});

export const assignSchema = z.object({ ...reportRef, assigneeId: optionalId });

export const VERIFICATION_CHECKS = ["sourceReachable", "factsConfirmed", "inWorkArea", "noEarlierReport"] as const;
export const VERIFICATION_DECISIONS = ["VALID", "INVALID", "DUPLICATE"] as const;

export const startVerificationSchema = z.object(reportRef);
export const eraseContactSchema = z.object(reportRef);

export const verifySchema = z
  .object({
    ...reportRef,
    checks: z.object(Object.fromEntries(VERIFICATION_CHECKS.map((c) => [c, checkbox])) as Record<(typeof VERIFICATION_CHECKS)[number], typeof checkbox>),
    decision: z.enum(VERIFICATION_DECISIONS, "validation.required"),
    note: requiredText(2000, { multiline: true }),
    /** The report this one repeats, by ticket code, when the decision is DUPLICATE. */
    duplicateOf: optionalText(20),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "DUPLICATE" && !v.duplicateOf) ctx.addIssue({ code: "custom", path: ["duplicateOf"], message: "warning.errors.duplicateOfRequired" });
  });

export const askSchema = z.object({ ...reportRef, question: requiredText(1000, { multiline: true }) });
export const answerSchema = z.object({ reportId: z.uuid("validation.invalid"), answer: requiredText(2000, { multiline: true }) });
export const tipAnswerSchema = z.object({ trackingCode: requiredText(30), answer: requiredText(2000, { multiline: true }) });
export const noteSchema = z.object({ ...reportRef, note: requiredText(2000, { multiline: true }) });

export const addFollowUpSchema = z.object({
  ...reportRef,
  type: z.enum(FollowUpType, "validation.required"),
  description: optionalText(1000, { multiline: true }),
  ownerId: z.uuid("validation.required"),
  dueOn: isoDayStringSchema,
});

export const completeFollowUpSchema = z.object({
  ...reportRef,
  followUpId: z.uuid("validation.invalid"),
  outcome: requiredText(2000, { multiline: true }),
});

export const closeSchema = z.object({ ...reportRef, outcome: requiredText(2000, { multiline: true }) });

export const routeSchema = z.object({ ...reportRef, officeId: z.uuid("validation.required") });
export const remindSchema = z.object({ reportId: z.uuid("validation.invalid"), message: optionalText(500, { multiline: true }) });
export const acknowledgeSchema = z.object({ reportId: z.uuid("validation.invalid"), reminderId: z.uuid("validation.invalid") });

export const slaPolicySchema = z.object({
  category: z.enum(WarningCategory, "validation.required"),
  hours: z.coerce.number("validation.count").int("validation.count").min(1, "validation.count").max(720, "validation.count"),
  urgentHours: z.coerce.number("validation.count").int("validation.count").min(1, "validation.count").max(720, "validation.count"),
});

export const trackSchema = z.object({ trackingCode: requiredText(30) });
