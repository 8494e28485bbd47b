import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightCounts, playwrightOutcomes, summaryLine, vitestCounts, vitestFailures } from "./test-report";

const dir = mkdtempSync(path.join(os.tmpdir(), "test-report-"));
function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, JSON.stringify(content));
  return p;
}

/** A Vitest JSON report: its files, and the counts it states (none unless given). */
function vitestReport(name: string, testResults: object[], counts: { passed?: number; failed?: number; pending?: number } = {}): string {
  return file(name, {
    numPassedTests: counts.passed ?? 0,
    numFailedTests: counts.failed ?? 0,
    numPendingTests: counts.pending ?? 0,
    numTodoTests: 0,
    testResults,
  });
}

describe("vitestCounts", () => {
  it("counts a test file that failed to load as one failure", () => {
    const report = vitestReport(
      "v.json",
      [{ status: "failed", assertionResults: [] }, { status: "passed", assertionResults: [{ status: "passed" }] }],
      { passed: 3, pending: 1 },
    );
    expect(vitestCounts(report, 1)).toEqual({ passed: 3, failed: 1, skipped: 1 });
  });

  it("reports a runner that crashed before writing results as a failure", () => {
    expect(vitestCounts(path.join(dir, "missing.json"), 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});

describe("playwrightCounts", () => {
  it("counts a test that passed on retry as passed", () => {
    const report = file("p.json", { stats: { expected: 4, unexpected: 1, flaky: 1, skipped: 2 } });
    expect(playwrightCounts(report, 1)).toEqual({ passed: 5, failed: 1, skipped: 2 });
  });
});

describe("summaryLine", () => {
  it("is what CI parses", () => {
    expect(summaryLine({ passed: 7, failed: 0, skipped: 0 })).toBe("7 passed, 0 failed");
    expect(summaryLine({ passed: 7, failed: 1, skipped: 2 })).toBe("7 passed, 1 failed, 2 skipped");
  });
});

describe("the names of what failed", () => {
  it("names vitest's failed tests with their first error line, and a file that failed to load", () => {
    const report = vitestReport(
      "vf.json",
      [
        {
          name: "/repo/lib/a.test.ts",
          status: "failed",
          assertionResults: [
            { status: "passed", fullName: "a works" },
            { status: "failed", fullName: "a breaks", failureMessages: ["\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at x"] },
          ],
        },
        { name: "/repo/lib/b.test.ts", status: "failed", message: "Cannot find module './gone'\nstack", assertionResults: [] },
        { name: "/repo/lib/c.test.ts", status: "passed", assertionResults: [{ status: "passed", fullName: "c" }] },
      ],
      { passed: 1, failed: 1 },
    );
    expect(vitestFailures(report, "/repo")).toEqual([
      "lib/a.test.ts › a breaks: AssertionError: expected 1 to be 2",
      "lib/b.test.ts: Cannot find module './gone'",
    ]);
    expect(vitestFailures(path.join(dir, "missing.json"))).toEqual([]);
  });

  it("names Playwright's failed and flaky tests with file, line and describe titles", () => {
    const spec = (title: string, line: number, status: string, message?: string) => ({
      title,
      file: "e2e/a.spec.ts",
      line,
      tests: [{ status, results: [{ error: message ? { message } : undefined }] }],
    });
    const report = file("pf.json", {
      stats: { expected: 1, unexpected: 1, flaky: 1, skipped: 0 },
      suites: [
        {
          title: "e2e/a.spec.ts",
          specs: [spec("top", 3, "expected")],
          suites: [
            {
              title: "on a phone",
              specs: [spec("taps", 10, "unexpected", "Error: expect(locator).toBeVisible() failed\n\nLocator: x"), spec("scrolls", 20, "flaky")],
            },
          ],
        },
      ],
    });
    expect(playwrightOutcomes(report)).toEqual({
      failed: ["e2e/a.spec.ts:10 › on a phone › taps: Error: expect(locator).toBeVisible() failed"],
      flaky: ["e2e/a.spec.ts:20 › on a phone › scrolls"],
    });
  });
});
