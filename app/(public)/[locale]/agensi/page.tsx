import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import { SearchForm } from "@/app/(public)/_components/search-form";
import { AGENCY_QUERY_MIN, findCurrentAgencyList, searchLicensedAgencies } from "@/lib/features/agencies/queries";
import { agencySearchSchema, searchForm } from "@/lib/features/agencies/schemas";
import { pageAlternates, publicPath } from "@/lib/features/site/paths";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";

// Per request, like the other searches: it depends on what the reader asked for.
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "agency.public" });
  return {
    title: t("title"),
    description: t("lead"),
    alternates: pageAlternates(publicPath(locale, "/agensi"), { id: "/agensi", en: "/en/agensi" }),
  };
}

/**
 * Is this placement agency (P3MI) licensed? The list the national admin loaded, searched by
 * name. Not being found is itself the answer a family needs, so it is said plainly, with whom
 * to ask before paying anything.
 */
export default async function AgencySearchPage({ params, searchParams }: { params: LocaleParams; searchParams: Search }) {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "agency.public" });
  const raw = await searchParams;
  const query = agencySearchSchema.parse({ q: Array.isArray(raw.q) ? raw.q[0] : raw.q }).q ?? "";
  const list = await findCurrentAgencyList();
  const searched = list !== null && searchForm(query).length >= AGENCY_QUERY_MIN;
  const results = searched ? await searchLicensedAgencies(query) : [];
  const other = locale === "id" ? "en" : "id";
  const alternate = publicPath(other, "/agensi") + (query ? `?q=${encodeURIComponent(query)}` : "");
  return (
    <PublicShell locale={locale} alternate={alternate}>
      <div className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-3 text-lg text-slate-700">{t("lead")}</p>
        {list === null ? (
          <p className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-lg" data-testid="agency-not-loaded">
            {t("notLoaded")}
          </p>
        ) : (
          <>
            <p className="mt-3 text-slate-700" data-testid="agency-source">
              {t("source", { source: list.source, date: formatDate(list.sourceDate, locale), count: list.rowCount })}
            </p>
            <SearchForm action={publicPath(locale, "/agensi")} name="q" label={t("searchLabel")} button={t("searchButton")} query={query} className="mt-4" />
            {query && !searched && <p className="mt-4">{t("tooShort", { min: AGENCY_QUERY_MIN })}</p>}
            {searched && results.length === 0 && (
              <div className="mt-6 rounded-lg border border-red-300 bg-red-50 p-4" role="status" data-testid="agency-not-found">
                <h2 className="text-xl font-semibold text-red-900">{t("notFoundTitle", { query })}</h2>
                <p className="mt-2 text-lg">{t("notFoundMeaning")}</p>
                <p className="mt-2 text-lg font-semibold">{t("notFoundAction")}</p>
              </div>
            )}
            {results.length > 0 && (
              <section aria-labelledby="agency-results" className="mt-6">
                <h2 id="agency-results" className="text-xl font-semibold">
                  {t("resultsTitle", { query, count: results.length })}
                </h2>
                <ul className="mt-3 space-y-3">
                  {results.map((a) => (
                    <li key={a.licenceNumber} className="rounded-lg border border-slate-200 bg-white p-4">
                      <p className="text-lg font-semibold">{a.name}</p>
                      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-slate-800">
                        <dt className="font-semibold">{t("licenceNumber")}</dt>
                        <dd className="break-words">{a.licenceNumber}</dd>
                        {a.address && (
                          <>
                            <dt className="font-semibold">{t("address")}</dt>
                            <dd className="break-words">{a.address}</dd>
                          </>
                        )}
                        {a.province && (
                          <>
                            <dt className="font-semibold">{t("province")}</dt>
                            <dd>{a.province}</dd>
                          </>
                        )}
                      </dl>
                    </li>
                  ))}
                </ul>
                <p className="mt-4 text-slate-700">{t("foundReminder")}</p>
              </section>
            )}
          </>
        )}
        <p className="mt-8">
          <a href={`${publicPath(locale, "/panduan")}#kontak`}>{t("contacts")}</a>
        </p>
      </div>
    </PublicShell>
  );
}
