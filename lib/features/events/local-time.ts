import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * "2026-12-01T09:00" read as wall-clock time in `timeZone` -> the instant. A time that does not
 * exist there cannot occur in Indonesia (no daylight saving), so no gap handling is needed.
 */
export function parseLocalDateTime(value: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new Error(`Expected YYYY-MM-DDTHH:mm, got ${value}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, 0, timeZone).getTime());
}

/** The instant as a `datetime-local` value in `timeZone` (for editing forms). */
export function toLocalInput(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** The calendar day of the instant in `timeZone`, as Prisma writes @db.Date (UTC midnight). */
export function localDay(instant: Date, timeZone: string): Date {
  return new Date(`${format(new TZDate(instant, timeZone), "yyyy-MM-dd")}T00:00:00Z`);
}

/** "HH:mm" of the instant in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "HH:mm");
}
