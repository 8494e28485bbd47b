/** Indonesia's three zones, by IANA name, and the abbreviations people use. */
export const ZONE_ABBREVIATIONS: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

export function zoneAbbreviation(timeZone: string): string {
  return ZONE_ABBREVIATIONS[timeZone] ?? timeZone;
}

const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : "id-ID");

/** "Selasa, 12 September 2023 09.00 WIB": the instant in the venue's own zone, zone named. */
export function formatDateTimeInZone(instant: Date, timeZone: string, locale: string): string {
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(instant);
  return `${text} ${zoneAbbreviation(timeZone)}`;
}

/** A calendar date (stored as a DATE, read back as UTC midnight). */
export function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** "12.00 WIB": the time of day only, in the venue's zone (for the end of a session). */
export function formatTimeInZone(instant: Date, timeZone: string, locale: string): string {
  const text = new Intl.DateTimeFormat(intlLocale(locale), { hour: "2-digit", minute: "2-digit", timeZone }).format(instant);
  return `${text} ${zoneAbbreviation(timeZone)}`;
}
