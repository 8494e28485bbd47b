import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import { markdownToText, renderMarkdown } from "@/lib/features/materials/markdown";
import { filePath, languageOf, materialPath, publicPath, siteUrl } from "@/lib/features/site/paths";
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
  const languages = Object.fromEntries(
    [material, ...material.translations].map((m) => [m.language === "EN" ? "en" : "id", materialPath(m.language, m.slug)]),
  );
  return {
    title: material.title,
    description,
    alternates: { canonical: path, languages },
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
      <article className="mx-auto max-w-3xl px-4 py-8">
        <p className="text-sm font-medium text-brand-700">
          <a href={publicPath(locale, "/materi")}>
            {t(`categories.${material.category}`)}
          </a>
        </p>
        <h1 className="mt-1 text-3xl font-bold">{material.title}</h1>
        {material.summary && <p className="mt-3 text-lg text-slate-700">{material.summary}</p>}
        <p className="mt-2 text-sm text-slate-600">
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
            className="mt-6 h-auto w-full rounded-lg"
            loading="lazy"
          />
        )}
        <div className="prose-material mt-6" dangerouslySetInnerHTML={{ __html: html }} />
        {material.attachments.length > 0 && (
          <section aria-labelledby="attachments" className="mt-8">
            <h2 id="attachments" className="text-xl font-semibold">
              {t("material.attachments")}
            </h2>
            <ul className="mt-2 list-disc pl-6">
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
        <section aria-labelledby="share" className="no-print mt-8 border-t border-slate-200 pt-4">
          <h2 id="share" className="text-lg font-semibold">
            {t("material.share")}
          </h2>
          <p className="mt-2">
            <a
              href={`https://wa.me/?text=${encodeURIComponent(`${material.title} ${url}`)}`}
              className="inline-block min-h-11 rounded-md bg-green-800 px-4 py-3 font-semibold text-white no-underline"
              rel="noopener"
            >
              {t("material.shareWhatsApp")}
            </a>
          </p>
          <p className="mt-2 text-sm text-slate-600">{t("material.print")}</p>
          <p className="mt-4">
            <a href={publicPath(locale, "/materi")}>
              {t("material.backToLibrary")}
            </a>
          </p>
        </section>
      </article>
    </PublicShell>
  );
}
