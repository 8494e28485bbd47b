import { describe, expect, it } from "vitest";
import { hitRateLimit, peekRateLimit, resetRateLimit } from "@/lib/server/rate-limit";
import { uniqueSuffix } from "@/lib/factories";

describe("rate limit in PostgreSQL", () => {
  it("counts concurrent hits exactly: none lost, none doubled", async () => {
    const key = `test:${uniqueSuffix()}`;
    const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(key, 60)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await peekRateLimit(key, 60)).count).toBe(40);
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
});
