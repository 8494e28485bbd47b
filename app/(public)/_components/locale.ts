import { notFound } from "next/navigation";
import { isLocale, type Locale } from "@/lib/i18n/config";

/**
 * Params of a public page. Pages under app/(public)/[locale] get the locale from the URL; the
 * Indonesian pages that have a parameter of their own are real routes under app/(public)/(id)
 * (no rewrite, see docs/decisions/0008) and get no locale at all: absent means Indonesian.
 */
export type LocaleParams = Promise<{ locale?: string }>;

/** The page's locale from the URL segment (Indonesian when there is none); anything but id/en is a 404. */
export async function localeFrom(params: LocaleParams): Promise<Locale> {
  const { locale = "id" } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}

/**
 * Every public page is rendered on its first request and then served from the cache, refreshed
 * at most every five minutes or at once when material is published (docs/decisions/0008).
 * Nothing is prerendered at build time, so a build needs no database.
 */
export const noBuildTimeParams = async () => [];
