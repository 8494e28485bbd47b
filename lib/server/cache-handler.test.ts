import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

type Handler = { new (ctx: object): { revalidateTag(tags: string[]): Promise<void> }; stopListening(): Promise<void> };

let db: EmbeddedDb;
let Handler: Handler;
let previousUrl: string | undefined;

const newHandler = () => new Handler({ fs: undefined, flushToDisk: false, serverDistDir: "/nonexistent", revalidatedTags: [] });

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
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
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
