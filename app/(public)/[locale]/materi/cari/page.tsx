import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { languageOf, publicPath } from "@/lib/features/site/paths";
import { findPublishedMaterials, libraryQuery } from "@/lib/features/site/queries";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { LibraryView } from "@/app/(public)/_components/library-view";
import { PublicShell } from "@/app/(public)/_components/public-shell";

// The one public page rendered per request: a search depends on what the reader typed.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public" });
  return { title: t("library.searchTitle"), robots: { index: false } };
}

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: LocaleParams;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const locale = await localeFrom(params);
  const raw = (await searchParams).q;
  const query = libraryQuery((Array.isArray(raw) ? raw[0] : raw) ?? "");
  const materials = await findPublishedMaterials({ language: languageOf(locale), query });
  return (
    <PublicShell locale={locale} alternate={`${publicPath(locale === "id" ? "en" : "id", "/materi/cari")}?q=${encodeURIComponent(query)}`}>
      <LibraryView locale={locale} materials={materials} query={query} />
    </PublicShell>
  );
}
