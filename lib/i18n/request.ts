import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/catalogue";
import { defaultLocale, isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

// No locale in the URL: Indonesian by default, English when the reader chose it (cookie).
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  return {
    locale,
    timeZone: "Asia/Jakarta",
    messages: await loadMessages(locale),
  };
});
