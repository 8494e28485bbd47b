import { createSerwistRoute } from "@serwist/turbopack";

/**
 * The staff service worker (lib/pwa/sw.ts), bundled by Serwist with esbuild when `next build`
 * prerenders this route: one static file per build (docs/decisions/0019-offline-attendance.md).
 * No precache list: the offline page asks the worker to keep what it loaded (lib/pwa/register.ts),
 * so phones do not download every page's scripts of the portal.
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "lib/pwa/sw.ts",
  useNativeEsbuild: true,
  globPatterns: [],
  rebuildOnChange: false,
});
