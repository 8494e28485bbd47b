import "server-only";
import type pg from "pg";
import type { Db } from "@/lib/db/create-client";
import { processDb } from "@/lib/db/process-db";

/** The connections of this process (lib/db/process-db.ts); the job queue (lib/server/jobs.ts) shares them. */
export const { pool, db }: { pool: pg.Pool; db: Db } = processDb();

/**
 * A parameterised statement on the client's own connections, without the ORM: for the few
 * statements that run on nearly every request (the signed-in user, the snapshot of
 * lib/server/snapshot-memo.ts), where Prisma's per-query work (about 0.3 ms of the server's time
 * even for $queryRaw) cost more than the statement. Values are always bound, never spliced.
 */
export async function queryRows<Row extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<Row[]> {
  return (await pool.query<Row>(text, values)).rows;
}
