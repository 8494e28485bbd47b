import "server-only";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { env } from "@/lib/server/env";

// One client per process; dev hot reload would otherwise open a pool per edit.
const globalForDb = globalThis as unknown as { db?: Db };

export const db: Db = globalForDb.db ?? createPrismaClient(env.DATABASE_URL);
if (process.env.NODE_ENV !== "production") globalForDb.db = db;
