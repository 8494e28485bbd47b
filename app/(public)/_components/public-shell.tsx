import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { SiteFrame } from "@/app/(public)/_components/site-frame";

/** Header, menu and footer of every public page of the App Router (site-frame.tsx). */
export async function PublicShell({
  locale,
  alternate,
  children,
}: {
  locale: Locale;
  /** The same page in the other language, when it exists. */
  alternate?: string;
  children: React.ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: "public" });
  const tip = await getTranslations({ locale, namespace: "tip.nav" });
  return (
    <SiteFrame locale={locale} alternate={alternate} t={t} tip={tip}>
      {children}
    </SiteFrame>
  );
}
