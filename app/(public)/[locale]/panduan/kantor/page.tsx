import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { publicPath } from "@/lib/features/site/paths";
import { findOfficeDirectory, libraryQuery } from "@/lib/features/site/queries";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { OfficeCard } from "@/app/(public)/_components/office-card";
import { OfficeSearchForm } from "@/app/(public)/_components/office-search-form";
import { PublicShell } from "@/app/(public)/_components/public-shell";

// Per request, like the other searches: it depends on what the reader typed.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public.guide" });
  return { title: t("officesTitle"), robots: { index: false } };
}

/** /panduan/kantor?wilayah=sragen: the offices whose work area has a regency or city of that name. */
export default async function OfficeSearchPage({ params, searchParams }: { params: LocaleParams; searchParams: Promise<{ wilayah?: string | string[] }> }) {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public.guide" });
  const raw = (await searchParams).wilayah;
  const query = libraryQuery((Array.isArray(raw) ? raw[0] : raw) ?? "");
  const offices = await findOfficeDirectory({ regency: query });
  const other = locale === "id" ? "en" : "id";
  return (
    <PublicShell locale={locale} alternate={`${publicPath(other, "/panduan/kantor")}?wilayah=${encodeURIComponent(query)}`}>
      <div className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">{query ? t("officeSearchTitle", { query }) : t("officesTitle")}</h1>
        <OfficeSearchForm locale={locale} query={query} />
        {offices.length === 0 ? (
          <p className="mt-6 text-lg" role="status">
            {t("officeSearchEmpty", { query })}
          </p>
        ) : (
          <ul className="mt-6 space-y-3">
            {offices.map((o) => (
              <li key={o.slug}>
                <OfficeCard locale={locale} office={o} headingLevel={2} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-8">
          <a href={`${publicPath(locale, "/panduan")}#kantor`}>{t("officeSearchAll")}</a>
        </p>
      </div>
    </PublicShell>
  );
}
