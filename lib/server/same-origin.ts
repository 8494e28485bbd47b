/**
 * Whether a state-changing request comes from a page of this site. Browsers send Sec-Fetch-Site
 * (all current ones) and Origin (on every POST): a page on another origin, including another port
 * of the same host ("same-site"), is refused. A request with neither header is not from a browser
 * page, so it cannot carry a victim's cookie on someone else's behalf; it is let through.
 * No framework imports: proxy.ts uses it too, for server actions.
 */
export function isCrossOriginRequest(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return true; // "null" (sandboxed frames, file: pages) and anything unparsable
  }
  return !allowedOrigins.includes(parsed.origin);
}

/**
 * The origins this request may come from: the configured public URL and the host the request was
 * sent to (as Next's own server-action check does, including X-Forwarded-Host set by a proxy).
 */
export function requestOrigins(headers: Headers, requestUrl: string, appUrl?: string): string[] {
  const origins = new Set<string>();
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(requestUrl).protocol.replace(":", "");
  for (const host of [headers.get("x-forwarded-host")?.split(",")[0]?.trim(), headers.get("host"), new URL(requestUrl).host]) {
    if (host) origins.add(`${proto}://${host}`);
  }
  if (appUrl) origins.add(new URL(appUrl).origin);
  return [...origins];
}
