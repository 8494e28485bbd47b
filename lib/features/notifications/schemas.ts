import { z } from "zod";
import { NotificationKind } from "@/lib/generated/prisma/enums";
import { SUBJECT_TYPES } from "@/lib/features/notifications/subjects";

export const NOTIFICATION_KINDS = Object.values(NotificationKind) as [NotificationKind, ...NotificationKind[]];
export const NOTIFICATION_PAGE_SIZE = 20;

/**
 * Who receives a notification: named users, and/or everyone of an audience, resolved inside the
 * caller's transaction from the active accounts at that moment.
 */
export const audienceSchema = z.discriminatedUnion("type", [
  /** The staff of an office: its OFFICE_ADMINs and OFFICE_OFFICERs. */
  z.object({ type: z.literal("office-staff"), officeId: z.uuid() }),
  /** The REGIONAL_OVERSEERs of a Kanwil. */
  z.object({ type: z.literal("kanwil-overseers"), kanwilId: z.uuid() }),
  /** The national admins (Ditjen Imigrasi). */
  z.object({ type: z.literal("national-admins") }),
]);
export type Audience = z.infer<typeof audienceSchema>;

/**
 * What `notify` takes. No free text on purpose: a notification carries its kind, the subject's
 * type and id and a short public reference (a ticket code), never names, phone numbers or the
 * content of a report (UU PDP). The reference is checked to look like a code, not a sentence.
 */
export const notifySchema = z
  .object({
    kind: z.enum(NOTIFICATION_KINDS),
    subject: z.object({
      type: z.enum(SUBJECT_TYPES),
      id: z.uuid(),
      reference: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, "a ticket code: capitals, digits and dashes"),
    }),
    /**
     * The event this notifies about, unique per event (e.g. `<report id>:assigned:<assignment id>`,
     * `<report id>:overdue`): with the kind and the recipient it makes the dedupe key, so the same
     * event never notifies anyone twice, however often a job retries.
     */
    event: z.string().min(1).max(200),
    users: z.array(z.uuid()).max(1000).default([]),
    audiences: z.array(audienceSchema).max(10).default([]),
    /** Not notified even if in an audience: usually the person who acted. */
    except: z.array(z.uuid()).max(100).default([]),
  })
  .refine((v) => v.users.length > 0 || v.audiences.length > 0, "no recipient");
export type NotifyInput = z.input<typeof notifySchema>;

export const notificationIdSchema = z.object({ id: z.uuid("validation.invalid") });

export const notificationPageSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
