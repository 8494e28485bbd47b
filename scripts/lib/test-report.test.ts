import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightCounts, summaryLine, vitestCounts } from "./test-report";

const dir = mkdtempSync(path.join(os.tmpdir(), "test-report-"));
function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, JSON.stringify(content));
  return p;
}

describe("vitestCounts", () => {
  it("counts a test file that failed to load as one failure", () => {
    const report = file("v.json", {
      numPassedTests: 3,
      numFailedTests: 0,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [{ status: "failed", assertionResults: [] }, { status: "passed", assertionResults: [{ status: "passed" }] }],
    });
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
