import { getTranslations } from "next-intl/server";
import { publicPath, villagePath } from "@/lib/features/site/paths";
import type { PublicVillage } from "@/lib/features/site/queries";
import type { Locale } from "@/lib/i18n/config";

export type VillageListState = { query?: string; provinceCode?: string; page: number; pageCount: number; total: number };

/** The list's URL for a search, a province and a page (the first, unfiltered page is /desa itself). */
export function villageListHref(locale: Locale, state: { query?: string; provinceCode?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  if (state.provinceCode) params.set("provinsi", state.provinceCode);
  if (state.page && state.page > 1) params.set("halaman", String(state.page));
  const search = params.toString();
  return search ? `${publicPath(locale, "/desa/cari")}?${search}` : publicPath(locale, "/desa");
}

/**
 * The public village list (issue 18): a GET form (name or code, province) and plain page links,
 * so it works without JavaScript. /desa (cached) shows the first page; /desa/cari every other.
 */
export async function VillageListView({
  locale,
  villages,
  provinces,
  state,
  searching,
}: {
  locale: Locale;
  villages: PublicVillage[];
  provinces: { code: string; name: string }[];
  state: VillageListState;
  searching: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "public" });
  const field = "min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base";
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">{searching ? t("villages.searchTitle") : t("villages.title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("villages.lead")}</p>
      <form action={publicPath(locale, "/desa/cari")} method="get" role="search" className="mt-6 flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 grow flex-col">
          <label htmlFor="q" className="text-sm font-semibold">
            {t("villages.searchLabel")}
          </label>
          <input id="q" name="q" type="search" defaultValue={state.query} maxLength={100} className={field} />
        </div>
        <div className="flex flex-col">
          <label htmlFor="provinsi" className="text-sm font-semibold">
            {t("villages.provinceLabel")}
          </label>
          <select id="provinsi" name="provinsi" defaultValue={state.provinceCode ?? ""} className={field}>
            <option value="">{t("villages.allProvinces")}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white">
          {t("villages.searchButton")}
        </button>
      </form>
      <p className="mt-4 font-semibold" aria-live="polite">
        {t("villages.resultCount", { count: state.total })}
      </p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {villages.map((v) => (
          <li key={v.code} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-semibold">
              <a href={villagePath(locale, v.code)}>{v.name}</a>
            </h2>
            <p className="text-slate-700">
              {v.district}, {v.regency}, {v.province}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              {t("villages.stage")}: <strong>{t(`stages.${v.stage}`)}</strong> · {v.officeName}
            </p>
            <p className="text-sm text-slate-700">
              {t("villages.sessionsHeld")}: {v.sessionsHeld} · {t("villages.peopleReached")}: {v.peopleReached}
            </p>
          </li>
        ))}
      </ul>
      {state.pageCount > 1 && (
        <nav aria-label={t("villages.pages")} className="mt-6 flex flex-wrap items-center justify-between gap-2">
          {state.page > 1 ? (
            <a href={villageListHref(locale, { ...state, page: state.page - 1 })} rel="prev" className="inline-block min-h-11 py-3">
              {t("villages.previous")}
            </a>
          ) : (
            <span />
          )}
          <span className="text-sm">{t("villages.pageOf", { page: state.page, pageCount: state.pageCount })}</span>
          {state.page < state.pageCount ? (
            <a href={villageListHref(locale, { ...state, page: state.page + 1 })} rel="next" className="inline-block min-h-11 py-3">
              {t("villages.next")}
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
