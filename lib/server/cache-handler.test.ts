import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PUBLIC_CACHE_TAG } from "@/lib/features/site/cache-policy";
import { startEmbeddedDb, type EmbeddedDb } from "@/scripts/lib/embedded-db";

/**
 * The page cache handler (docs/decisions/0013) leans on Next internals that no semver promises:
 * FileSystemCache's module path and methods, and the per-process tag manifest that its
 * revalidateTag writes and its get reads. These tests fail loudly when an upgrade of `next`
 * moves any of that, and they run the handler against a PostgreSQL of its own, so that it can be
 * restarted under the handler's feet.
 */
const require = createRequire(import.meta.url);
const CHANNEL = "next_cache_tags";

type Entry = { lastModified?: number; value: unknown } | null;
type Instance = {
  revalidateTag(tags: string[], durations?: { expire?: number }): Promise<void>;
  set(key: string, value: object, ctx: object): Promise<void>;
  get(key: string, ctx: object): Promise<Entry>;
};
type Handler = { new (ctx: object): Instance; stopListening(): Promise<void> };

let db: EmbeddedDb;
let Handler: Handler;
let previousUrl: string | undefined;

const newHandler = () =>
  new Handler({ fs: undefined, flushToDisk: false, serverDistDir: "/nonexistent", revalidatedTags: [], maxMemoryCacheSize: 50 * 1024 * 1024 });

/** A cached page as Next stores it: its tags travel in a header. */
async function cachePage(handler: Instance, key: string, tags: string[]) {
  const value = { kind: "APP_PAGE", html: "<h1>Terbit</h1>", rscData: Buffer.from("rsc"), headers: { "x-next-cache-tags": tags.join(",") }, status: 200, postponed: undefined, segmentData: undefined };
  await handler.set(key, value, { cacheControl: { revalidate: 300, expire: 31536000 } });
  expect(await handler.get(key, { kind: "APP_PAGE" }), "the page is cached").not.toBeNull();
}

/**
 * The wall clock moved ahead of the process's monotonic clock (NTP, a resumed machine). It then
 * stands still until the test moves it: whether two steps fall in the same millisecond is decided
 * by the test, not by how busy the machine is (with a running clock the test failed now and then).
 */
function wallClockAhead(ms: number) {
  let now = Date.now() + ms;
  vi.spyOn(Date, "now").mockImplementation(() => now);
  return { advance: (by: number) => void (now += by) };
}

async function listeners(): Promise<number> {
  const client = new pg.Client(db.url);
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'cache-tags'",
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  // performance.now(): the tests stop Date.now().
  const deadline = performance.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  db = await startEmbeddedDb();
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = db.url;
  Handler = require("./cache-handler.cjs") as Handler;
}, 60_000);

afterAll(async () => {
  await Handler?.stopListening();
  process.env.DATABASE_URL = previousUrl;
  await db?.stop();
});

describe("the shared page cache handler", () => {
  it("still finds the Next internals it extends (fails after an upgrade that moved them)", () => {
    const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
    expect(typeof FileSystemCache).toBe("function");
    for (const method of ["get", "set", "revalidateTag"]) expect(typeof FileSystemCache.prototype[method]).toBe("function");
    const manifest = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
    expect(manifest.tagsManifest).toBeInstanceOf(Map);
    expect(typeof manifest.areTagsExpired).toBe("function");
  });

  it("expires a tag here when another instance revalidates it (NOTIFY through PostgreSQL)", async () => {
    newHandler();
    await until(async () => (await listeners()) === 1, "the handler listens");
    const { areTagsExpired } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
    const tag = `material-${randomUUID()}`;
    const cachedAt = Date.now() - 1000;
    expect(areTagsExpired([tag], cachedAt)).toBe(false);

    const other = new pg.Client(db.url);
    await other.connect();
    await other.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ from: "another-instance", tags: [tag], durations: null })]);
    await other.end();
    await until(async () => areTagsExpired([tag], cachedAt), "the tag is expired here");
  });

  describe("when the wall clock runs ahead of the process's monotonic clock", () => {
    afterEach(() => vi.restoreAllMocks());

    it("a page revalidated here is not served from the cache (a withdrawn material stayed public on CI)", async () => {
      const handler = newHandler();
      const clock = wallClockAhead(30_000);
      const tag = `_N_T_/materi/${randomUUID()}`;
      await cachePage(handler, `/materi/${tag}`, ["_N_T_/layout", tag]);
      await handler.revalidateTag([tag]);
      expect(await handler.get(`/materi/${tag}`, { kind: "APP_PAGE" })).toBeNull();
      // with a profile too (revalidateTag(tag, { expire: 0 })), on a page rendered afterwards
      clock.advance(1);
      await cachePage(handler, `/materi/${tag}`, [tag]);
      await handler.revalidateTag([tag], { expire: 0 });
      expect(await handler.get(`/materi/${tag}`, { kind: "APP_PAGE" })).toBeNull();
    });

    it("a page revalidated by another instance is not served from the cache either", async () => {
      const handler = newHandler();
      await until(async () => (await listeners()) === 1, "the handler listens");
      wallClockAhead(30_000);
      const tag = `public-site-${randomUUID()}`;
      await cachePage(handler, `/p/${tag}`, [tag]);
      const other = new pg.Client(db.url);
      await other.connect();
      await other.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ from: "another-instance", tags: [tag], durations: { expire: 0 } })]);
      await other.end();
      await until(async () => (await handler.get(`/p/${tag}`, { kind: "APP_PAGE" })) === null, "the page is no longer served");
    });

    it("a data entry (unstable_cache) revalidated here is not returned", async () => {
      const handler = newHandler();
      wallClockAhead(30_000);
      const tag = `public-site-${randomUUID()}`;
      const ctx = { kind: "FETCH", tags: [tag], softTags: [] };
      await handler.set(`data-${tag}`, { kind: "FETCH", data: { body: "[]", headers: {}, url: "" }, revalidate: 300, tags: [tag] }, { fetchCache: true, tags: [tag] });
      expect(await handler.get(`data-${tag}`, ctx)).not.toBeNull();
      await handler.revalidateTag([tag]);
      expect(await handler.get(`data-${tag}`, ctx)).toBeNull();
    });

    it("an entry cached after the revalidation is served", async () => {
      const handler = newHandler();
      const clock = wallClockAhead(30_000);
      const tag = `public-site-${randomUUID()}`;
      await handler.revalidateTag([tag]);
      clock.advance(1);
      await cachePage(handler, `/after/${tag}`, [tag]);
    });

    it("an entry cached in the same millisecond as the revalidation is not served: it may hold what was there before", async () => {
      const handler = newHandler();
      wallClockAhead(30_000);
      const tag = `public-site-${randomUUID()}`;
      await handler.revalidateTag([tag]);
      const value = { kind: "APP_PAGE", html: "<h1>Lama</h1>", rscData: Buffer.from("rsc"), headers: { "x-next-cache-tags": tag }, status: 200 };
      await handler.set(`/same/${tag}`, value, { cacheControl: { revalidate: 300, expire: 31536000 } });
      expect(await handler.get(`/same/${tag}`, { kind: "APP_PAGE" })).toBeNull();
    });
  });

  describe("the material pages, rendered by the Pages Router (docs/decisions/0032)", () => {
    afterEach(() => vi.restoreAllMocks());
    // Pages Router entries carry no tags of their own: publishing revalidates PUBLIC_CACHE_TAG.

    it("a cached material page is not served after publishing revalidates the public site", async () => {
      const handler = newHandler();
      // listening already: an entry cached before the handler listens is never trusted anyway
      await until(async () => (await listeners()) === 1, "the handler listens");
      const clock = wallClockAhead(0);
      const key = `/materi/${randomUUID()}`;
      const value = { kind: "PAGES", html: "<h1>Ditarik</h1>", pageData: { pageProps: {} }, headers: undefined, status: 200 };
      await handler.set(key, value, { cacheControl: { revalidate: 300, expire: 31536000 } });
      expect(await handler.get(key, { kind: "PAGES" }), "the page is cached").not.toBeNull();
      clock.advance(1);
      await handler.revalidateTag([PUBLIC_CACHE_TAG]);
      expect(await handler.get(key, { kind: "PAGES" })).toBeNull();
    });

    it("a cached 404 of a material page is not served after publishing revalidates the public site", async () => {
      const handler = newHandler();
      // listening already: an entry cached before the handler listens is never trusted anyway
      await until(async () => (await listeners()) === 1, "the handler listens");
      const clock = wallClockAhead(0);
      const key = `/materi/${randomUUID()}`;
      // getStaticProps' notFound with revalidate: Next caches a null value for the path.
      await handler.set(key, null as unknown as object, { cacheControl: { revalidate: 300, expire: 31536000 } });
      expect(await handler.get(key, { kind: "PAGES" }), "the 404 is cached").not.toBeNull();
      clock.advance(1);
      await handler.revalidateTag([PUBLIC_CACHE_TAG]);
      expect(await handler.get(key, { kind: "PAGES" })).toBeNull();
    });
  });

  it("keeps exactly one listening connection through several PostgreSQL restarts", async () => {
    newHandler();
    await until(async () => (await listeners()) === 1, "the handler listens");
    for (let restart = 1; restart <= 3; restart++) {
      await db.restart();
      // Requests arrive while the connection is being re-opened: each constructs a handler.
      for (let i = 0; i < 5; i++) newHandler();
      await until(async () => (await listeners()) >= 1, `the handler listens again after restart ${restart}`);
      // Every attempt still pending has had its chance to open a second connection.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(await listeners()).toBe(1);
    }
    // And revalidating still reaches the database on the one connection.
    await newHandler().revalidateTag([`tag-${randomUUID()}`]);
    expect(await listeners()).toBe(1);
  }, 90_000);
});
