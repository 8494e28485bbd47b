import type pg from "pg";
import { createPool, createPrismaClient, type Db } from "@/lib/db/create-client";
import { readEnv } from "@/lib/env-schema";

/**
 * The one pool and Prisma client of this process. Kept on globalThis, not in a module variable:
 * Next bundles the App Router's server code and the Pages Router's (the material pages,
 * docs/decisions/0032) separately, each with its own copy of every module, and both must share
 * the connections (dev hot reload would also open a pool per edit). Free of "server-only", which
 * the Pages Router refuses even on the server; lib/server/db.ts is what the rest of the app imports.
 */
const KEY = Symbol.for("portal-desa-binaan.db");
type ProcessDb = { db: Db; pool: pg.Pool };

export function processDb(): ProcessDb {
  const holder = globalThis as unknown as Record<symbol, ProcessDb | undefined>;
  let own = holder[KEY];
  if (!own) {
    const env = readEnv();
    const pool = createPool(env.DATABASE_URL, undefined, env.DATABASE_PREPARED_STATEMENTS === "1");
    own = { pool, db: createPrismaClient(env.DATABASE_URL, { pool }) };
    holder[KEY] = own;
  }
  return own;
}
