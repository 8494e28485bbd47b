import { formatNumber } from "@/lib/dates";

/** A percent (or a gain in points) with one decimal, a sign for gains, or a dash when there is none. */
export function formatPercent(value: number | null, locale: string, signed = false): string {
  if (value === null) return "–";
  const text = formatNumber(Math.round(value * 10) / 10, locale);
  return `${signed && value > 0 ? "+" : ""}${text}%`;
}
