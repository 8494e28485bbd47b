import { z } from "zod";

/**
 * The zod pieces every input schema is built from, in one place, so that each rule holds
 * everywhere: text has no control characters (PostgreSQL refuses NUL; the rest have no business
 * in a name or a note), is well-formed Unicode and trimmed; dates are real calendar dates within
 * the program's years. Messages are catalogue keys (validation.*), translated where shown.
 */

/** Years a date in this portal can have: the program began in 2022; nothing is planned past 2100. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** One line of text: control characters (tabs and line breaks included) become spaces. */
export function cleanLine(text: string): string {
   
  return text.toWellFormed().replace(/[\p{Cc}\u2028\u2029]+/gu, " ");
}

/** Several lines: line breaks are kept as \n and tabs as tabs; other control characters go. */
export function cleanMultiline(text: string): string {
  return text
    .toWellFormed()
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
     
    .replace(/[^\P{Cc}\n\t]+/gu, "");
}

type TextOptions = { multiline?: boolean };

/** A string as typed, cleaned and trimmed, any length (the fields below bound it). */
export const cleanText = (options: TextOptions = {}) =>
  z.string("validation.required").overwrite(options.multiline ? cleanMultiline : cleanLine).trim();

/** Text that must be there, at most `max` characters. */
export const requiredText = (max: number, options: TextOptions = {}) =>
  cleanText(options).min(1, "validation.required").max(max, "validation.tooLong");

/** Text that may be left empty: empty, missing or null is stored as null. */
export const optionalText = (max: number, options: TextOptions = {}) =>
  z
    .union([cleanText(options).max(max, "validation.tooLong"), z.null()], "validation.invalid")
    .optional()
    .transform((v) => v || null);

/** An id picked from a list, or none (empty, missing or null): null. */
export const optionalId = z
  .union([z.uuid("validation.required"), z.literal(""), z.null()], "validation.required")
  .optional()
  .transform((v) => v || null);

/** The days in a month of a year (month 1-12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether y-m-d h:mi names a real moment of the calendar and clock within the portal's years. */
function checkParts(y: number, mo: number, d: number, h = 0, mi = 0): "ok" | "format" | "range" {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59) return "format";
  if (y < MIN_YEAR || y > MAX_YEAR) return "range";
  return "ok";
}

/**
 * A wall-clock time as a `datetime-local` input sends it, "2026-12-01T09:00" (seconds allowed and
 * dropped): read strictly, never rolled over (month 13, day 45, 99:98 are refused, not moved to
 * the next year), and within MIN_YEAR..MAX_YEAR.
 */
export const localDateTimeSchema = z
  .string("validation.dateTime")
  .trim()
  .transform((v, ctx) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/.exec(v);
    const verdict = m ? checkParts(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!) : "format";
    if (verdict !== "ok") {
      ctx.addIssue({ code: "custom", message: verdict === "range" ? "validation.dateRange" : "validation.dateTime" });
      return z.NEVER;
    }
    return `${m![1]}-${m![2]}-${m![3]}T${m![4]}:${m![5]}`;
  });

/** A calendar day as an HTML date input sends it, "2026-12-01": strict, within the portal's years. */
export const isoDayStringSchema = z
  .string("validation.date")
  .trim()
  .transform((v, ctx) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const verdict = m ? checkParts(+m[1]!, +m[2]!, +m[3]!) : "format";
    if (verdict !== "ok") {
      ctx.addIssue({ code: "custom", message: verdict === "range" ? "validation.dateRange" : "validation.date" });
      return z.NEVER;
    }
    return v;
  });

/** A checkbox as forms send it: true, "on", "true" or "1" are ticked; anything else is not. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** A whole number typed in a form (string or number), 0..max. */
export const wholeNumber = (max: number, message = "validation.count") =>
  z.coerce.number(message).int(message).min(0, message).max(max, message);
