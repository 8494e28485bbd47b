import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { pageAlternates, publicPath } from "@/lib/features/site/paths";
import { localeFrom, type LocaleParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";
import { TrackForm } from "../_components/track-form";

// Posts back to itself (the tracking code never goes in the URL): rendered per request.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "tip.track" });
  return {
    title: t("title"),
    description: t("metaDescription"),
    robots: { index: false },
    alternates: pageAlternates(publicPath(locale, "/lapor/lacak"), { id: "/lapor/lacak", en: "/en/lapor/lacak" }),
  };
}

export default async function TrackPage({ params }: { params: LocaleParams }) {
  const locale = await localeFrom(params);
  const t = await getTranslations({ locale, namespace: "tip.track" });
  return (
    <PublicShell locale={locale} alternate={publicPath(locale === "id" ? "en" : "id", "/lapor/lacak")}>
      <div className="mx-auto max-w-2xl space-y-4 px-4 py-8">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("lead")}</p>
        <ClientMessages group="tips" locale={locale}>
          <TrackForm locale={locale} newReportHref={publicPath(locale, "/lapor")} />
        </ClientMessages>
      </div>
    </PublicShell>
  );
}
