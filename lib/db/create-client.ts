import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one way to build a Prisma client, shared by the app (lib/server/db.ts), the seed,
 * the scripts and the tests. The app holds a single instance; scripts make their own.
 */
export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;
