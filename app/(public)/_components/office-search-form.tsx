import { getTranslations } from "next-intl/server";
import { publicPath } from "@/lib/features/site/paths";
import type { Locale } from "@/lib/i18n/config";
import { SearchForm } from "./search-form";

/** Find the office that serves a regency or city: a GET form to /panduan/kantor, no JavaScript. */
export async function OfficeSearchForm({ locale, query }: { locale: Locale; query?: string }) {
  const t = await getTranslations({ locale, namespace: "public.guide" });
  return <SearchForm action={publicPath(locale, "/panduan/kantor")} name="wilayah" label={t("officeSearchLabel")} button={t("officeSearchButton")} query={query} />;
}
