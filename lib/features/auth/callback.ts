const FALLBACK = "/portal";
const BASE = "http://portal.invalid";

/**
 * Where to go after sign-in: only a path of this site. The value is parsed as a URL against a
 * placeholder origin, the way a browser would resolve it, and refused unless it stays on that
 * origin; backslashes (which browsers read as slashes, so `/\host` is `//host`), control
 * characters and their encoded forms are refused before that, as no portal path has them.
 */
export function safeCallbackPath(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length > 2000 || !raw.startsWith("/") || raw.startsWith("//")) return FALLBACK;
  if (/[\\\u0000-\u001f\u007f]|%5c|%0[0-9a-f]|%1[0-9a-f]|%7f/i.test(raw)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
