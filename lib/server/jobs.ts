import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import PgBoss from "pg-boss";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Background jobs on PostgreSQL (pg-boss, docs/decisions/0022): email, deadlines, reminders.
 * Jobs live in the database's `pgboss` schema, which pg-boss creates and upgrades itself; every
 * instance works the same queue and `SELECT ... FOR UPDATE SKIP LOCKED` hands each job to one of
 * them. Nothing waits in process memory: a job is a row, written in the caller's transaction, so
 * it exists exactly when the change that asked for it committed.
 *
 * A job may run more than once (its instance dies mid-way; it is retried after an error or after
 * `expireInSeconds`), so a handler must be idempotent: it re-reads the state it acts on and
 * records what it did under a unique key (the notification's dedupe key, its emailed_at).
 *
 * Features define jobs with `defineJob` beside their code; lib/server/job-registry.ts lists them
 * for the workers. Enqueue with `enqueue(tx, job, payload, { startAfter, key })`.
 */

/** Queue names: `<feature>-<what>`, lower case (pg-boss names them in SQL and partitions). */
const JOB_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Jobs one worker fetches at once; it fetches again at once while batches come back full. */
const BATCH = 5;
/** The schema pg-boss owns; not part of the portal's migrations nor of db:backup (ADR 0022). */
export const JOB_SCHEMA = "pgboss";

export type JobContext = {
  /** pg-boss's id of this job (the same on every attempt). */
  jobId: string;
  /** 0 on the first attempt, then 1, 2, ... */
  attempt: number;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  /** The payload, checked when enqueued and again when run (a job may outlive a release). */
  schema: S;
  handler: (payload: z.output<S>, context: JobContext) => Promise<void>;
  /** Attempts after the first (default 5), spaced by retryDelaySeconds (default 30) doubling each time. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** An attempt running longer is taken as dead and retried (default 300). */
  expireInSeconds?: number;
  /** Run periodically as well: a cron expression in WIB (Asia/Jakarta), with an empty payload. */
  cron?: string;
  /** Jobs of this queue one instance runs at once (default 1). */
  concurrency?: number;
};

/** Declares a job; its handler runs in whichever instance fetches it. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  if (!JOB_NAME.test(definition.name)) throw new Error(`job name "${definition.name}" must be lower-case words joined by "-"`);
  return definition;
}

export type EnqueueOptions = {
  /** When to run: a moment, or seconds from now (from the enqueuing transaction's start). */
  startAfter?: Date | number;
  /**
   * At most one job of this definition per key while it waits, runs or was done less than
   * 12 hours ago (pg-boss archives finished jobs then): a second enqueue with the key is a no-op
   * and returns null. E.g. `sla-warning:<report id>`.
   */
  key?: string;
};

/** Where an enqueue writes: the caller's Prisma transaction (or client), so the job commits with it. */
export type JobTx = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/** One process's handle on the queue: enqueue, work, stop. The app has one (`jobQueue()`); tests make their own. */
export type JobQueue = {
  enqueue<S extends z.ZodType>(tx: JobTx | null, job: JobDefinition<S>, payload: z.input<S>, options?: EnqueueOptions): Promise<string | null>;
  /** Starts working these queues in this process (and schedules their cron runs). */
  work(jobs: readonly JobDefinition[]): Promise<void>;
  /** Stops fetching, waits up to `timeoutMs` for running jobs, hands back the rest for retry. */
  stop(timeoutMs?: number): Promise<void>;
  /** pg-boss itself, for tests and maintenance scripts. */
  boss: PgBoss;
};

export type JobQueueOptions = {
  /** Connections to share (the app's pool), so the queue opens none of its own. */
  pool: pg.Pool;
  /** Run pg-boss's maintenance (expire dead attempts, archive, schedules). Workers do; enqueue-only processes need not. */
  supervise?: boolean;
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  onError?: (error: Error) => void;
};

function retrySettings(job: JobDefinition) {
  return {
    retryLimit: job.retryLimit ?? 5,
    retryDelay: job.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: job.expireInSeconds ?? 300,
  };
}

/**
 * Instances starting together create the same queue at the same moment (a row, a partition
 * table): PostgreSQL then picks one of them as a deadlock victim or reports a duplicate. Both are
 * "someone else just did it": try again after a short random pause.
 */
async function retryOnRace<T>(run: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= attempts || !(code === "40P01" || code === "23505" || code === "42P07")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250 * attempt));
    }
  }
}

/** A pg-boss `Db` over a Prisma transaction: its statements join the caller's. */
function transactionDb(tx: JobTx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      // JSON payloads go as text; Prisma would otherwise guess a type for the object
      const args = (values ?? []).map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v));
      return { rows: await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...args) };
    },
  };
}

/** A stable job id for (job, key): the primary key is what makes a second enqueue a no-op. */
export function jobIdForKey(name: string, key: string): string {
  const hex = createHash("sha256").update(`${name}\u0000${key}`).digest("hex").slice(0, 32).split("");
  hex[12] = "8"; // UUID version 8: custom
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16); // RFC 4122 variant
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function createJobQueue(options: JobQueueOptions): JobQueue {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => options.pool.query(text, values) },
    schema: JOB_SCHEMA,
    supervise: options.supervise ?? false,
    schedule: options.supervise ?? false,
    migrate: true,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  // pg-boss reports failed polls and maintenance as events; unheard, "error" would end the process.
  boss.on("error", (error) => (options.onError ?? logJobError)(error));

  let started: Promise<unknown> | undefined;
  const start = () => (started ??= boss.start());
  const queues = new Map<string, Promise<void>>();

  /** The queue's row and partition, created once (pg-boss drops a job sent to a queue that does not exist). */
  const ensureQueue = (job: JobDefinition) => {
    let ready = queues.get(job.name);
    if (!ready) {
      const settings = retrySettings(job);
      ready = (async () => {
        await start();
        await retryOnRace(async () => {
          await boss.createQueue(job.name, { name: job.name, ...settings });
          // a queue made by an earlier release keeps its settings unless told
          await boss.updateQueue(job.name, { name: job.name, ...settings });
        });
      })();
      ready.catch(() => queues.delete(job.name));
      queues.set(job.name, ready);
    }
    return ready;
  };

  return {
    boss,
    async enqueue(tx, job, payload, enqueueOptions = {}) {
      const data = job.schema.parse(payload) as object;
      await ensureQueue(job);
      const { startAfter, key } = enqueueOptions;
      return boss.send(job.name, data, {
        // the definition's, on each job: a queue row made by an earlier release may differ
        ...retrySettings(job),
        ...(startAfter === undefined ? {} : { startAfter: typeof startAfter === "number" ? Math.max(1, Math.ceil(startAfter)) : startAfter }),
        ...(key === undefined ? {} : { id: jobIdForKey(job.name, key) }),
        ...(tx ? { db: transactionDb(tx) } : {}),
      });
    },
    async work(jobs) {
      for (const job of jobs) {
        await ensureQueue(job);
        await retryOnRace(() => (job.cron ? boss.schedule(job.name, job.cron, {}, { tz: "Asia/Jakarta" }) : boss.unschedule(job.name)));
        for (let i = 0; i < (job.concurrency ?? 1); i++) {
          // set once work() answers; a batch fetched before then just waits for the next poll
          const worker: { id?: string } = {};
          worker.id = await boss.work<object>(job.name, { batchSize: BATCH, includeMetadata: true }, async (runs) => {
            // Each job of the batch succeeds or fails on its own: pg-boss then completes the
            // batch's jobs that are still active, i.e. those that did not fail here.
            for (const run of runs) {
              try {
                await job.handler(job.schema.parse(run.data), { jobId: run.id, attempt: run.retryCount });
              } catch (error) {
                logJobError(Object.assign(new Error((error as Error).message), { queue: job.name }));
                await boss.fail(job.name, run.id, { message: (error as Error).message });
              }
            }
            // A full batch means more may be waiting: fetch again now rather than after the polling interval.
            if (runs.length === BATCH && worker.id) boss.notifyWorker(worker.id);
          });
        }
      }
    },
    async stop(timeoutMs = 10_000) {
      if (!started) return;
      await boss.stop({ graceful: true, timeout: timeoutMs, close: false, wait: true });
    },
  };
}

/** A failed poll or attempt, without the payload (it may name a record; never a person's data). */
function logJobError(error: Error & { queue?: string }): void {
  console.error(`jobs: ${error.queue ? `${error.queue}: ` : ""}${error.message}`);
}

// ─── The app's queue: one per process, on the app's pool ───

const globalForJobs = globalThis as unknown as { jobQueue?: JobQueue; jobWorkers?: Promise<void> };

/**
 * This process's queue, on lib/server/db.ts's pool: created on first use for enqueueing, or by
 * startJobWorkers (then it also runs pg-boss's maintenance: expiring dead attempts, archiving,
 * cron schedules).
 */
export async function jobQueue(options: { supervise?: boolean } = {}): Promise<JobQueue> {
  if (!globalForJobs.jobQueue) {
    const { pool } = await import("@/lib/server/db");
    globalForJobs.jobQueue = createJobQueue({ pool, supervise: options.supervise ?? false });
  }
  return globalForJobs.jobQueue;
}

/**
 * Enqueues `job` inside `tx` (the caller's Prisma transaction): it exists only if that commits.
 * Returns the job's id, or null when `key` named a job that already exists.
 */
export async function enqueue<S extends z.ZodType>(tx: JobTx, job: JobDefinition<S>, payload: z.input<S>, options?: EnqueueOptions): Promise<string | null> {
  return (await jobQueue()).enqueue(tx, job, payload, options);
}

/**
 * Starts this instance's workers for every registered job (instrumentation.ts, once per server
 * process, first thing, so the process's queue is the supervising one) and stops them on
 * SIGTERM/SIGINT: no new job is fetched, a running one gets a few seconds, and one still running
 * when the process ends is retried by another instance once it expires.
 */
export function startJobWorkers(jobs: readonly JobDefinition[]): Promise<void> {
  globalForJobs.jobWorkers ??= (async () => {
    const queue = await jobQueue({ supervise: true });
    await queue.work(jobs);
    const stop = () => void queue.stop(8_000).catch(logJobError);
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  })();
  return globalForJobs.jobWorkers;
}
