import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one way to build a Prisma client, shared by the app (lib/server/db.ts), the seed,
 * the scripts and the tests. The app holds a single instance; scripts make their own.
 * Given a `pool`, the client uses its connections (the app also runs a few statements on it
 * directly, lib/server/db.ts); otherwise it opens its own.
 */
export function createPrismaClient(databaseUrl: string, options: { max?: number; pool?: pg.Pool } = {}) {
  const adapter = new PrismaPg(options.pool ?? createPool(databaseUrl, options.max ?? 10));
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;

/** Statements one connection keeps prepared; later new ones are sent unnamed, as before (ADR 0031). */
export const PREPARED_PER_CONNECTION = 500;

export class PreparingClient extends pg.Client {
  #prepared = new Set<string>();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg's overloads (callback, promise, submittable) all go through query(); only a plain
    // configuration or a text with values gets a name, and nothing else about the call changes.
    const query = super.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => query(...this.#named(args))) as pg.Client["query"];
  }

  /**
   * Only what pg already sends as a prepared statement (a text with at least one value): a text
   * without values goes by the simple protocol, which also runs several statements at once
   * (migrations, pg-boss's schema), and a name would change that.
   */
  #named(args: unknown[]): unknown[] {
    const [config, values, callback] = args;
    if (typeof config === "string") {
      const name = Array.isArray(values) && values.length > 0 ? this.#nameFor(config) : undefined;
      return name ? [{ text: config, values, name }, undefined, callback] : args;
    }
    if (!config || typeof config !== "object" || "submit" in config) return args;
    const { text, name: given, values: own } = config as pg.QueryConfig;
    const bound = Array.isArray(values) ? values : own;
    if (given || typeof text !== "string" || !Array.isArray(bound) || bound.length === 0) return args;
    const name = this.#nameFor(text);
    return name ? [{ ...config, name }, ...args.slice(1)] : args;
  }

  #nameFor(text: string): string | undefined {
    const name = `p${createHash("sha1").update(text).digest("hex")}`;
    if (this.#prepared.has(name)) return name;
    if (this.#prepared.size >= PREPARED_PER_CONNECTION) return undefined;
    this.#prepared.add(name);
    return name;
  }
}

/**
 * The pool every connection of the app, the scripts and the tests comes from. `prepare`: whether
 * its connections prepare statements (PreparingClient); the server passes
 * DATABASE_PREPARED_STATEMENTS (lib/server/db.ts).
 */
export function createPool(databaseUrl: string, max = 10, prepare = true): pg.Pool {
  // An hour at most per connection: what it prepared goes with it.
  const pool = new pg.Pool({ connectionString: databaseUrl, max, ...(prepare ? { Client: PreparingClient } : {}), maxLifetimeSeconds: 3600 });
  // An idle connection the server dropped (a restart, a network cut) is replaced on next use;
  // unheard, its "error" event would end the process. Prisma listens only once it has connected.
  pool.on("error", (error) => console.error(`database: an idle connection was lost (${error.message})`));
  return pool;
}
