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
  // One short class (app/globals.css): it is repeated on every link of every page, twice (HTML and RSC).
  const link = "site-link";
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-2 px-4 pt-2">
          <a href={publicPath(locale, "/")} className="py-2 text-lg font-bold text-white no-underline">
            {t("home.heroTitle")}
          </a>
          <a href={alternate ?? publicPath(other, "/")} hrefLang={other} lang={other} className={link}>
            {t("nav.otherLanguage")}
          </a>
        </div>
        <nav aria-label={t("nav.menu")} className="no-print">
          <ul className="mx-auto flex max-w-5xl flex-wrap px-2">
            <li>
              <a href={publicPath(locale, "/materi")} className={link}>
                {t("nav.materials")}
              </a>
            </li>
            <li>
              <a href={publicPath(locale, "/panduan")} className={link}>
                {t("nav.guide")}
              </a>
            </li>
            <li>
              <a href={publicPath(locale, "/desa")} className={link}>
                {t("nav.villages")}
              </a>
            </li>
            <li>
              <a href="/masuk" className={link}>
                {t("nav.staffSignIn")}
              </a>
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
            <a href="/feed.xml">{t("footer.feed")}</a>
          </p>
        </div>
      </footer>
    </div>
  );
}
