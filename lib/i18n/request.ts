import { WIB } from "@/lib/dates";
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/catalogue";
import { defaultLocale, isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

/**
 * Public pages pass their locale explicitly (from the URL: /en/... or none), so they read no
 * cookie and stay static (docs/decisions/0008). Signed-in and sign-in pages use the cookie.
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  let locale = isLocale(explicit) ? explicit : undefined;
  if (!locale) {
    const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  }
  return {
    locale,
    timeZone: WIB,
    messages: await loadMessages(locale),
  };
});
