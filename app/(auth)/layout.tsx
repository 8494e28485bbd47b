import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CookieLocaleDocument, cookieLocaleMetadata } from "@/components/layout/cookie-locale-document";
import { documentViewport } from "@/components/layout/document";
import { LanguageSwitch } from "@/components/layout/language-switch";

export const generateMetadata = cookieLocaleMetadata;
export const viewport = documentViewport;

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <CookieLocaleDocument>
      <div className="flex min-h-dvh flex-col">
        <header className="bg-brand-800 text-white print:hidden">
          <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-2">
            <Link href="/" className="py-2 text-lg font-bold text-white no-underline">
              {t("shortName")}
            </Link>
            <LanguageSwitch />
          </div>
        </header>
        <main id="main" className="flex flex-1 items-start justify-center px-4 py-10">
          {children}
        </main>
      </div>
    </CookieLocaleDocument>
  );
}
