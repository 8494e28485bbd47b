import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPool } from "@/lib/db/create-client";
import { uniqueSuffix } from "@/lib/factories";
import { createJobQueue, defineJob, jobIdForKey, type JobDefinition, type JobQueue } from "@/lib/server/jobs";
import { localTestDatabaseUrl } from "@/tests/support/test-db";
import { testDb } from "@/tests/support/world";

/**
 * The queue on the real database: pg-boss in its own schema, each queue (instance) on its own
 * pool as separate server processes would be. Every test uses queue names of its own, so test
 * files running at the same time never take each other's jobs.
 */
const url = localTestDatabaseUrl();
const opened: { queue: JobQueue; pool: ReturnType<typeof createPool> }[] = [];

function newQueue(options: { supervise?: boolean } = {}): JobQueue {
  const pool = createPool(url, 4);
  const queue = createJobQueue({ pool, supervise: options.supervise ?? true, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, onError: () => {} });
  opened.push({ queue, pool });
  return queue;
}

afterAll(async () => {
  for (const { queue, pool } of opened) {
    await queue.stop(1_000).catch(() => {});
    await pool.end().catch(() => {});
  }
});

const payload = z.object({ n: z.number().int() });
const name = (what: string) => `test-${what}-${uniqueSuffix()}`;

async function jobsIn(queue: JobQueue, jobName: string): Promise<{ state: string; data: unknown }[]> {
  const { rows } = await queue.boss.getDb().executeSql(`SELECT state::text, data FROM pgboss.job WHERE name = $1 ORDER BY created_on`, [jobName]);
  return rows as { state: string; data: unknown }[];
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(100);
  }
}

describe("enqueue in the caller's transaction", { timeout: 45_000 }, () => {
  it("leaves no job when the write rolls back, and one when it commits", async () => {
    const queue = newQueue({ supervise: false });
    const job = defineJob({ name: name("tx"), schema: payload, handler: async () => {} });
    await expect(
      testDb.$transaction(async (tx) => {
        await queue.enqueue(tx, job, { n: 1 });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await jobsIn(queue, job.name)).toEqual([]);

    await testDb.$transaction(async (tx) => {
      expect(await queue.enqueue(tx, job, { n: 2 })).toMatch(/^[0-9a-f-]{36}$/);
    });
    expect(await jobsIn(queue, job.name)).toEqual([{ state: "created", data: { n: 2 } }]);
  });

  it("refuses a payload its schema refuses, so the caller's write does not commit either", async () => {
    const queue = newQueue({ supervise: false });
    const job = defineJob({ name: name("bad"), schema: payload, handler: async () => {} });
    await expect(testDb.$transaction((tx) => queue.enqueue(tx, job, { n: 1.5 }))).rejects.toThrow();
    expect(await jobsIn(queue, job.name)).toEqual([]);
  });

  it("makes a second job with the same key a no-op", async () => {
    const queue = newQueue({ supervise: false });
    const job = defineJob({ name: name("key"), schema: payload, handler: async () => {} });
    const first = await testDb.$transaction((tx) => queue.enqueue(tx, job, { n: 1 }, { key: "report-1:sla-warning", startAfter: 3600 }));
    const again = await testDb.$transaction((tx) => queue.enqueue(tx, job, { n: 2 }, { key: "report-1:sla-warning", startAfter: 3600 }));
    const other = await testDb.$transaction((tx) => queue.enqueue(tx, job, { n: 3 }, { key: "report-2:sla-warning", startAfter: 3600 }));
    expect(first).toBe(jobIdForKey(job.name, "report-1:sla-warning"));
    expect(again).toBeNull();
    expect(other).not.toBeNull();
    expect((await jobsIn(queue, job.name)).map((j) => j.data)).toEqual([{ n: 1 }, { n: 3 }]);
  });
});

describe("starting", { timeout: 45_000 }, () => {
  it("lets several instances start working a new queue at the same moment", async () => {
    // the e2e server's two instances once met a deadlock here, creating the same queue together
    const job = defineJob({ name: name("start"), schema: payload, handler: async () => {} });
    await Promise.all(Array.from({ length: 5 }, () => newQueue().work([job])));
  });
});

describe("working the queue", { timeout: 45_000 }, () => {
  it("runs each job once when two instances work the same queue", async () => {
    const [a, b] = [newQueue(), newQueue()];
    const ran = { a: [] as number[], b: [] as number[] };
    const jobName = name("shared");
    const jobFor = (who: "a" | "b"): JobDefinition =>
      defineJob({
        name: jobName,
        schema: payload,
        concurrency: 2,
        handler: async ({ n }) => {
          ran[who].push(n);
          await sleep(5);
        },
      });
    const count = 60;
    await testDb.$transaction(async (tx) => {
      for (let n = 0; n < count; n++) await a.enqueue(tx, jobFor("a"), { n });
    });
    await Promise.all([a.work([jobFor("a")]), b.work([jobFor("b")])]);
    await until(() => ran.a.length + ran.b.length >= count);
    await sleep(1_500); // anything run twice would show up now
    const all = [...ran.a, ...ran.b].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(ran.a.length).toBeGreaterThan(0);
    expect(ran.b.length).toBeGreaterThan(0);
  });

  it("retries a job whose handler fails mid-way", async () => {
    const queue = newQueue();
    const attempts: number[] = [];
    const job = defineJob({
      name: name("retry"),
      schema: payload,
      retryDelaySeconds: 1,
      handler: async (_payload, { attempt }) => {
        attempts.push(attempt);
        if (attempt === 0) throw new Error("SMTP went away");
      },
    });
    await queue.enqueue(null, job, { n: 1 });
    await queue.work([job]);
    await until(async () => (await jobsIn(queue, job.name))[0]?.state === "completed");
    expect(attempts).toEqual([0, 1]);
  });

  it("gives a job whose instance hangs (or died) to another one after it expires", async () => {
    const [stuck, healthy] = [newQueue(), newQueue()];
    const jobName = name("expire");
    const done: string[] = [];
    let taken = () => {};
    const takenByStuck = new Promise<void>((resolve) => (taken = resolve));
    const stuckJob = defineJob({
      name: jobName,
      schema: payload,
      expireInSeconds: 1,
      retryDelaySeconds: 0,
      handler: async () => {
        taken();
        await new Promise(() => {}); // never returns, as if the process had frozen
      },
    });
    const healthyJob = defineJob({ ...stuckJob, handler: async () => void done.push("healthy") });
    await stuck.enqueue(null, stuckJob, { n: 1 });
    await stuck.work([stuckJob]);
    await takenByStuck;
    // A frozen process fetches nothing more either: without this, the stuck instance could take
    // the expired job again before the healthy one polls (it did, on a busy machine).
    await stuck.stop(100);
    await healthy.work([healthyJob]);
    await until(() => done.length > 0);
    expect(done).toEqual(["healthy"]);
  });

  it("runs a delayed job at its time, not before", async () => {
    const queue = newQueue();
    const ranAt: number[] = [];
    const job = defineJob({ name: name("delay"), schema: payload, handler: async () => void ranAt.push(Date.now()) });
    await queue.work([job]);
    const enqueuedAt = Date.now();
    await testDb.$transaction((tx) => queue.enqueue(tx, job, { n: 1 }, { startAfter: new Date(enqueuedAt + 3_000) }));
    await sleep(2_000);
    expect(ranAt).toEqual([]);
    await until(() => ranAt.length > 0, 10_000);
    expect(ranAt[0]! - enqueuedAt).toBeGreaterThanOrEqual(2_900);
    expect(ranAt[0]! - enqueuedAt).toBeLessThan(6_000);
  });
});

describe("job definitions", { timeout: 45_000 }, () => {
  it("accept lower-case names joined by dashes only", () => {
    expect(() => defineJob({ name: "notification-email", schema: payload, handler: async () => {} })).not.toThrow();
    expect(() => defineJob({ name: "Notification Email", schema: payload, handler: async () => {} })).toThrow();
  });

  it("derive one stable UUID per key", () => {
    expect(jobIdForKey("a", "k")).toBe(jobIdForKey("a", "k"));
    expect(jobIdForKey("a", "k")).not.toBe(jobIdForKey("b", "k"));
    expect(jobIdForKey("a", "k")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
