import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import type { MaterialCard } from "@/lib/features/site/queries";
import { materialPath } from "@/lib/features/site/paths";
import type { Locale } from "@/lib/i18n/config";

export async function MaterialList({
  locale,
  materials,
  headingLevel = 3,
}: {
  locale: Locale;
  materials: MaterialCard[];
  /** The cards' titles sit one level below the heading of the list they are in. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = await getTranslations({ locale, namespace: "public" });
  if (materials.length === 0) return <p className="text-slate-700">{t("library.empty")}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {materials.map((m) => (
        <li key={m.slug} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm font-medium text-brand-700">{t(`categories.${m.category}`)}</p>
          <Heading className="mt-1 text-lg font-semibold">
            <a href={materialPath(m.language, m.slug)}>
              {m.title}
            </a>
          </Heading>
          {m.summary && <p className="mt-1 text-slate-700">{m.summary}</p>}
          <p className="mt-2 text-sm text-slate-600">
            {t("library.byOffice", { office: m.office?.name ?? t("library.national") })}
            {m.publishedAt && <> · {formatDate(m.publishedAt, locale)}</>}
          </p>
        </li>
      ))}
    </ul>
  );
}
