import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

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
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName?: string; failureMessages?: string[] }[];
  }[];
};

type VitestFile = VitestJson["testResults"][number];

/** A test file that failed with no failed test in it: it did not load, or a hook failed. */
const failedOutsideTests = (f: VitestFile) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed");

/** Vitest's JSON reporter; a file that fails to load has no failed tests, so it counts as one. */
export function vitestCounts(file: string, exitCode: number): Counts {
  const report = readJson(file) as VitestJson | undefined;
  const counts = report
    ? {
        passed: report.numPassedTests,
        failed: report.numFailedTests + report.testResults.filter(failedOutsideTests).length,
        skipped: report.numPendingTests + report.numTodoTests,
      }
    : ZERO;
  return consistentWithExitCode(counts, exitCode);
}

/**
 * The tests that failed, one line each (`file › test`), for the end of the run: CI keeps only the
 * tail of a long log, so the names must be there, not only a count. A file that failed to load is
 * named with the first line of its error.
 */
export function vitestFailures(file: string, root = process.cwd()): string[] {
  const report = readJson(file) as VitestJson | undefined;
  if (!report) return [];
  return report.testResults.flatMap((f) => {
    const name = relative(root, f.name);
    if (failedOutsideTests(f)) return [withReason(name, f.message || "failed outside any test")];
    return f.assertionResults
      .filter((a) => a.status === "failed")
      .map((a) => withReason(`${name} › ${a.fullName ?? "?"}`, a.failureMessages?.[0]));
  });
}

type PlaywrightSpec = {
  title: string;
  file: string;
  line: number;
  tests: { status: string; results?: { error?: { message?: string } }[] }[];
};
type PlaywrightSuite = { title: string; specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
type PlaywrightJson = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites?: PlaywrightSuite[];
};

/** Playwright's tests by outcome, one line each (`file:line › describe › test`): those that failed, and those that passed only on retry. */
export function playwrightOutcomes(file: string): { failed: string[]; flaky: string[] } {
  const report = readJson(file) as PlaywrightJson | undefined;
  const failed: string[] = [];
  const flaky: string[] = [];
  const walk = (suite: PlaywrightSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      const name = [`${spec.file}:${spec.line}`, ...titles, spec.title].join(" › ");
      for (const test of spec.tests) {
        if (test.status === "unexpected") failed.push(withReason(name, test.results?.at(-1)?.error?.message));
        else if (test.status === "flaky") flaky.push(name);
      }
    }
    // the top suites are the files, whose title is the file name already in `spec.file`
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const top of report?.suites ?? []) walk(top, []);
  return { failed, flaky };
}

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

function relative(root: string, file: string): string {
  return path.isAbsolute(file) ? path.relative(root, file) : file;
}

/** `name: the first line of the error`, without the terminal's colour codes. */
function withReason(name: string, error: string | undefined): string {
  const reason = (error ?? "").replace(/\u001b\[[0-9;]*m/g, "").trim().split("\n")[0]?.slice(0, 200);
  return reason ? `${name}: ${reason}` : name;
}
