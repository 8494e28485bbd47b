/// <reference lib="webworker" />
/**
 * The staff service worker (ADR 0019), served by app/serwist/[path]/route.ts and registered only
 * by the offline attendance page, with the scope /portal/. It keeps what that page needs to open
 * with no connection: the page itself (network first, the last copy when offline) and the
 * build's static files it loaded (cache first: their names change with every build). Every other
 * request goes to the network as if there were no worker; nothing else of the portal is kept.
 */
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from "serwist";
import { OFFLINE_PAGE_CACHE, OFFLINE_PAGE_PATH, STATIC_CACHE } from "@/lib/pwa/offline-pages";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && OFFLINE_PAGE_PATH.test(url.pathname) && !url.search,
      method: "GET",
      handler: new NetworkFirst({
        cacheName: OFFLINE_PAGE_CACHE,
        networkTimeoutSeconds: 5,
        // Next varies its answers on router headers; a reload and the page's own request to keep
        // it differ only in those, and both want the whole page.
        matchOptions: { ignoreVary: true },
        plugins: [new ExpirationPlugin({ maxEntries: 30, maxAgeSeconds: 14 * 24 * 3600 })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      method: "GET",
      handler: new CacheFirst({
        cacheName: STATIC_CACHE,
        plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 })],
      }),
    },
  ],
});

serwist.addEventListeners();
