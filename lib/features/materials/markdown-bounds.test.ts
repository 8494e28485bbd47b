import { describe, expect, it } from "vitest";
import { boundMarkdown, renderMarkdown } from "@/lib/features/materials/markdown";

// Issue 14, item 4: an officer's preview of "*a" x 24,000 held the server 28-43 s, and ">" x
// 40,000 ended in "Maximum call stack size exceeded". Every body of the allowed size must
// render quickly, and never throw.
const hostile: Record<string, string> = {
  '"*a" x 24,000': "*a".repeat(24_000),
  '">" x 40,000': ">".repeat(40_000),
  '"*a_" x 16,000': "*a_".repeat(16_000),
  '"~a" x 24,000': "~a".repeat(24_000),
  '"**a" x 16,000': "**a".repeat(16_000),
  '"> - " x 12,000': "> - ".repeat(12_000),
  '"[a](" x 12,000': "[a](".repeat(12_000),
  '"![a](" x 10,000': "![a](".repeat(10_000),
  "2,000 nested list levels": Array.from({ length: 2_000 }, (_, i) => `${" ".repeat(i * 2)}- x`).join("\n"),
  '">" lines, each deeper': Array.from({ length: 300 }, (_, i) => `${">".repeat(i)} a`).join("\n"),
};

/**
 * Milliseconds of CPU this process spent in `work`: unlike the wall clock, it does not grow when
 * other processes (a build, the other suite) take the machine's cores in a burst.
 */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

/** Plain prose of the same size, rendered in the same run: the machines differ, ratios do not. */
function baselineMs(size: number): number {
  return cpuMs(() => renderMarkdown(`${"kata ".repeat(size / 5)}${Math.random()}`));
}

describe("renderMarkdown under hostile bodies", () => {
  for (const [name, body] of Object.entries(hostile)) {
    it(`renders ${name} about as fast as plain prose of its size`, () => {
      const input = body.slice(0, 50_000);
      const baseline = baselineMs(input.length);
      let spent = 0;
      expect(() => (spent = cpuMs(() => renderMarkdown(input)))).not.toThrow();
      // before the bounds: 6-48 s (or a stack overflow), 20-150 times the baseline; with them,
      // 3-6 times. CPU time, not the wall clock: a busy CI machine stalls this process in bursts.
      expect(spent).toBeLessThan(20 * baseline + 1500);
    });
  }

  it("leaves real texts as they were", () => {
    const text = "# Waspada\n\n> Kutipan **tebal** dan _miring_\n\n- satu\n  - dua\n\n```\nkode * _ ~ [\n```\n\n[tautan](https://imigrasi.go.id)";
    expect(boundMarkdown(text)).toBe(text);
    expect(renderMarkdown(text)).toContain("<strong>tebal</strong>");
  });

  it("keeps the text of the delimiters past the limit, as text", () => {
    const html = renderMarkdown("*a".repeat(2_000));
    expect(html.replace(/<[^>]+>/g, "").replace(/[*]/g, "").length).toBeGreaterThanOrEqual(2_000);
  });
});
