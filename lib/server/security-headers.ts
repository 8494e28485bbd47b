/**
 * Content-Security-Policy (issue 14, item 14). Pages rendered per request (the portal, sign-in,
 * check-in) get a strict policy with a fresh nonce from proxy.ts: only scripts carrying the
 * nonce, and what they load, run ('strict-dynamic'); Next puts the nonce on its own scripts.
 * The public pages are cached and shared between readers (docs/decisions/0008), so a per-request
 * nonce cannot be in them: they get the same policy with 'unsafe-inline' scripts instead of a
 * nonce (next.config.ts), still refusing other origins' scripts, plugins, <base> and framing.
 * No page may be framed by another site (frame-ancestors 'none'), except the village widget and
 * badge that village websites embed (issue 18, FRAMEABLE_CSP below).
 */
const COMMON = [
  "default-src 'self'",
  // inline style attributes (charts, widths) are harmless next to a strict script-src
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  // Workers: the tip form's proof of work (/_next/static, ADR 0023) and the staff service worker
  // (ADR 0019). Named, because 'strict-dynamic' would otherwise decide for workers too. No blob:, no wasm.
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

export function strictCsp(nonce: string, dev = false): string {
  return [...COMMON, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`].join("; ");
}

export const CACHED_PAGE_CSP = [...COMMON, "script-src 'self' 'unsafe-inline'"].join("; ");

/**
 * The village widget (/desa/<code>/widget) and badge (/desa/<code>/lencana.svg): any site may
 * frame them (a village's OpenSID site, docs/decisions/0020). Cached, so no nonce, like the
 * public pages; everything else as COMMON.
 */
export const FRAMEABLE_CSP = [...COMMON.filter((d) => !d.startsWith("frame-ancestors")), "frame-ancestors *", "script-src 'self' 'unsafe-inline'"].join("; ");

/** next.config `headers()` sources of the frameable routes, and a lookahead that leaves them out. */
export const FRAMEABLE_SOURCES = ["/desa/:code/widget", "/desa/:code/lencana.svg"];
export const NOT_FRAMEABLE_LOOKAHEAD = "(?!desa/[^/]+/widget$|desa/[^/]+/lencana\\.svg$)";

export const HSTS = "max-age=31536000; includeSubDomains";

/** The paths whose pages proxy.ts gives a nonce (rendered per request anyway). */
export function wantsNonce(pathname: string): boolean {
  return pathname === "/portal" || pathname.startsWith("/portal/") || pathname === "/masuk" || pathname.startsWith("/hadir/");
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
