/**
 * How long the public site is cached and the tag that publishing revalidates
 * (docs/decisions/0008). Free of "server-only" so that the material pages, rendered by the Pages
 * Router (docs/decisions/0032), use the same figures; lib/server/cache-handler.cjs tags those
 * pages with the same name.
 */
export const PUBLIC_CACHE_TAG = "public-site";
export const PUBLIC_REVALIDATE_SECONDS = 300;
