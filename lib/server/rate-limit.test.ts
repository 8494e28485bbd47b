import { describe, expect, it } from "vitest";
import { hitRateLimit, hitRateLimits, peekRateLimit, reserveAttempt, resetRateLimit } from "@/lib/server/rate-limit";
import { uniqueSuffix } from "@/lib/factories";

describe("rate limit in PostgreSQL", () => {
  it("counts concurrent hits exactly: none lost, none doubled", async () => {
    const key = `test:${uniqueSuffix()}`;
    const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(key, 60)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await peekRateLimit(key, 60)).count).toBe(40);
  });

  it("admits every concurrent attempt below the limit (an office's officers signing in at 08:00 behind one address)", async () => {
    // A statement that started first but got the row after a later one saw that one's
    // not_before (its own start time) in its future, and was refused with nothing over the limit.
    const policy = { windowSeconds: 600, max: 1000, free: 1000, baseDelaySeconds: 0, maxDelaySeconds: 0 };
    for (let round = 0; round < 5; round++) {
      const key = `test:${uniqueSuffix()}`;
      const replies = await Promise.all(Array.from({ length: 60 }, () => reserveAttempt(key, policy)));
      expect(replies.filter((r) => !r.admitted)).toEqual([]);
      expect((await peekRateLimit(key, 600)).count).toBe(60);
    }
  });

  it("starts a new window once the old one has passed, and resets on demand", async () => {
    const key = `test:${uniqueSuffix()}`;
    await hitRateLimit(key, 1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await peekRateLimit(key, 1)).count).toBe(0);
    expect((await hitRateLimit(key, 1)).count).toBe(1);
    await resetRateLimit(key);
    expect((await peekRateLimit(key, 60)).count).toBe(0);
  });

  it("hits several counters in one statement: exact under concurrency, each with its own window, no deadlock", async () => {
    const shared = `test:shared:${uniqueSuffix()}`;
    const other = `test:other:${uniqueSuffix()}`;
    // keys given in both orders by concurrent callers: locked in one order, so none deadlocks
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        hitRateLimits(i % 2 ? [{ key: shared, windowSeconds: 60 }, { key: other, windowSeconds: 600 }] : [{ key: other, windowSeconds: 600 }, { key: shared, windowSeconds: 60 }]),
      ),
    );
    expect(results.map((r) => r.get(shared)!.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((await peekRateLimit(other, 600)).count).toBe(30);
    const last = results.find((r) => r.get(other)!.count === 30)!;
    expect(last.get(other)!.resetAt.getTime() - last.get(shared)!.resetAt.getTime()).toBeGreaterThan(500_000);
  });
});
