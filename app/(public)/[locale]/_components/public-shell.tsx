import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { publicPath } from "@/lib/features/site/paths";
import type { Locale } from "@/lib/i18n/config";

/**
 * Header, menu and footer of every public page. Plain links only: the language switch is a
 * link to the same page in the other language, so nothing here needs JavaScript.
 */
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
  const other: Locale = locale === "id" ? "en" : "id";
  const link = "block min-h-11 px-3 py-3 text-sm font-semibold text-white no-underline hover:bg-brand-700";
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-2 px-4 pt-2">
          <Link href={publicPath(locale, "/")} className="py-2 text-lg font-bold text-white no-underline" prefetch={false}>
            {t("home.heroTitle")}
          </Link>
          <Link href={alternate ?? publicPath(other, "/")} prefetch={false} hrefLang={other} lang={other} className={link}>
            {t("nav.otherLanguage")}
          </Link>
        </div>
        <nav aria-label={t("nav.menu")} className="no-print">
          <ul className="mx-auto flex max-w-5xl flex-wrap px-2">
            <li>
              <Link href={publicPath(locale, "/materi")} className={link} prefetch={false}>
                {t("nav.materials")}
              </Link>
            </li>
            <li>
              <Link href={publicPath(locale, "/panduan")} className={link} prefetch={false}>
                {t("nav.guide")}
              </Link>
            </li>
            <li>
              <Link href={publicPath(locale, "/desa")} className={link} prefetch={false}>
                {t("nav.villages")}
              </Link>
            </li>
            <li>
              <Link href="/masuk" prefetch={false} className={link}>
                {t("nav.staffSignIn")}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
      <footer className="no-print border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">
          <p>{t("footer.about")}</p>
          <p className="mt-1">{t("footer.owner")}</p>
          <p className="mt-2">
            <Link href="/feed.xml" prefetch={false}>{t("footer.feed")}</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
