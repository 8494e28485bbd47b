import "server-only";
import type pg from "pg";
import { createPool, createPrismaClient, type Db } from "@/lib/db/create-client";
import { env } from "@/lib/server/env";

// One pool and one client per process; dev hot reload would otherwise open a pool per edit.
const globalForDb = globalThis as unknown as { db?: Db; pool?: pg.Pool };

/** The connections of this process; the job queue (lib/server/jobs.ts) shares them. */
export const pool: pg.Pool = globalForDb.pool ?? createPool(env.DATABASE_URL, undefined, env.DATABASE_PREPARED_STATEMENTS === "1");
export const db: Db = globalForDb.db ?? createPrismaClient(env.DATABASE_URL, { pool });
if (env.NODE_ENV !== "production") Object.assign(globalForDb, { db, pool });

/**
 * A parameterised statement on the client's own connections, without the ORM: for the few
 * statements that run on nearly every request (the signed-in user, the snapshot of
 * lib/server/snapshot-memo.ts), where Prisma's per-query work (about 0.3 ms of the server's time
 * even for $queryRaw) cost more than the statement. Values are always bound, never spliced.
 */
export async function queryRows<Row extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<Row[]> {
  return (await pool.query<Row>(text, values)).rows;
}
