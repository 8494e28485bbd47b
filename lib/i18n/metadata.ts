import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** `generateMetadata` for a page whose title is one catalogue key, e.g. titled("nav.accounts"). */
export function titled(key: string) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations();
    return { title: t(key) };
  };
}
