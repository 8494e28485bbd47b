import "server-only";
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

/** The current count without incrementing it (0 once the window has passed). */
export async function peekRateLimit(key: string, windowSeconds: number): Promise<RateLimitState> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.windowStart.getTime() + windowSeconds * 1000 <= Date.now()) {
    return { count: 0, resetAt: new Date() };
  }
  return { count: row.count, resetAt: new Date(row.windowStart.getTime() + windowSeconds * 1000) };
}

export async function resetRateLimit(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
