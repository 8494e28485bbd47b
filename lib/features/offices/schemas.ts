import { z } from "zod";
import { optionalText as optional, cleanText } from "@/lib/schema-fields";

/** What an office admin may change about their office; class, name and work area are national data. */
export const updateOfficeProfileSchema = z.object({
  officeId: z.uuid(),
  headName: optional(120),
  address: optional(300, { multiline: true }),
  phone: optional(30).refine((v) => v === null || /^[0-9+()\-\s]{6,30}$/.test(v), "validation.phone"),
  email: optional(254).refine((v) => v === null || z.email().safeParse(v).success, "validation.email"),
  serviceHours: optional(120),
});
export type UpdateOfficeProfileInput = z.input<typeof updateOfficeProfileSchema>;

// ───────────────────────────── Reference data (national admin) ─────────────────────────────

export const OFFICE_CLASSES = ["KELAS_I_TPI", "KELAS_I_NON_TPI", "KELAS_II_TPI", "KELAS_II_NON_TPI"] as const;

const required = (max: number) => z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");
const phone = optional(30).refine((v) => v === null || /^[0-9+()\-\s]{6,30}$/.test(v), "validation.phone");
const email = optional(254).refine((v) => v === null || z.email().safeParse(v).success, "validation.email");
const provinceCode = z.string().regex(/^\d{2}$/, "validation.invalid");
export const REGENCY_CODE = /^\d{2}\.\d{2}$/;
const regencyCodes = z
  .array(z.string().regex(REGENCY_CODE, "office.errors.regencyCode"))
  .max(60, "validation.tooMany")
  .transform((codes) => [...new Set(codes)].sort());
/** The day a work area takes effect: a calendar day, not after today (changes are recorded as they happen). */
export const effectiveOnSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "validation.date")
  .refine((v) => v <= new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10), "validation.dateFuture");
/** The version an edit started from, as the form sends it (a string from a hidden input). */
const version = z.coerce.number().int().min(1);

const kanwilFields = {
  name: required(160),
  address: optional(300),
  phone,
  email,
  headName: optional(120),
};

export const createKanwilSchema = z.object({ provinceCode, ...kanwilFields });
export type CreateKanwilInput = z.input<typeof createKanwilSchema>;

export const updateKanwilSchema = z.object({ kanwilId: z.uuid(), version, ...kanwilFields });
export type UpdateKanwilInput = z.input<typeof updateKanwilSchema>;

const officeFields = {
  name: required(160),
  officeClass: z.enum(OFFICE_CLASSES, "validation.invalid"),
  kanwilId: z.uuid("office.errors.kanwilRequired"),
  provinceCode,
  address: optional(300),
  phone,
  email,
  headName: optional(120),
};

/** A new office; its work area may only take regencies no office holds yet (moves go through the work-area screen). */
export const createOfficeSchema = z.object({ ...officeFields, regencyCodes, effectiveOn: effectiveOnSchema });
export type CreateOfficeInput = z.input<typeof createOfficeSchema>;

export const updateOfficeSchema = z.object({ officeId: z.uuid(), version, ...officeFields });
export type UpdateOfficeInput = z.input<typeof updateOfficeSchema>;

/**
 * A new work area for one office. `expectedMoves` are the desa binaan ids the preview showed as
 * moving: if the plan differs when it is applied (someone registered a village meanwhile), the
 * change is refused so that nobody confirms a move they did not see.
 */
export const changeWorkAreaSchema = z.object({
  officeId: z.uuid(),
  version,
  regencyCodes: regencyCodes.refine((codes) => codes.length > 0, "office.errors.workAreaEmpty"),
  effectiveOn: effectiveOnSchema,
  expectedMoves: z.array(z.uuid()).max(5000).optional(),
});
export type ChangeWorkAreaInput = z.input<typeof changeWorkAreaSchema>;

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** An office list as CSV or XLSX, base64-encoded by the browser (server actions take plain values). */
export const importOfficesSchema = z.object({
  fileName: cleanText().min(1, "office.import.fileRequired").max(200, "validation.tooLong"),
  /** The file, base64-encoded by the browser: nothing else is accepted. */
  content: z
    .string("office.import.fileRequired")
    .min(1, "office.import.fileRequired")
    .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4, "office.import.tooLarge")
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "office.import.unreadable"),
  effectiveOn: effectiveOnSchema,
});
export type ImportOfficesInput = z.input<typeof importOfficesSchema>;
