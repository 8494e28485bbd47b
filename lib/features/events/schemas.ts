import { z } from "zod";
import { AttendeeCategory, EventType, Gender, InstitutionKind } from "@/lib/generated/prisma/enums";
import { optionalIndonesianPhoneSchema } from "@/lib/phone";
import { checkbox, localDateTimeSchema, optionalId, optionalText, requiredText as text, wholeNumber } from "@/lib/schema-fields";

/** Checkbox groups send false (none), one string (one box) or an array: always an array here. */
const idList = (max: number) =>
  z.preprocess(
    (v) => (v === false || v === null || v === undefined || v === "" ? [] : typeof v === "string" ? [v] : v),
    z.array(z.uuid()).max(max),
  );

/** A wall-clock time as a `datetime-local` input gives it: "2026-12-01T09:00", strictly read. */
const localDateTime = localDateTimeSchema;

export const EVENT_TYPES = Object.values(EventType);
export const ATTENDEE_CATEGORIES = Object.values(AttendeeCategory);
export const INSTITUTION_KINDS = Object.values(InstitutionKind);

const speakerSchema = z.object({
  name: text(120),
  position: optionalText(120),
  institutionId: optionalId,
});

/** Times are local to the venue; the server turns them into instants with the venue's zone. */
export const eventFormSchema = z
  .object({
    type: z.enum(EventType, "validation.required"),
    title: text(200),
    theme: optionalText(300),
    description: optionalText(4000, { multiline: true }),
    venueName: text(200),
    venueAddress: optionalText(300),
    venueVillageId: optionalId,
    startsAtLocal: localDateTime,
    endsAtLocal: localDateTime,
    desaBinaanIds: idList(200),
    speakers: z.array(speakerSchema).max(30).default([]),
    partnerIds: idList(50),
  })
  .refine((v) => v.endsAtLocal > v.startsAtLocal, { path: ["endsAtLocal"], message: "validation.endBeforeStart" });
export type EventFormInput = z.input<typeof eventFormSchema>;
export type EventFormValues = z.output<typeof eventFormSchema>;

export const createEventSchema = eventFormSchema;
export const updateEventSchema = z.intersection(z.object({ eventId: z.uuid() }), eventFormSchema);

export const postponeEventSchema = z
  .object({
    eventId: z.uuid(),
    startsAtLocal: localDateTime,
    endsAtLocal: localDateTime,
    reason: text(500, { multiline: true }),
  })
  .refine((v) => v.endsAtLocal > v.startsAtLocal, { path: ["endsAtLocal"], message: "validation.endBeforeStart" });

export const cancelEventSchema = z.object({ eventId: z.uuid(), reason: text(500, { multiline: true }) });
export const eventIdSchema = z.object({ eventId: z.uuid() });
export const setCheckInOpenSchema = z.object({ eventId: z.uuid(), open: z.boolean() });

export const eventReportSchema = z.object({
  eventId: z.uuid(),
  reportNotes: optionalText(10000, { multiline: true }),
  followUps: optionalText(4000, { multiline: true }),
  whatsappGroupShared: z.boolean().default(false),
});

export const institutionSchema = z.object({
  name: text(200),
  kind: z.enum(InstitutionKind, "validation.required"),
});

/** Phone only with consent (UU PDP): a phone without the box ticked is refused, not dropped. */
const withPhoneConsent = <T extends { phone: string | null; consent: boolean }>(v: T, ctx: z.RefinementCtx) => {
  if (v.phone && !v.consent) ctx.addIssue({ code: "custom", path: ["consent"], message: "validation.phoneConsent" });
};

export const attendeeSchema = z
  .object({
    eventId: z.uuid(),
    name: text(120),
    category: z.enum(AttendeeCategory, "validation.required"),
    position: optionalText(120),
    desaBinaanId: optionalId,
    institutionName: optionalText(200),
    gender: z
      .union([z.enum(Gender), z.literal("")])
      .optional()
      .transform((v) => v || null),
    phone: optionalIndonesianPhoneSchema.optional().transform((v) => v ?? null),
    consent: z.boolean().default(false),
  })
  .superRefine(withPhoneConsent);
export type AttendeeInput = z.input<typeof attendeeSchema>;

export const removeAttendeeSchema = z.object({ eventId: z.uuid(), attendeeId: z.uuid() });

const count = wholeNumber(100000);
export const attendanceCountsSchema = z.object({
  eventId: z.uuid(),
  rows: z
    .array(z.object({ category: z.enum(AttendeeCategory, "validation.required"), male: count, female: count, unknown: count }))
    .max(ATTENDEE_CATEGORIES.length, "validation.tooMany")
    // one row per category: the table's unique index would otherwise refuse the save
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        if (seen.has(row.category)) ctx.addIssue({ code: "custom", path: [i, "category"], message: "validation.duplicateCategory" });
        seen.add(row.category);
      });
    }),
});
export type AttendanceCountsInput = z.input<typeof attendanceCountsSchema>;

/** The public check-in form. Consent is required: without it nothing about the person is kept. */
export const checkInSchema = z
  .object({
    name: text(120),
    category: z.enum(AttendeeCategory, "validation.required"),
    origin: optionalText(200),
    gender: z
      .union([z.enum(Gender), z.literal("")])
      .optional()
      .transform((v) => v || null),
    phone: optionalIndonesianPhoneSchema.optional().transform((v) => v ?? null),
    consent: checkbox,
  })
  .refine((v) => v.consent, { path: ["consent"], message: "validation.checkInConsent" });
export type CheckInValues = z.output<typeof checkInSchema>;
