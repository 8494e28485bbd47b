import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <Link href="/" className="py-2 text-lg font-bold text-white no-underline">
            {t("app.shortName")}
          </Link>
          <nav aria-label={t("nav.mainMenu")} className="flex items-center gap-1">
            <LanguageSwitch />
            <Link href="/masuk" className="min-h-11 rounded-md px-3 py-3 text-sm font-semibold text-white">
              {t("nav.signIn")}
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">
          <p>{t("app.footer")}</p>
          <p className="mt-1">{t("app.owner")}</p>
        </div>
      </footer>
    </div>
  );
}
