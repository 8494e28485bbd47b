/** Indonesia's three zones by IANA name: the one place each name is spelled. */
export const WIB = "Asia/Jakarta";
export const WITA = "Asia/Makassar";
export const WIT = "Asia/Jayapura";

/** Indonesia's three zones, by IANA name, and the abbreviations people use. */
export const ZONE_ABBREVIATIONS: Record<string, string> = {
  [WIB]: "WIB",
  "Asia/Pontianak": "WIB",
  [WITA]: "WITA",
  [WIT]: "WIT",
};

export function zoneAbbreviation(timeZone: string): string {
  return ZONE_ABBREVIATIONS[timeZone] ?? timeZone;
}

export const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : "id-ID");

/**
 * Intl formatters take tens of microseconds to build and never change, so each kind is built
 * once per language (and zone) and reused: a dashboard formats hundreds of numbers and dates,
 * and building a formatter per value was a tenth of its server time. Pure and per process, so
 * nothing here has to agree between instances.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A date-time formatter in the reader's language, built once per language and options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(intlLocale(locale), options));
}

/** "1.234" (Indonesian) or "1,234" (English). */
export function formatNumber(value: number, locale: string): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
}

/** "Selasa, 12 September 2023 09.00 WIB": the instant in the venue's own zone, zone named. */
export function formatDateTimeInZone(instant: Date, timeZone: string, locale: string): string {
  const format = cached(
    `dtz|${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
      }),
  );
  return `${format.format(instant)} ${zoneAbbreviation(timeZone)}`;
}

/** A calendar date (stored as a DATE, read back as UTC midnight). */
export function formatDate(date: Date, locale: string): string {
  return cached(`date|${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })).format(date);
}

/** "12.00 WIB": the time of day only, in the venue's zone (for the end of a session). */
export function formatTimeInZone(instant: Date, timeZone: string, locale: string): string {
  const format = cached(`tz|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { hour: "2-digit", minute: "2-digit", timeZone }));
  return `${format.format(instant)} ${zoneAbbreviation(timeZone)}`;
}
