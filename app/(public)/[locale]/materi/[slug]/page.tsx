import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import { markdownToText, renderMarkdown } from "@/lib/features/materials/markdown";
import { filePath, languageOf, materialPath, pageAlternates, publicPath, siteUrl } from "@/lib/features/site/paths";
import { findPublishedMaterial } from "@/lib/features/site/queries";
import { localeFrom, noBuildTimeParams } from "@/app/(public)/_components/locale";
import { PublicShell } from "@/app/(public)/_components/public-shell";

export const revalidate = 300;
export const generateStaticParams = noBuildTimeParams;

type Params = Promise<{ locale?: string; slug: string }>;

async function load(params: Params) {
  const locale = await localeFrom(params);
  const material = await findPublishedMaterial((await params).slug);
  if (!material) notFound();
  // A slug is unique across languages: an English text asked for without /en moves to its URL.
  if (languageOf(locale) !== material.language) permanentRedirect(materialPath(material.language, material.slug));
  return { locale, material };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { material } = await load(params);
  const path = materialPath(material.language, material.slug);
  const description = material.summary ?? markdownToText(material.body, 160);
  // hreflang pairs only when there is a translation: a page naming only itself says nothing.
  const languages = material.translations.length
    ? Object.fromEntries(
        [material, ...material.translations].map((m) => [m.language === "EN" ? "en" : "id", materialPath(m.language, m.slug)]),
      )
    : undefined;
  return {
    title: material.title,
    description,
    alternates: pageAlternates(path, languages),
    openGraph: {
      type: "article",
      title: material.title,
      description,
      url: siteUrl(path),
      locale: material.language === "EN" ? "en_GB" : "id_ID",
      publishedTime: material.publishedAt?.toISOString(),
      images: material.coverFile ? [{ url: siteUrl(filePath(material.coverFile.id)) }] : undefined,
    },
  };
}

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;
/** 95 000 ms -> "1:35". */
const minutesSeconds = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

export default async function MaterialPage({ params }: { params: Params }) {
  const { locale, material } = await load(params);
  const t = await getTranslations({ locale, namespace: "public" });
  const url = siteUrl(materialPath(material.language, material.slug));
  const translation = material.translations[0];
  const html = renderMarkdown(material.body);
  return (
    <PublicShell
      locale={locale}
      alternate={translation ? materialPath(translation.language, translation.slug) : undefined}
    >
      {/* Styled by element under .material (app/globals.css): see PublicShell. */}
      <article className="material">
        <p className="kicker">
          <a href={publicPath(locale, "/materi")}>{t(`categories.${material.category}`)}</a>
        </p>
        <h1>{material.title}</h1>
        {material.summary && <p className="lead">{material.summary}</p>}
        <p className="note">
          {t("library.byOffice", { office: material.office?.name ?? t("library.national") })}
          {material.publishedAt && <> · {t("material.published", { date: formatDate(material.publishedAt, locale) })}</>}
        </p>
        {material.coverFile && (
          // A plain <img>: covers are stored resized, and next/image would add client JavaScript.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={filePath(material.coverFile.id)}
            alt=""
            width={material.coverFile.width ?? undefined}
            height={material.coverFile.height ?? undefined}
            loading="lazy"
          />
        )}
        {material.audioFile && (
          // A native player that loads nothing until pressed (preload="none"): on a weak signal the
          // page costs no more for having a recording. The text stays the main thing (issue 18).
          <section aria-labelledby="listen" className="audio">
            <h2 id="listen">{t("material.listen")}</h2>
            <audio controls preload="none" aria-describedby="listen-info">
              <source src={filePath(material.audioFile.id)} type={material.audioFile.mimeType} />
              {t("material.audioUnsupported")}
            </audio>
            <p id="listen-info">
              {t("material.audioInfo", { duration: minutesSeconds(material.audioFile.durationMs ?? 0), size: kilobytes(material.audioFile.byteSize) })}
            </p>
          </section>
        )}
        <div className="prose-material" dangerouslySetInnerHTML={{ __html: html }} />
        {material.attachments.length > 0 && (
          <section aria-labelledby="attachments">
            <h2 id="attachments">{t("material.attachments")}</h2>
            <ul>
              {material.attachments.map((a) => (
                <li key={a.file.id}>
                  <a href={filePath(a.file.id)} type="application/pdf">
                    {t("material.download", { title: a.title, size: kilobytes(a.file.byteSize) })}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {translation && (
          <p className="mt-8">
            {t("material.translations")}:{" "}
            <a href={materialPath(translation.language, translation.slug)} hrefLang={translation.language === "EN" ? "en" : "id"} lang={translation.language === "EN" ? "en" : "id"}>
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
    </PublicShell>
  );
}
