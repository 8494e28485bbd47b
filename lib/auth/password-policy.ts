import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Server-side password rules beyond the length that the shared schema checks (the list is
 * 49,000 entries: it stays out of the browser). Compared case-insensitively, and with the
 * words that people here are most likely to build a password from.
 */
const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
const LOCAL_WORDS = ["imigrasi", "indonesia", "desabinaan", "kemenkumham", "kemenimpas", "bismillah", "password", "sandi", "rahasia"];

/** A catalogue key (validation.*) when the password is too easy to guess, else null. */
export function weakPasswordReason(password: string, context: { email?: string; name?: string } = {}): string | null {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "validation.passwordCommon";
  // "imigrasi2024", "Indonesia123!": a well-known word with a few digits or symbols around it
  const letters = lower.replace(/[^a-z]/g, "");
  if (LOCAL_WORDS.includes(letters) || COMMON.has(letters)) return "validation.passwordCommon";
  const own = [context.email?.split("@")[0], ...(context.name?.toLowerCase().split(/\s+/) ?? [])].filter((w): w is string => !!w && w.length >= 4);
  if (own.some((w) => letters === w.replace(/[^a-z]/g, ""))) return "validation.passwordPersonal";
  if (new Set(lower).size < 4) return "validation.passwordCommon";
  return null;
}
