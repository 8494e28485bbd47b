import { WIB } from "@/lib/dates";

/**
 * Reporting periods. Every period is a calendar range in WIB (Asia/Jakarta, UTC+7, no daylight
 * saving) for every office, so that an office's monthly figures add up exactly to its Kanwil's
 * and the nation's (ADR 0008). A session belongs to the period in which it starts.
 */
export const REPORT_TIME_ZONE = WIB;
const OFFSET_MS = 7 * 60 * 60 * 1000;

export type PeriodKind = "month" | "quarter" | "year" | "custom";

/** `from` inclusive, `to` exclusive, both instants; `lastDay` is the last calendar day (WIB). */
export type Period = { kind: PeriodKind; from: Date; to: Date; year: number; month?: number; quarter?: number };

/** WIB midnight at the start of a calendar day (month is 1-12; overflow rolls over). */
export function wibStartOfDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - OFFSET_MS);
}

/** The calendar day (WIB) of an instant. */
export function wibDay(instant: Date): { year: number; month: number; day: number } {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function monthPeriod(year: number, month: number): Period {
  return { kind: "month", year, month, from: wibStartOfDay(year, month, 1), to: wibStartOfDay(year, month + 1, 1) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return { kind: "quarter", year, quarter, from: wibStartOfDay(year, first, 1), to: wibStartOfDay(year, first + 3, 1) };
}

export function yearPeriod(year: number): Period {
  return { kind: "year", year, from: wibStartOfDay(year, 1, 1), to: wibStartOfDay(year + 1, 1, 1) };
}

/** From the first to the last calendar day, both included ("YYYY-MM-DD"). */
export function customPeriod(firstDay: string, lastDay: string): Period {
  const [fy = 0, fm = 1, fd = 1] = firstDay.split("-").map(Number);
  const [ly = 0, lm = 1, ld = 1] = lastDay.split("-").map(Number);
  return { kind: "custom", year: fy, from: wibStartOfDay(fy, fm, fd), to: wibStartOfDay(ly, lm, ld + 1) };
}

/** "YYYY-MM-DD" of the last day of a period (WIB). */
export function lastDayOf(period: Period): string {
  return isoDay(new Date(period.to.getTime() - 1));
}

export function isoDay(instant: Date): string {
  const { year, month, day } = wibDay(instant);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The months a trend chart shows for a period: the period's own months, or at least the twelve
 * months up to its end, so a single month still shows where it stands in its year.
 */
export function trendMonths(period: Period): { year: number; month: number; from: Date }[] {
  const end = wibDay(new Date(period.to.getTime() - 1));
  const start = wibDay(period.from);
  let count = (end.year - start.year) * 12 + (end.month - start.month) + 1;
  count = Math.min(Math.max(count, 12), 60);
  const months = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(end.year, end.month - 1 - i, 1));
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    months.push({ year, month, from: wibStartOfDay(year, month, 1) });
  }
  return months;
}
