/* eslint-disable @typescript-eslint/no-require-imports -- loaded by Next with require(), so CommonJS throughout */
/**
 * Next's page and data cache, kept in each instance's memory as before (docs/decisions/0008),
 * made to agree across instances (docs/decisions/0013). Next's own FileSystemCache already expires
 * entries by tag; its record of expired tags is per process, so a page another instance published
 * stayed a cached 404 here for up to five minutes. Here every revalidateTag is also sent to the
 * other instances with PostgreSQL's NOTIFY, and each instance applies what it hears to its own
 * record. An instance that loses its listening connection cannot know what it missed: once it is
 * listening again, it treats everything cached before as expired.
 *
 * Expiry is also decided here, on one clock. Next records a tag's expiry with Date.now() (the
 * wall clock) but checks it against performance.timeOrigin + performance.now() (the process's
 * start plus a monotonic clock). When the wall clock moves forward after the process started
 * (NTP stepping or slewing it, a virtual machine resumed), an expiry lies in that clock's
 * "future" for as long as the difference, and the page revalidated a moment ago is served from the
 * cache meanwhile (the likeliest cause of a withdrawn material staying public on CI). Entries are stamped with Date.now()
 * (FileSystemCache.set), so expiries are recorded and compared with Date.now() too.
 *
 * CommonJS on purpose: next.config's `cacheHandler` is loaded by the server with require().
 */
const { randomUUID } = require("node:crypto");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;

const CHANNEL = "next_cache_tags";
const INSTANCE = randomUUID();
const RETRY_MS = 2_000;

/** What this process knows, shared by every handler Next constructs (one per request). */
const shared = { client: null, connecting: null, retryTimer: null, validSince: 0, stopped: false, complained: false };

/** Tag -> when it expires(d), on the wall clock that stamps every entry's lastModified. */
const expiries = new Map();

/** Applies expirations to this process's record of tags, as FileSystemCache.revalidateTag does. */
function expireLocally(tags, durations) {
  const at = Date.now() + (typeof durations?.expire === "number" ? durations.expire * 1000 : 0);
  for (const tag of tags) expiries.set(tag, at);
  return FileSystemCache.prototype.revalidateTag.call(Object.create(FileSystemCache.prototype), tags, durations);
}

/**
 * The Pages Router renders only the material pages (docs/decisions/0032), and its entries carry
 * no tags: they and their cached 404s (a null value) belong to the public site, which publishing
 * revalidates (PUBLIC_CACHE_TAG in lib/features/site/cache-policy.ts).
 */
const PAGES_TAGS = ["public-site"];

/** The tags an entry was cached under: a page's or route's header, or a data entry's own and implicit tags. */
function entryTags(entry, ctx) {
  const value = entry.value;
  if (value?.kind === "PAGES" || (value == null && ctx?.kind === "PAGES")) return PAGES_TAGS;
  if (value?.kind === "FETCH") return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = value?.headers?.["x-next-cache-tags"];
  return typeof header === "string" ? header.split(",") : [];
}

/**
 * Expired by a revalidation made after the entry was cached (and not set for later). An entry
 * cached in the same millisecond counts as expired: it may have been rendered from the data
 * before the change, and one render too many costs less than five minutes of a stale page.
 */
function expiredByTag(entry, ctx) {
  if (typeof entry.lastModified !== "number") return false;
  const now = Date.now();
  return entryTags(entry, ctx).some((tag) => {
    const at = expiries.get(tag);
    return at !== undefined && at >= entry.lastModified && at <= now;
  });
}

function listen() {
  const url = process.env.DATABASE_URL;
  // `next build` renders with this handler too: it has no other instances to hear from.
  if (!url || shared.stopped || process.env.NEXT_PHASE === "phase-production-build") return null;
  // One listening connection per process: a retry timer, a request and a revalidation may all
  // ask for one while another is being opened or is already open.
  if (shared.client) return Promise.resolve();
  shared.connecting ??= (async () => {
    const { Client } = require("pg");
    const client = new Client({ connectionString: url, application_name: "cache-tags" });
    let retried = false;
    // "error", "end" and a failed connect can each report the same loss: reconnect once.
    const retry = () => {
      if (retried) return;
      retried = true;
      if (shared.client === client) shared.client = null;
      client.removeAllListeners();
      client.end().catch(() => {});
      // one pending retry per process, however many attempts failed meanwhile
      if (!shared.stopped && !shared.retryTimer) {
        shared.retryTimer = setTimeout(() => {
          shared.retryTimer = null;
          void listen();
        }, RETRY_MS);
        shared.retryTimer.unref();
      }
    };
    try {
      client.on("error", retry);
      client.on("end", retry);
      client.on("notification", (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        try {
          const { from, tags, durations } = JSON.parse(message.payload);
          if (from !== INSTANCE && Array.isArray(tags)) void expireLocally(tags, durations ?? undefined);
        } catch {
          // not ours
        }
      });
      await client.connect();
      // The server's own sockets keep it running; this one must not keep any other process alive.
      client.connection?.stream?.unref?.();
      await client.query(`LISTEN ${CHANNEL}`);
      // Whatever was cached while nobody listened may have been revalidated elsewhere.
      shared.validSince = Date.now();
      shared.client = client;
      shared.complained = false;
    } catch (error) {
      if (!shared.complained) {
        shared.complained = true;
        console.error(`cache-handler: cannot listen for other instances' revalidations (${error instanceof Error ? error.message : error}); retrying`);
      }
      retry();
    } finally {
      shared.connecting = null;
    }
  })();
  return shared.connecting;
}

class SharedTagsCache extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    if (!shared.client) listen();
  }

  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    // Cached before this instance listened (at start, or after a lost connection): not trusted.
    if (entry && typeof entry.lastModified === "number" && entry.lastModified < shared.validSince) return null;
    if (entry && expiredByTag(entry, ctx)) return null;
    return entry;
  }

  async revalidateTag(tags, durations) {
    const list = typeof tags === "string" ? [tags] : tags;
    if (list.length === 0) return;
    await expireLocally(list, durations);
    if (!shared.client) await listen();
    try {
      await shared.client?.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ from: INSTANCE, tags: list, durations: durations ?? null })]);
    } catch (error) {
      // The change is saved and this instance shows it; the others catch up within `revalidate`.
      console.error(`cache-handler: could not tell other instances about ${list.join(", ")} (${error instanceof Error ? error.message : error})`);
    }
  }
}

/** Closes the listening connection for good (tests; a process that is about to exit). */
SharedTagsCache.stopListening = async () => {
  shared.stopped = true;
  if (shared.retryTimer) clearTimeout(shared.retryTimer);
  await shared.connecting;
  const client = shared.client;
  shared.client = null;
  client?.removeAllListeners();
  await client?.end().catch(() => {});
};

module.exports = SharedTagsCache;
