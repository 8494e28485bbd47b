import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Document } from "@/components/layout/document";

export async function cookieLocaleMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("shortName")}` },
    description: t("footer"),
    applicationName: t("name"),
    robots: { index: false },
  };
}

/** Root shell of the signed-in and sign-in pages: the reader's language from the cookie. */
export async function CookieLocaleDocument({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <Document locale={locale} skipLabel={t("skipToContent")}>
      <ClientMessages group="shell">{children}</ClientMessages>
    </Document>
  );
}
