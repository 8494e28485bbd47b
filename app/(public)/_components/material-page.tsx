import Head from "next/head";
import { createTranslator } from "next-intl";
import { formatDate } from "@/lib/dates";
import { FEED_ALTERNATE, publicPath, siteUrl } from "@/lib/features/site/paths";
import type { MaterialPageProps } from "@/app/(public)/_components/material-props";
import { SiteFrame } from "@/app/(public)/_components/site-frame";

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;
/** 95 000 ms -> "1:35". */
const minutesSeconds = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * A published material, rendered by the Pages Router with no JavaScript for the browser at all
 * (pages/materi/[slug].tsx, docs/decisions/0032): text, plain links and a native audio player,
 * which is what a reader on a cheap phone and a weak signal needs. Its <head> says what the App
 * Router's metadata said for it before (title, description, canonical, languages, feed, Open Graph).
 */
export function MaterialPage({ locale, material, messages }: MaterialPageProps) {
  const t = createTranslator({ locale, messages, namespace: "public" });
  const tip = createTranslator({ locale, messages, namespace: "tip.nav" });
  const app = createTranslator({ locale, messages, namespace: "app" });
  const { translation } = material;
  const url = siteUrl(material.path);
  const feed = siteUrl(FEED_ALTERNATE["application/atom+xml"]);
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" key="viewport" />
        <meta name="theme-color" content="#17467f" />
        <title>{`${material.title} · ${app("shortName")}`}</title>
        <meta name="description" content={material.description} />
        <meta name="application-name" content={app("name")} />
        <link rel="canonical" href={url} />
        {/* hreflang pairs only when there is a translation: a page naming only itself says nothing. */}
        {translation && <link rel="alternate" hrefLang={locale} href={url} />}
        {translation && <link rel="alternate" hrefLang={translation.locale} href={siteUrl(translation.path)} />}
        <link rel="alternate" type="application/atom+xml" href={feed} />
        <meta property="og:title" content={material.title} />
        <meta property="og:description" content={material.description} />
        <meta property="og:url" content={url} />
        <meta property="og:locale" content={material.ogLocale} />
        <meta property="og:type" content="article" />
        {material.publishedAt && <meta property="article:published_time" content={material.publishedAt} />}
        {material.cover && <meta property="og:image" content={siteUrl(material.cover.src)} />}
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content={material.title} />
        <meta name="twitter:description" content={material.description} />
        <link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml" />
      </Head>
      <a href="#main" className="skip-link">
        {app("skipToContent")}
      </a>
      <SiteFrame locale={locale} alternate={translation?.path} t={t} tip={tip}>
        {/* Styled by element under .material (app/globals.css). */}
        <article className="material">
          <p className="kicker">
            <a href={publicPath(locale, "/materi")}>{t(`categories.${material.category}`)}</a>
          </p>
          <h1>{material.title}</h1>
          {material.summary && <p className="lead">{material.summary}</p>}
          <p className="note">
            {t("library.byOffice", { office: material.officeName ?? t("library.national") })}
            {material.publishedAt && <> · {t("material.published", { date: formatDate(new Date(material.publishedAt), locale) })}</>}
          </p>
          {material.cover && (
            // A plain <img>: covers are stored resized, and next/image would add client JavaScript.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={material.cover.src} alt="" width={material.cover.width ?? undefined} height={material.cover.height ?? undefined} loading="lazy" />
          )}
          {material.audio && (
            // A native player that loads nothing until pressed (preload="none"): on a weak signal the
            // page costs no more for having a recording. The text stays the main thing (issue 18).
            <section aria-labelledby="listen" className="audio">
              <h2 id="listen">{t("material.listen")}</h2>
              <audio controls preload="none" aria-describedby="listen-info">
                <source src={material.audio.src} type={material.audio.mimeType} />
                {t("material.audioUnsupported")}
              </audio>
              <p id="listen-info">
                {t("material.audioInfo", { duration: minutesSeconds(material.audio.durationMs), size: kilobytes(material.audio.byteSize) })}
              </p>
            </section>
          )}
          <div className="prose-material" dangerouslySetInnerHTML={{ __html: material.html }} />
          {material.attachments.length > 0 && (
            <section aria-labelledby="attachments">
              <h2 id="attachments">{t("material.attachments")}</h2>
              <ul>
                {material.attachments.map((a) => (
                  <li key={a.href}>
                    <a href={a.href} type="application/pdf">
                      {t("material.download", { title: a.title, size: kilobytes(a.byteSize) })}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {translation && (
            <p className="translation">
              {t("material.translations")}:{" "}
              <a href={translation.path} hrefLang={translation.locale} lang={translation.locale}>
                {translation.title}
              </a>
            </p>
          )}
          <section aria-labelledby="share" className="share no-print">
            <h2 id="share">{t("material.share")}</h2>
            <p>
              <a href={`https://wa.me/?text=${encodeURIComponent(`${material.title} ${url}`)}`} className="whatsapp" rel="noopener">
                {t("material.shareWhatsApp")}
              </a>
            </p>
            <p className="note">{t("material.print")}</p>
            <p>
              <a href={publicPath(locale, "/materi")}>{t("material.backToLibrary")}</a>
            </p>
          </section>
        </article>
      </SiteFrame>
    </>
  );
}
