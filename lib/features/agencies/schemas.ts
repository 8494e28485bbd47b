import { z } from "zod";
import { cleanText, isoDayStringSchema, optionalText, requiredText } from "@/lib/schema-fields";

/** The official P3MI list is a few hundred rows; 1 MB holds many thousands. */
export const AGENCY_IMPORT_MAX_BYTES = 1024 * 1024;
export const AGENCY_IMPORT_MAX_ROWS = 10_000;

/** The list's own date: a real day, not in the future (Indonesian time, the earliest zone's day at most). */
const sourceDateSchema = isoDayStringSchema.refine(
  (v) => v <= new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10),
  "validation.dateFuture",
);

/** A new list of licensed agencies: the CSV, base64-encoded by the browser, with where it came from. */
export const importAgenciesSchema = z.object({
  source: requiredText(300),
  sourceDate: sourceDateSchema,
  fileName: cleanText().min(1, "agency.import.fileRequired").max(200, "validation.tooLong"),
  content: z
    .string("agency.import.fileRequired")
    .min(1, "agency.import.fileRequired")
    .max(Math.ceil((AGENCY_IMPORT_MAX_BYTES * 4) / 3) + 4, "agency.import.tooLarge")
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "agency.import.unreadable"),
});
export type ImportAgenciesInput = z.input<typeof importAgenciesSchema>;

/** One row of the list, after the columns have been matched to these names. */
export const agencyRowSchema = z.object({
  name: requiredText(300),
  licenceNumber: requiredText(120),
  address: optionalText(500),
  province: optionalText(120),
});

/** The public search: what the reader typed, at most 100 characters. */
export const agencySearchSchema = z.object({ q: cleanText().max(100).optional().catch(undefined) });

/**
 * The form a name is compared in: no case, no accents, punctuation as spaces. "PT. Séhat-Jaya"
 * and "pt sehat jaya" are the same search; both the stored column and the query go through it.
 */
export function searchForm(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
