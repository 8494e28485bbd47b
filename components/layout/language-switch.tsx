import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/i18n/actions";

/** A form, not a script: switching language works on any phone, with or without JavaScript. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("app");
  const other = locale === "id" ? "en" : "id";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        className="min-h-11 rounded-md px-3 text-sm font-medium text-current underline-offset-2 hover:underline"
      >
        {t("switchLanguage")}
      </button>
    </form>
  );
}
