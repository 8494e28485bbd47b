import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { categoryFeedPath, categoryFromSlug, categorySlug, languageOf, pageAlternates, publicPath } from "@/lib/features/site/paths";
import { findPublishedMaterials } from "@/lib/features/site/queries";
import { localeFrom, noBuildTimeParams } from "@/app/(public)/_components/locale";
import { LibraryView } from "@/app/(public)/_components/library-view";
import { PublicShell } from "@/app/(public)/_components/public-shell";

export const revalidate = 300;
export const generateStaticParams = noBuildTimeParams;

type Params = Promise<{ locale?: string; category: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const category = categoryFromSlug((await params).category);
  if (!category) notFound();
  const t = await getTranslations({ locale, namespace: "public" });
  const path = publicPath(locale, `/materi/kategori/${categorySlug(category)}`);
  return {
    title: `${t(`categories.${category}`)} · ${t("library.title")}`,
    description: t("meta.libraryDescription"),
    alternates: pageAlternates(path, undefined, categoryFeedPath(category)),
  };
}

export default async function CategoryPage({ params }: { params: Params }) {
  const locale = await localeFrom(params);
  const slug = (await params).category;
  const category = categoryFromSlug(slug);
  if (!category) notFound();
  const materials = await findPublishedMaterials({ language: languageOf(locale), category });
  return (
    <PublicShell locale={locale} alternate={publicPath(locale === "id" ? "en" : "id", `/materi/kategori/${slug}`)}>
      <LibraryView locale={locale} materials={materials} category={category} />
    </PublicShell>
  );
}
