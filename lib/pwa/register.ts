/**
 * Registers the staff service worker (lib/pwa/sw.ts) and asks it to keep this page and the
 * static files it loaded, so the page opens again with no connection (ADR 0019). The first visit
 * loaded them before any worker existed; the worker fetches and keeps them now.
 */
import { SERVICE_WORKER_SCOPE, SERVICE_WORKER_URL } from "@/lib/pwa/offline-pages";

export async function keepPageOffline(): Promise<boolean> {
  if (!("serviceWorker" in navigator)) return false;
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE });
  const registration = await navigator.serviceWorker.ready;
  const urls = [
    location.pathname,
    ...performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith("/_next/static/"))
      .map((u) => u.pathname + u.search),
  ];
  const worker = registration.active;
  if (!worker) return false;
  // the worker answers on the channel once every URL is kept
  return new Promise<boolean>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(true);
    worker.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [...new Set(urls)] } }, [channel.port2]);
    setTimeout(() => resolve(false), 30_000);
  });
}
