import type { Locale } from "@/lib/i18n/config";

/**
 * One file per namespace group and language (lib/i18n/messages/<locale>/<group>.json), so each
 * feature edits its own file. Top-level keys must be unique across files; a test checks it.
 * Add a new group here and create it for both languages.
 */
export const MESSAGE_GROUPS = ["common", "portal", "public", "materials", "events", "villages", "reports", "accounts", "notifications", "warnings", "tips", "warningScores", "journey", "quizzes"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    MESSAGE_GROUPS.map(async (group) => (await import(`./messages/${locale}/${group}.json`)).default as Record<string, unknown>),
  );
  return Object.assign({}, ...parts);
}
