import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Document, documentViewport } from "@/components/layout/document";
import { FEED_ALTERNATE, siteUrl } from "@/lib/features/site/paths";
import { isLocale } from "@/lib/i18n/config";
import { noBuildTimeParams, type LocaleParams } from "@/app/(public)/_components/locale";

export const generateStaticParams = noBuildTimeParams;
export const viewport = documentViewport;

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "id";
  const t = await getTranslations({ locale, namespace: "app" });
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: t("name"), template: `%s · ${t("shortName")}` },
    description: t("footer"),
    applicationName: t("name"),
    alternates: { types: FEED_ALTERNATE },
  };
}

/** Root layout of the public site: the locale comes from the URL, never a cookie, so it caches. */
export default async function PublicRootLayout({ children, params }: { children: React.ReactNode; params: LocaleParams }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "id";
  const t = await getTranslations({ locale, namespace: "app" });
  return (
    <Document locale={locale} skipLabel={t("skipToContent")}>
      {children}
    </Document>
  );
}
