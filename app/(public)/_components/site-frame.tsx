import type { createTranslator, Messages, NamespaceKeys, NestedKeyOf } from "next-intl";
import { publicPath } from "@/lib/features/site/paths";
import type { Locale } from "@/lib/i18n/config";

/** next-intl's typed `t` for one namespace, however it was made (getTranslations or createTranslator). */
export type Translate<NS extends NamespaceKeys<Messages, NestedKeyOf<Messages>>> = ReturnType<typeof createTranslator<Messages, NS>>;

/**
 * Header, menu and footer of every public page. Plain links only: the language switch is a
 * link to the same page in the other language, so nothing here needs JavaScript.
 *
 * Synchronous and given its translators, so that both the App Router's pages (through
 * PublicShell) and the material pages rendered by the Pages Router (docs/decisions/0032) use it.
 *
 * Styled by element under `.site` (app/globals.css), without a class per element: every App
 * Router page carries this markup twice, as HTML and in the RSC payload (docs/decisions/0008).
 * Header and footer are left out of print by the print rules there.
 */
export function SiteFrame({
  locale,
  alternate,
  t,
  tip,
  children,
}: {
  locale: Locale;
  /** The same page in the other language, when it exists. */
  alternate?: string;
  t: Translate<"public">;
  tip: Translate<"tip.nav">;
  children: React.ReactNode;
}) {
  const other: Locale = locale === "id" ? "en" : "id";
  return (
    <div className="site">
      <header>
        <div>
          <a href={publicPath(locale, "/")}>{t("home.heroTitle")}</a>
          <a href={alternate ?? publicPath(other, "/")} hrefLang={other} lang={other}>
            {t("nav.otherLanguage")}
          </a>
        </div>
        <nav aria-label={t("nav.menu")}>
          <ul>
            <li>
              <a href={publicPath(locale, "/materi")}>{t("nav.materials")}</a>
            </li>
            <li>
              <a href={publicPath(locale, "/panduan")}>{t("nav.guide")}</a>
            </li>
            <li>
              <a href={publicPath(locale, "/perjalanan")}>{t("nav.journey")}</a>
            </li>
            <li>
              <a href={publicPath(locale, "/agensi")}>{t("nav.agencies")}</a>
            </li>
            <li>
              <a href={publicPath(locale, "/desa")}>{t("nav.villages")}</a>
            </li>
            <li>
              <a href={publicPath(locale, "/lapor")}>{tip("report")}</a>
            </li>
            <li>
              <a href="/masuk">{t("nav.staffSignIn")}</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main">{children}</main>
      <footer>
        <p>{t("footer.about")}</p>
        <p>{t("footer.owner")}</p>
        <p>
          <a href="/feed.xml">{t("footer.feed")}</a>
        </p>
      </footer>
    </div>
  );
}
