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

/** Plain prose of the same size, rendered in the same run: the machines are noisy, ratios are not. */
function baselineMs(size: number): number {
  const started = performance.now();
  renderMarkdown(`${"kata ".repeat(size / 5)}${Math.random()}`);
  return performance.now() - started;
}

describe("renderMarkdown under hostile bodies", () => {
  for (const [name, body] of Object.entries(hostile)) {
    it(`renders ${name} about as fast as plain prose of its size`, () => {
      const input = body.slice(0, 50_000);
      const baseline = baselineMs(input.length);
      const started = performance.now();
      expect(() => renderMarkdown(input)).not.toThrow();
      // before the bounds: 6-48 s (or a stack overflow), 20-150 times the baseline
      // generous: a busy CI machine is slow in bursts; the regressions this catches cost seconds
      expect(performance.now() - started).toBeLessThan(20 * baseline + 1500);
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
