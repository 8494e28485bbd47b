import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageAlternates, publicPath } from "@/lib/features/site/paths";
import { findPublicVillagePage, findVillageProvinces } from "@/lib/features/site/queries";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { VillageListView } from "@/app/(public)/_components/village-list-view";

export const revalidate = 300;

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public" });
  return {
    title: t("villages.title"),
    description: t("meta.villagesDescription"),
    alternates: pageAlternates(publicPath(locale, "/desa"), { id: "/desa", en: "/en/desa" }),
  };
}

/** The first page of the list, cached (ADR 0008); searches, filters and further pages are /desa/cari. */
export default async function VillagesPage({ params }: { params: LocaleParams }) {
  const locale = await localeFrom(params);
  const [page, provinces] = await Promise.all([findPublicVillagePage({}), findVillageProvinces()]);
  return (
    <PublicShell locale={locale} alternate={publicPath(locale === "id" ? "en" : "id", "/desa")}>
      <VillageListView locale={locale} villages={page.villages} provinces={provinces} state={page} searching={false} />
    </PublicShell>
  );
}
