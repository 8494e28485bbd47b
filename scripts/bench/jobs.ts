/**
 * `npm run bench:jobs`: what the job queue (lib/server/jobs.ts, pg-boss) does on this machine, on
 * DATABASE_URL (a local database: it adds queues named bench-* to its pgboss schema and deletes
 * them afterwards). Three figures, each beside a baseline measured in the same run:
 * - enqueue: a Prisma transaction holding one enqueue, against one holding `SELECT 1`;
 * - drain: a backlog of no-op jobs worked by two instances (two pools, as two servers), jobs/s,
 *   against the rate of `SELECT 1` transactions;
 * - latency: from commit to the start of the handler for a job sent to an idle queue.
 * BENCH_JOBS (default 2000) sets the backlog.
 */
import "dotenv/config";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { createPool, createPrismaClient } from "@/lib/db/create-client";
import { createJobQueue, defineJob, type JobQueue } from "@/lib/server/jobs";
import { isLocalDatabaseUrl } from "../lib/db-url";

const url = process.env.DATABASE_URL;
if (!url || !isLocalDatabaseUrl(url)) throw new Error("DATABASE_URL must point at a local database");
const BACKLOG = Number(process.env.BENCH_JOBS ?? 2000);
const db = createPrismaClient(url, { max: 10 });
const pools = [createPool(url, 5), createPool(url, 5)];
const queues: JobQueue[] = pools.map((pool) => createJobQueue({ pool, supervise: true, pollingIntervalSeconds: 0.5 }));
const suffix = Date.now().toString(36);
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function rate(label: string, count: number, parallel: number, run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next++ < count) await run();
  }));
  const r = perSecond(count, performance.now() - started);
  console.log(`  ${label}: ${r}/s`);
  return r;
}

async function main() {
  const noop = defineJob({ name: `bench-noop-${suffix}`, schema: z.object({ n: z.number() }), handler: async () => {}, concurrency: 2 });
  await queues[0]!.enqueue(null, noop, { n: -1 }); // creates the queue, warms the pool

  console.log(`enqueue (sequential, then 10 at once):`);
  const baseline1 = await rate("baseline, transaction with SELECT 1", 500, 1, () => db.$transaction((tx) => tx.$queryRaw`SELECT 1`));
  const enqueue1 = await rate("transaction with one enqueue", 500, 1, () => db.$transaction((tx) => queues[0]!.enqueue(tx, noop, { n: 0 })));
  const baseline10 = await rate("baseline, 10 at once", 1000, 10, () => db.$transaction((tx) => tx.$queryRaw`SELECT 1`));
  const enqueue10 = await rate("enqueue, 10 at once", 1000, 10, () => db.$transaction((tx) => queues[0]!.enqueue(tx, noop, { n: 0 })));
  await removeJobs(noop.name);

  console.log(`drain ${BACKLOG} no-op jobs with two instances (2 workers each, batches of 5):`);
  const done = { count: 0 };
  const counted = defineJob({ ...noop, handler: async () => void done.count++ });
  await db.$transaction(async (tx) => {
    for (let n = 0; n < BACKLOG; n++) await queues[0]!.enqueue(tx, counted, { n });
  }, { timeout: 600_000 });
  const started = performance.now();
  await Promise.all(queues.map((q) => q.work([counted])));
  while (done.count < BACKLOG) await sleep(20);
  const drain = perSecond(BACKLOG, performance.now() - started);
  console.log(`  ${drain} jobs/s`);

  console.log("latency, commit to handler, idle queue (polling every 0.5 s in this bench, 2 s in the app):");
  const latencies: number[] = [];
  const timed = defineJob({ name: `bench-latency-${suffix}`, schema: z.object({ at: z.number() }), handler: async ({ at }) => void latencies.push(Date.now() - at) });
  await queues[1]!.work([timed]);
  for (let i = 0; i < 10; i++) {
    await db.$transaction((tx) => queues[0]!.enqueue(tx, timed, { at: Date.now() }));
    await sleep(700);
  }
  while (latencies.length < 10) await sleep(50);
  latencies.sort((a, b) => a - b);
  console.log(`  median ${latencies[5]} ms, max ${latencies[9]} ms`);

  console.log("\nsummary");
  console.log(`  enqueue in a transaction: ${enqueue1}/s sequential (${(enqueue1 / baseline1).toFixed(2)}x a SELECT 1 transaction), ${enqueue10}/s at 10 (${(enqueue10 / baseline10).toFixed(2)}x)`);
  console.log(`  drain: ${drain} jobs/s (${(drain / baseline10).toFixed(2)}x the SELECT 1 transaction rate at 10)`);
  for (const name of [noop.name, timed.name]) {
    await removeJobs(name);
    await queues[0]!.boss.deleteQueue(name);
  }
}

async function removeJobs(name: string): Promise<void> {
  const sql = queues[0]!.boss.getDb();
  await sql.executeSql("DELETE FROM pgboss.job WHERE name = $1", [name]);
  await sql.executeSql("DELETE FROM pgboss.archive WHERE name = $1", [name]);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const q of queues) await q.stop(1_000).catch(() => {});
    for (const p of pools) await p.end().catch(() => {});
    await db.$disconnect();
  });
