import "server-only";
import { LRUCache } from "lru-cache";
import { queryRows } from "@/lib/server/db";

/**
 * Results of read-only statements, remembered per database snapshot (docs/decisions/0014).
 *
 * What a SELECT returns is a function of its text, its parameters and the snapshot it reads:
 * PostgreSQL's `pg_current_snapshot()` names the set of committed transactions a statement sees,
 * and it changes whenever any transaction that wrote anything commits or aborts. Keyed on all
 * three, a remembered result cannot be stale: a write that committed before a request began is
 * in that request's snapshot, so its key differs from every key taken before the write. The
 * statement runs after the snapshot is read, so it may see even newer commits; a result is then
 * newer than its key, never older.
 *
 * Every instance keeps its own copy, and every copy is right: nothing here is state that another
 * instance needs or that must be told of a change (docs/decisions/0004). The statement's
 * parameters carry the reader's scope (the offices it may see), so one reader's result is only
 * ever found by a reader of the same scope.
 *
 * Worth it where many readers ask the same expensive question between writes (the national
 * dashboard); each write anywhere starts over, so a busy database gets fewer hits, never wrong ones.
 */
type Entry = { value: Readonly<Record<string, unknown>>; bytes: number };

/** Bytes of results' JSON text (and keys) kept per instance; the parsed objects take somewhat more. */
const MAX_BYTES = 32 * 1024 * 1024;

const remembered = new LRUCache<string, Entry, () => Promise<Entry>>({
  maxSize: MAX_BYTES,
  sizeCalculation: (entry, key) => entry.bytes + key.length,
  // Not used after 10 minutes (a snapshot that stopped changing on a quiet night is re-read then);
  // the least recently used go first once MAX_BYTES is reached.
  ttl: 10 * 60 * 1000,
  // Concurrent readers of the same key wait for one run of the statement instead of each running it.
  fetchMethod: (_key, _stale, { context }) => context(),
  // A result evicted while its statement ran is still the reader's answer.
  ignoreFetchAbort: true,
});

/** The snapshot a statement started now would see, as text ("xmin:xmax:in-progress,…"). */
export async function currentSnapshot(): Promise<string> {
  const [row] = await queryRows<{ snapshot: string }>("SELECT pg_current_snapshot()::text AS snapshot");
  return row!.snapshot;
}

/**
 * `run`'s result for this statement in the current snapshot: remembered from an earlier call in
 * the same snapshot, or run now. `statement` must be everything the result depends on besides
 * the database (SQL text and parameters). `run` returns the result's JSON text per property, so
 * its size is known; the parsed result is frozen, because every caller shares it.
 */
export async function inSnapshot<T extends Record<string, unknown>>(statement: { sql: string; values: unknown[] }, run: () => Promise<Record<string, string>>): Promise<T> {
  const key = `${await currentSnapshot()}\u0000${statement.sql}\u0000${JSON.stringify(statement.values)}`;
  const entry = await remembered.fetch(key, {
    context: async () => {
      const texts = await run();
      const value: Record<string, unknown> = {};
      let bytes = 0;
      for (const [name, text] of Object.entries(texts)) {
        value[name] = deepFreeze(JSON.parse(text));
        bytes += text.length;
      }
      return { value: Object.freeze(value), bytes };
    },
  });
  return entry!.value as T;
}

/** Freezes a value and everything in it: for results that several readers share. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
