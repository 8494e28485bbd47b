import { z } from "zod";
import { AttendeeCategory, EventStatus, EventType, Gender, InstitutionKind } from "@/lib/generated/prisma/enums";
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
export const EVENT_STATUSES = Object.values(EventStatus);
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

/** A named attendee as staff record one, online or offline. */
const attendeeFields = {
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
};

export const attendeeSchema = z.object({ eventId: z.uuid(), ...attendeeFields }).superRefine(withPhoneConsent);
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
    /** The form's own id (a hidden field): a re-sent form is one check-in, whatever was retyped. */
    clientId: optionalId,
  })
  .refine((v) => v.consent, { path: ["consent"], message: "validation.checkInConsent" });
export type CheckInValues = z.output<typeof checkInSchema>;

/** What the sessions list can be narrowed by. */
export type EventListFilter = {
  /** Words of the title, theme or venue. */
  q?: string;
  type?: EventType;
  status?: EventStatus;
  desaBinaanId?: string;
  /** A province code ("33"): sessions of the offices in it. */
  province?: string;
  /** Local days (WIB), inclusive: "2024-01-01". */
  from?: string;
  to?: string;
  page?: number;
};

const listDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The sessions list's URL parameters; anything unreadable is simply no filter. */
const eventListParamsSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  desa: z.uuid().optional().catch(undefined),
  provinsi: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  jenis: z.enum(EventType).optional().catch(undefined),
  status: z.enum(EventStatus).optional().catch(undefined),
  dari: listDay.optional().catch(undefined),
  sampai: listDay.optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

export function parseEventListFilter(params: Record<string, string | string[] | undefined>): EventListFilter {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
  const p = eventListParamsSchema.parse(flat);
  return { q: p.q || undefined, desaBinaanId: p.desa, province: p.provinsi, type: p.jenis, status: p.status, from: p.dari, to: p.sampai, page: p.page };
}

/** The filter back as URL parameters (the pager keeps the filter). */
export function eventListQuery(filter: EventListFilter, page?: number): string {
  const q = new URLSearchParams();
  if (filter.q) q.set("q", filter.q);
  if (filter.province) q.set("provinsi", filter.province);
  if (filter.desaBinaanId) q.set("desa", filter.desaBinaanId);
  if (filter.type) q.set("jenis", filter.type);
  if (filter.status) q.set("status", filter.status);
  if (filter.from) q.set("dari", filter.from);
  if (filter.to) q.set("sampai", filter.to);
  if (page && page > 1) q.set("page", String(page));
  return q.size ? `?${q}` : "";
}

// ───────────────────────────── Offline attendance (ADR 0019) ─────────────────────────────

/** How many queued records one sync request carries: 2,000 records go in ten requests. */
export const OFFLINE_BATCH_SIZE = 200;

/** A named attendee taken offline: the staff form's fields, without the session id. */
export const offlineAttendeeSchema = z.object(attendeeFields).superRefine(withPhoneConsent);
export type OfflineAttendeeInput = z.input<typeof offlineAttendeeSchema>;

/** Counts taken offline: they are added to the session's counts once, however often sent. */
export const offlineCountsSchema = z
  .object({
    category: z.enum(AttendeeCategory, "validation.required"),
    male: wholeNumber(10000),
    female: wholeNumber(10000),
    unknown: wholeNumber(10000),
  })
  .refine((v) => v.male + v.female + v.unknown > 0, { path: ["male"], message: "validation.countsEmpty" });
export type OfflineCountsInput = z.input<typeof offlineCountsSchema>;

/** When a record was taken: an ISO instant, not in the future (a phone clock may run 5 min ahead). */
const takenAtSchema = z.iso
  .datetime({ offset: true, message: "validation.dateTime" })
  .transform((v) => new Date(v))
  .refine((d) => d.getTime() <= Date.now() + 5 * 60_000 && d.getUTCFullYear() >= 2000, "validation.dateRange");

/** One queued record as the device sends it; each is checked alone, so one bad record refuses only itself. */
export const offlineRecordSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("attendee"), clientId: z.uuid(), takenAt: takenAtSchema, data: offlineAttendeeSchema }),
    z.object({ kind: z.literal("counts"), clientId: z.uuid(), takenAt: takenAtSchema, data: offlineCountsSchema }),
  ],
  "validation.invalid",
);
export type OfflineRecord = z.output<typeof offlineRecordSchema>;

/** The batch envelope: every record needs its client id (its answer is filed under it). */
export const offlineBatchSchema = z.object({
  records: z
    .array(z.looseObject({ clientId: z.uuid() }))
    .min(1)
    .max(OFFLINE_BATCH_SIZE, "validation.tooMany"),
});
