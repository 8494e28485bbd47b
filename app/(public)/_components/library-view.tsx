import { getTranslations } from "next-intl/server";
import type { MaterialCategory } from "@/lib/generated/prisma/enums";
import { categorySlug, MATERIAL_CATEGORIES, publicPath } from "@/lib/features/site/paths";
import type { MaterialCard } from "@/lib/features/site/queries";
import type { Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/cn";
import { MaterialList } from "./material-list";

/** The library: a GET search form and category links, both working without JavaScript. */
export async function LibraryView({
  locale,
  materials,
  category,
  query,
}: {
  locale: Locale;
  materials: MaterialCard[];
  category?: MaterialCategory;
  query?: string;
}) {
  const t = await getTranslations({ locale, namespace: "public" });
  const pill = (active: boolean) =>
    cn(
      "inline-block min-h-11 rounded-full border px-4 py-3 text-sm font-medium no-underline",
      active ? "border-brand-800 bg-brand-800 text-white" : "border-slate-300 bg-white text-slate-900",
    );
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">{query !== undefined ? t("library.searchTitle") : t("library.title")}</h1>
      <p className="mt-2 text-slate-700">{t("library.lead")}</p>
      <form action={publicPath(locale, "/materi/cari")} method="get" role="search" className="mt-6 flex max-w-xl gap-2">
        <label htmlFor="q" className="sr-only">
          {t("library.searchLabel")}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={100}
          placeholder={t("library.searchLabel")}
          className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
        />
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white">
          {t("library.searchButton")}
        </button>
      </form>
      <nav aria-label={t("library.categoriesLabel")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          <li>
            <a href={publicPath(locale, "/materi")} className={pill(!category && query === undefined)} aria-current={!category && query === undefined ? "page" : undefined}>
              {t("library.allCategories")}
            </a>
          </li>
          {MATERIAL_CATEGORIES.map((c) => (
            <li key={c}>
              <a
                href={publicPath(locale, `/materi/kategori/${categorySlug(c)}`)}
                className={pill(c === category)}
                aria-current={c === category ? "page" : undefined}
              >
                {t(`categories.${c}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="mt-6" aria-live="polite">
        {query !== undefined && (
          <h2 className="mb-3 text-lg font-semibold">
            {t("library.resultsFor", { query })} · {t("library.resultCount", { count: materials.length })}
          </h2>
        )}
        <MaterialList locale={locale} materials={materials} headingLevel={query !== undefined ? 3 : 2} />
      </section>
    </div>
  );
}
