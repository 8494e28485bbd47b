import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { villageListQuerySchema } from "@/lib/features/open-data/schemas";
import { findPublicVillagePage, findVillageProvinces } from "@/lib/features/site/queries";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { villageListHref, VillageListView } from "@/app/(public)/_components/village-list-view";

// Per request, like the library search: it depends on what the reader asked for.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "public" });
  return { title: t("villages.searchTitle"), robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function VillageSearchPage({ params, searchParams }: { params: LocaleParams; searchParams: Search }) {
  const locale = await localeFrom(params);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // A malformed parameter (a hand-edited URL) is dropped rather than failing the page.
  const parsed = villageListQuerySchema.safeParse(raw);
  const query: Partial<NonNullable<typeof parsed.data>> = parsed.success ? parsed.data : {};
  const filter = { query: query.q || undefined, provinceCode: query.provinsi, page: query.halaman };
  const [page, provinces] = await Promise.all([findPublicVillagePage(filter), findVillageProvinces()]);
  const state = { ...page, query: filter.query, provinceCode: filter.provinceCode };
  return (
    <PublicShell locale={locale} alternate={villageListHref(locale === "id" ? "en" : "id", state)}>
      <VillageListView locale={locale} villages={page.villages} provinces={provinces} state={state} searching />
    </PublicShell>
  );
}
