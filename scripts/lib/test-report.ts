import { existsSync, readFileSync } from "node:fs";

export type Counts = { passed: number; failed: number; skipped: number };

const ZERO: Counts = { passed: 0, failed: 0, skipped: 0 };

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

type VitestJson = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
};

/** Vitest's JSON reporter; a file that fails to load has no failed tests, so it counts as one. */
export function vitestCounts(file: string, exitCode: number): Counts {
  const report = readJson(file) as VitestJson | undefined;
  const counts = report
    ? {
        passed: report.numPassedTests,
        failed:
          report.numFailedTests +
          report.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"))
            .length,
        skipped: report.numPendingTests + report.numTodoTests,
      }
    : ZERO;
  return consistentWithExitCode(counts, exitCode);
}

type PlaywrightJson = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };

/** Playwright's JSON reporter; a test that passed on retry (flaky) counts as passed. */
export function playwrightCounts(file: string, exitCode: number): Counts {
  const report = readJson(file) as PlaywrightJson | undefined;
  const stats = report?.stats;
  const counts = stats
    ? { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }
    : ZERO;
  return consistentWithExitCode(counts, exitCode);
}

/**
 * A runner that fails outside any test (config error, web server that never came up,
 * unhandled rejection) must still show up as a failure in the totals CI counts.
 */
function consistentWithExitCode(counts: Counts, exitCode: number): Counts {
  return exitCode !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
}

export function sum(...all: Counts[]): Counts {
  return all.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }), ZERO);
}

/** The last line of `npm test`, parsed by CI: `N passed, N failed[, N skipped]`. */
export function summaryLine(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped > 0 ? `, ${c.skipped} skipped` : ""}`;
}
