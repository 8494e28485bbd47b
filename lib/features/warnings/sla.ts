/**
 * SLA arithmetic of early-warning reports (ADR 0018), pure so that tests drive it with any clock.
 * The target is a duration from filing (hours are hours in every time zone); the month a report
 * counts in is the month of filing on the wall clock of its province (WIB, WITA or WIT).
 */
export type SlaPolicy = { hours: number; urgentHours: number; warnPercent: number };
export type SlaTimes = { slaHours: number; warnAt: Date; dueAt: Date };

const HOUR = 3_600_000;

export function slaTimes(filedAt: Date, urgent: boolean, policy: SlaPolicy): SlaTimes {
  const slaHours = urgent ? policy.urgentHours : policy.hours;
  const total = slaHours * HOUR;
  return {
    slaHours,
    warnAt: new Date(filedAt.getTime() + Math.round((total * policy.warnPercent) / 100)),
    dueAt: new Date(filedAt.getTime() + total),
  };
}

/**
 * Where a report stands against its first-response target at `now`:
 * - waiting: no response yet, before the warning time;
 * - warning: no response yet, past the warning time (18 h of 24);
 * - overdue: no response yet, past the due time (red flag);
 * - met / late: answered within / after the target.
 */
export type SlaState = "waiting" | "warning" | "overdue" | "met" | "late";

export function slaState(report: { warnAt: Date; dueAt: Date; firstResponseAt: Date | null }, now: Date): SlaState {
  if (report.firstResponseAt) return report.firstResponseAt.getTime() <= report.dueAt.getTime() ? "met" : "late";
  if (now.getTime() >= report.dueAt.getTime()) return "overdue";
  if (now.getTime() >= report.warnAt.getTime()) return "warning";
  return "waiting";
}

/** The first day of the month of `instant` on the wall clock of `timeZone`, as a UTC date (for a DATE column). */
export function monthOf(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(instant);
  const year = Number(parts.find((p) => p.type === "year")!.value);
  const month = Number(parts.find((p) => p.type === "month")!.value);
  return new Date(Date.UTC(year, month - 1, 1));
}

/** Whole minutes from filing to `until` (for "answered after 3 h 20 min" and the scores). */
export function minutesBetween(from: Date, until: Date): number {
  return Math.max(0, Math.round((until.getTime() - from.getTime()) / 60_000));
}

/**
 * Today on the latest wall clock in Indonesia (WIT, UTC+9), "2026-12-03": the most lenient
 * "today" for a date of an event, so that nobody in any zone is told their today is the future.
 */
export function latestIndonesianToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
