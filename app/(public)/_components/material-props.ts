import type { GetStaticPaths, GetStaticProps } from "next";
import type { Messages } from "next-intl";
import type { MaterialCategory } from "@/lib/generated/prisma/enums";
import { PUBLIC_REVALIDATE_SECONDS } from "@/lib/features/site/cache-policy";
import { markdownToText, renderMarkdown } from "@/lib/features/materials/markdown";
import { findPublishedMaterial } from "@/lib/features/site/material-page-data";
import { filePath, languageOf, localeOf, materialPath } from "@/lib/features/site/paths";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/config";

/**
 * Data of the material pages, /materi/<slug> and /en/materi/<slug>, which the Pages Router
 * renders without any JavaScript for the browser (docs/decisions/0032). Everything the page shows
 * is worked out here, on the server, as plain JSON: the page itself only lays it out.
 *
 * Cached like every public page (docs/decisions/0008): rendered on the first request, refreshed
 * at most every five minutes or at once when material is published (the cache handler tags these
 * pages "public-site"). Nothing is rendered at build time, so a build needs no database.
 */

/** The messages the page uses: what it is given travels with the cached page, so only these. */
export type MaterialPageMessages = Pick<Messages, "public" | "app"> & { tip: Pick<Messages["tip"], "nav"> };

export type MaterialView = {
  title: string;
  /** The summary, else the start of the text: the page's description for search and sharing. */
  description: string;
  summary: string | null;
  category: MaterialCategory;
  officeName: string | null;
  publishedAt: string | null;
  /** Sanitised HTML of the body (lib/features/materials/markdown.ts). */
  html: string;
  path: string;
  ogLocale: "id_ID" | "en_GB";
  cover: { src: string; width: number | null; height: number | null } | null;
  audio: { src: string; mimeType: string; durationMs: number; byteSize: number } | null;
  attachments: { href: string; title: string; byteSize: number }[];
  translation: { path: string; title: string; locale: Locale } | null;
};

export type MaterialPageProps = { locale: Locale; material: MaterialView; messages: MaterialPageMessages };

export const getMaterialPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

/** Only /en has a prefix: /id/... is redirected to the unprefixed URL by next.config, anything else is not a page. */
function localeFromParam(param: string | string[] | undefined): Locale | null {
  if (param === undefined) return "id";
  return param === "en" ? "en" : null;
}

export const getMaterialProps: GetStaticProps<MaterialPageProps> = async ({ params }) => {
  const locale = localeFromParam(params?.locale);
  const slug = params?.slug;
  const material = locale && typeof slug === "string" ? await findPublishedMaterial(slug) : null;
  // A 404 is cached too, for as long as a page, and a publication revalidates it at once.
  if (!locale || !material) return { notFound: true, revalidate: PUBLIC_REVALIDATE_SECONDS };
  // A slug is unique across languages: an English text asked for without /en moves to its URL.
  if (languageOf(locale) !== material.language) {
    return { redirect: { destination: materialPath(material.language, material.slug), permanent: true }, revalidate: PUBLIC_REVALIDATE_SECONDS };
  }
  const all = await loadMessages(locale);
  const messages = { public: all.public, app: all.app, tip: { nav: (all.tip as Messages["tip"]).nav } } as MaterialPageMessages;
  const translation = material.translations[0];
  return {
    props: {
      locale,
      messages,
      material: {
        title: material.title,
        description: material.summary ?? markdownToText(material.body, 160),
        summary: material.summary,
        category: material.category,
        officeName: material.office?.name ?? null,
        publishedAt: material.publishedAt?.toISOString() ?? null,
        html: renderMarkdown(material.body),
        path: materialPath(material.language, material.slug),
        ogLocale: material.language === "EN" ? "en_GB" : "id_ID",
        cover: material.coverFile
          ? { src: filePath(material.coverFile.id), width: material.coverFile.width, height: material.coverFile.height }
          : null,
        audio: material.audioFile
          ? { src: filePath(material.audioFile.id), mimeType: material.audioFile.mimeType, durationMs: material.audioFile.durationMs ?? 0, byteSize: material.audioFile.byteSize }
          : null,
        attachments: material.attachments.map((a) => ({ href: filePath(a.file.id), title: a.title, byteSize: a.file.byteSize })),
        translation: translation ? { path: materialPath(translation.language, translation.slug), title: translation.title, locale: localeOf(translation.language) } : null,
      },
    },
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  };
};
