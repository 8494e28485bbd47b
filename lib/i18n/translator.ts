import "server-only";
import { getTranslations } from "next-intl/server";
import { isMessageKey } from "@/lib/i18n/keys";

type Values = Record<string, string | number | Date>;

/**
 * A translator for code that receives keys as data (exports, PDFs, import previews, the action
 * wrapper's error codes): any string in, the message out, or the string itself when no such key
 * exists (keys.test.ts keeps that from happening). Typed pages use next-intl's own `t`.
 */
export type Translate = ((key: string, values?: Values) => string) & { has(key: string): boolean };

export async function getTranslator(locale?: string): Promise<Translate> {
  const t = await getTranslations(locale ? { locale } : undefined);
  const has = (key: string) => isMessageKey(key, t.has);
  const translate = (key: string, values?: Values) => (isMessageKey(key, t.has) ? t(key, values) : key);
  return Object.assign(translate, { has });
}
