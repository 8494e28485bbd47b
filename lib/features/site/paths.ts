import { readEnv } from "@/lib/env-schema";
import type { Language, MaterialCategory } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";

/**
 * Public URLs: Indonesian without a prefix, English under /en (docs/decisions/0008). Internally
 * the pages live under app/(public)/[locale]; next.config rewrites the four unprefixed Indonesian
 * pages without a parameter (/, /materi, /panduan, /perjalanan, /desa) to /id/..., and the Indonesian pages
 * with one are real routes under app/(public)/(id) that re-export the same page.
 */
export function publicPath(locale: Locale, path: string): string {
  if (locale === "id") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

/** The Atom feed every public page links (layouts' alternates are replaced, not merged, by a page's). */
export const FEED_ALTERNATE = { "application/atom+xml": "/feed.xml" } as const;

/**
 * A public page's `alternates`: its canonical URL and language versions, and always the feed:
 * Next replaces the layout's `alternates` as a whole when a page sets its own.
 */
export function pageAlternates(canonical: string, languages?: Record<string, string>, feed: string = FEED_ALTERNATE["application/atom+xml"]) {
  return { canonical, languages, types: { "application/atom+xml": feed } };
}

/** The Atom feed of one category or one office (issue 18): /feed.xml?kategori=tppo, ?kantor=<slug>. */
export const categoryFeedPath = (category: MaterialCategory) => `/feed.xml?kategori=${CATEGORY_SLUGS[category]}`;
export const officeFeedPath = (officeSlug: string) => `/feed.xml?kantor=${encodeURIComponent(officeSlug)}`;

export const languageOf = (locale: Locale): Language => (locale === "en" ? "EN" : "ID");
export const localeOf = (language: Language): Locale => (language === "EN" ? "en" : "id");

/** Category slugs in URLs (/materi/kategori/migrasi-aman). */
const CATEGORY_SLUGS: Record<MaterialCategory, string> = {
  TPPO: "tppo",
  TPPM: "tppm",
  MIGRASI_AMAN: "migrasi-aman",
  PASPOR: "paspor",
  BEKERJA_PROSEDURAL: "bekerja-prosedural",
};
export const MATERIAL_CATEGORIES = Object.keys(CATEGORY_SLUGS) as MaterialCategory[];
export const categorySlug = (category: MaterialCategory) => CATEGORY_SLUGS[category];
export function categoryFromSlug(slug: string): MaterialCategory | undefined {
  return MATERIAL_CATEGORIES.find((c) => CATEGORY_SLUGS[c] === slug);
}

export const materialPath = (language: Language, slug: string) => publicPath(localeOf(language), `/materi/${slug}`);
export const villagePath = (locale: Locale, code: string) => publicPath(locale, `/desa/${code}`);
/** Public files (covers, PDF attachments of published material); immutable by id. */
export const filePath = (fileId: string) => `/berkas/${fileId}`;

/** The absolute site URL for feeds, sitemaps and Open Graph (APP_URL). */
export function siteUrl(path = "/"): string {
  const base = (readEnv().APP_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
  return `${base}${path}`;
}
