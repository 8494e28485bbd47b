import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

export type RateLimitState = { count: number; resetAt: Date };

/**
 * Fixed-window counter kept in PostgreSQL, so every app instance behind a load balancer
 * shares it. One statement: concurrent hits serialise on the row, none is lost.
 */
export async function hitRateLimit(key: string, windowSeconds: number): Promise<RateLimitState> {
  const rows = await db.$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limit (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.window_start <= now() - make_interval(secs => ${windowSeconds})
                   THEN 1 ELSE rate_limit.count + 1 END,
      window_start = CASE WHEN rate_limit.window_start <= now() - make_interval(secs => ${windowSeconds})
                   THEN now() ELSE rate_limit.window_start END
    RETURNING count, window_start`;
  const row = rows[0]!;
  return { count: row.count, resetAt: new Date(row.window_start.getTime() + windowSeconds * 1000) };
}

/**
 * Several counters hit in ONE statement, for a hot path that checks more than one limit (the
 * public check-in: per session, per address, per device). Every caller in a village hall updates
 * the same session and address rows, so those rows are held one caller at a time: the statement
 * commits without waiting for the disk (synchronous_commit off for this transaction only; a crash
 * may forget the last few hits of a counter, never a person's check-in), which releases them in a
 * fraction of the time, and keys are locked in sorted order so concurrent callers cannot deadlock.
 */
export async function hitRateLimits(checks: { key: string; windowSeconds: number }[]): Promise<Map<string, RateLimitState>> {
  const sorted = [...checks].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const hits = sorted.map(
    (c, i) => Prisma.sql`${Prisma.raw(`h${i}`)} AS (
      INSERT INTO rate_limit AS r (key, window_start, count) SELECT ${c.key}, now(), 1 FROM s
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN r.window_start <= now() - make_interval(secs => ${c.windowSeconds}) THEN 1 ELSE r.count + 1 END,
        window_start = CASE WHEN r.window_start <= now() - make_interval(secs => ${c.windowSeconds}) THEN now() ELSE r.window_start END
      RETURNING r.key, r.count, r.window_start)`,
  );
  const rows = await db.$queryRaw<{ key: string; count: number; window_start: Date }[]>`
    WITH s AS (SELECT set_config('synchronous_commit', 'off', true)), ${Prisma.join(hits, ", ")}
    ${Prisma.join(
      sorted.map((_, i) => Prisma.sql`SELECT * FROM ${Prisma.raw(`h${i}`)}`),
      " UNION ALL ",
    )}`;
  const windows = new Map(checks.map((c) => [c.key, c.windowSeconds]));
  return new Map(rows.map((r) => [r.key, { count: r.count, resetAt: new Date(r.window_start.getTime() + windows.get(r.key)! * 1000) }]));
}

/** The current count without incrementing it (0 once the window has passed). */
export async function peekRateLimit(key: string, windowSeconds: number): Promise<RateLimitState> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.windowStart.getTime() + windowSeconds * 1000 <= Date.now()) {
    return { count: 0, resetAt: new Date() };
  }
  return { count: row.count, resetAt: new Date(row.windowStart.getTime() + windowSeconds * 1000) };
}

export type AttemptPolicy = {
  windowSeconds: number;
  /** Attempts admitted in a window; beyond it every attempt is refused until the window ends. */
  max: number;
  /** Attempts admitted without delay; from then on each admitted attempt pushes the next one back. */
  free: number;
  /** The first delay after the free attempts, doubled with every further one, capped at maxDelaySeconds. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
};

export type AttemptReply = { admitted: true; count: number } | { admitted: false; retryAfterSeconds: number };

/**
 * Check and count in ONE statement: the attempt is admitted (and counted) only if the window's
 * count is below `max` and the delay earned by earlier attempts has passed; otherwise the row is
 * left alone and nothing comes back. Concurrent attempts serialise on the row lock, so a burst of
 * a hundred admits exactly as many as the policy allows, however they interleave. The delay is
 * kept on the clock (`clock_timestamp()`), not the statement's start (`now()`), and the free
 * attempts do not look at it at all: a statement that started first but got the row after a later
 * one would otherwise see that one's `not_before` (rounded up to the millisecond) in its own future
 * and be refused with nothing over the limit.
 */
export async function reserveAttempt(key: string, policy: AttemptPolicy): Promise<AttemptReply> {
  const { windowSeconds, max, free, baseDelaySeconds, maxDelaySeconds } = policy;
  const rows = await db.$queryRaw<{ count: number }[]>`
    WITH p AS (SELECT make_interval(secs => ${windowSeconds}) AS win)
    INSERT INTO rate_limit AS r (key, window_start, count, not_before)
    VALUES (${key}, now(), 1, clock_timestamp() + CASE WHEN 1 < ${free}::int THEN interval '0'
      ELSE make_interval(secs => LEAST(${maxDelaySeconds}::float8, ${baseDelaySeconds}::float8 * power(2, 1 - ${free}::int))) END)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN r.window_start <= now() - (SELECT win FROM p) THEN 1 ELSE r.count + 1 END,
      window_start = CASE WHEN r.window_start <= now() - (SELECT win FROM p) THEN now() ELSE r.window_start END,
      not_before = clock_timestamp() + (
        SELECT CASE WHEN n < ${free}::int THEN interval '0'
          ELSE make_interval(secs => LEAST(${maxDelaySeconds}::float8, ${baseDelaySeconds}::float8 * power(2, n - ${free}::int))) END
        FROM (SELECT CASE WHEN r.window_start <= now() - (SELECT win FROM p) THEN 1 ELSE r.count + 1 END AS n) AS next)
    WHERE r.window_start <= now() - (SELECT win FROM p) OR (r.count < ${max}::int AND (r.count < ${free}::int OR r.not_before <= clock_timestamp()))
    RETURNING count`;
  if (rows[0]) return { admitted: true, count: rows[0].count };
  const row = await db.rateLimit.findUnique({ where: { key } });
  const windowEnd = row ? row.windowStart.getTime() + windowSeconds * 1000 : Date.now();
  const until = row && row.count >= max ? windowEnd : Math.min(windowEnd, row?.notBefore.getTime() ?? Date.now());
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)) };
}

/** Gives back one admitted attempt (e.g. a successful sign-in should not count against its address). */
export async function releaseAttempt(key: string): Promise<void> {
  await db.$executeRaw`UPDATE rate_limit SET count = GREATEST(count - 1, 0) WHERE key = ${key}`;
}

export async function resetRateLimit(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
