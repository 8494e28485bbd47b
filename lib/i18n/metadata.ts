import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { MessageKey } from "@/lib/i18n/keys";

/** `generateMetadata` for a page whose title is one catalogue key, e.g. titled("nav.accounts"). */
export function titled(key: MessageKey) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations();
    return { title: t(key) };
  };
}
