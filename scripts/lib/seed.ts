import { createPrismaClient } from "@/lib/db/create-client";
import { seedAll } from "@/lib/seed";
import { seconds } from "./cli";

/** Regions always (idempotent, fast on re-run); demo offices, villages and accounts on request. */
export async function seedDatabase(databaseUrl: string, options: { demo: boolean; prefix?: string }): Promise<string> {
  const started = performance.now();
  const db = createPrismaClient(databaseUrl, { max: 4 });
  try {
    await seedAll(db, { demo: options.demo, log: (msg) => console.log(`${options.prefix ?? "  "}${msg}`) });
  } finally {
    await db.$disconnect();
  }
  return `${options.demo ? "regions and demo data" : "regions"} seeded (${seconds(started)})`;
}
