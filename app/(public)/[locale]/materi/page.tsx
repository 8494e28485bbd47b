import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { languageOf, pageAlternates, publicPath } from "@/lib/features/site/paths";
import { findPublishedMaterials } from "@/lib/features/site/queries";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { LibraryView } from "@/app/(public)/_components/library-view";
import { PublicShell } from "@/app/(public)/_components/public-shell";

export const revalidate = 300;

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public" });
  return {
    title: t("library.title"),
    description: t("meta.libraryDescription"),
    alternates: pageAlternates(publicPath(locale, "/materi"), { id: "/materi", en: "/en/materi" }),
  };
}

export default async function LibraryPage({ params }: { params: LocaleParams }) {
  const locale = await localeFrom(params);
  const materials = await findPublishedMaterials({ language: languageOf(locale) });
  return (
    <PublicShell locale={locale} alternate={publicPath(locale === "id" ? "en" : "id", "/materi")}>
      <LibraryView locale={locale} materials={materials} />
    </PublicShell>
  );
}
