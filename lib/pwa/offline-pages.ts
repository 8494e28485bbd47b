/** Shared by the service worker and the pages: what the worker keeps for offline use (ADR 0019). */

/** The offline attendance page of one session: /portal/kegiatan/<id>/luring. */
export const OFFLINE_PAGE_PATH = /^\/portal\/kegiatan\/[0-9a-f-]{36}\/luring$/;
export const OFFLINE_PAGE_CACHE = "offline-attendance-pages";
export const STATIC_CACHE = "offline-static";
export const SERVICE_WORKER_URL = "/serwist/sw.js";
export const SERVICE_WORKER_SCOPE = "/portal/";
