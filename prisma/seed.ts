import "dotenv/config";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedAll } from "@/lib/seed";

// Run by `npm run db:seed` and `prisma db seed`. SEED_DEMO=0 loads only the regions (production).
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const db = createPrismaClient(url, { max: 2 });
  const started = performance.now();
  try {
    await seedAll(db, { demo: process.env.SEED_DEMO !== "0", log: (msg) => console.log(`seed: ${msg}`) });
    console.log(`seed: finished in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // Prisma's messages span many lines; the last one names the actual cause.
  const lastLine = message.split("\n").filter((line) => line.trim()).pop() ?? message;
  console.error(`seed failed: ${lastLine.trim()}`);
  process.exit(1);
});
