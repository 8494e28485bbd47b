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
  const adapter = new PrismaPg(options.pool ?? { connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;

export function createPool(databaseUrl: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // An idle connection the server dropped (a restart, a network cut) is replaced on next use;
  // unheard, its "error" event would end the process. Prisma listens only once it has connected.
  pool.on("error", (error) => console.error(`database: an idle connection was lost (${error.message})`));
  return pool;
}
