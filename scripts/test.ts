/**
 * `npm test`: vitest (unit + integration), then Playwright (e2e against `next start`),
 * each on its own freshly migrated database. Ends with `N passed, N failed[, N skipped]`
 * for CI, and exits non-zero if anything failed.
 */
import "dotenv/config";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { onShutdown, reportError, runMain, seconds } from "./lib/cli";
import { freePort } from "./lib/embedded-db";
import { applyMigrations } from "./lib/migrate";
import { bin, run, type Env } from "./lib/processes";
import { seedDatabase } from "./lib/seed";
import { createTestDatabases, type TestDatabases } from "./lib/test-db";
import {
  playwrightCounts,
  playwrightOutcomes,
  sum,
  summaryLine,
  vitestCounts,
  vitestFailures,
  type Counts,
} from "./lib/test-report";

const log = (msg: string) => console.log(`▸ ${msg}`);
const E2E_PREFERRED_PORT = 3100;

runMain(async () => {
  const started = performance.now();
  const reports = mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
  onShutdown(() => rmSync(reports, { recursive: true, force: true }));

  let dbs: TestDatabases;
  try {
    dbs = await prepareDatabases();
  } catch (error) {
    // CI counts tests from the last line, so a run that never started must still end with one.
    reportError(error);
    console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
    return 1;
  }

  const vitestJson = path.join(reports, "vitest.json");
  const playwrightJson = path.join(reports, "playwright.json");
  const unit = await runVitest(dbs.vitest, vitestJson);
  const e2e = await runPlaywright(dbs.e2e, playwrightJson);
  const total = sum(unit, e2e);

  // The names at the end, next to the counts: CI shows only the tail of the log (.ci/run repeats these lines).
  const e2eOutcomes = playwrightOutcomes(playwrightJson);
  console.log("");
  nameFailures("vitest", unit, vitestFailures(vitestJson));
  nameFailures("playwright", e2e, e2eOutcomes.failed);
  for (const name of e2eOutcomes.flaky) console.log(`FLAKY (passed on retry): playwright ${name}`);
  console.log(`vitest: ${summaryLine(unit)}; playwright: ${summaryLine(e2e)} (${seconds(started)} in all)`);
  console.log(summaryLine(total));
  return total.failed > 0 ? 1 : 0;
});

/** One `FAILED:` line per failed test; a failure no test names (a runner that crashed) still gets one. */
function nameFailures(runner: string, counts: Counts, names: string[]): void {
  for (const name of names) console.log(`FAILED: ${runner} ${name}`);
  if (counts.failed > names.length) console.log(`FAILED: ${runner} failed outside any test named in its report (see its output above)`);
}

/** Fresh databases, migrated; regions in both, demo accounts and data in the e2e one. */
async function prepareDatabases(): Promise<TestDatabases> {
  const dbs = await createTestDatabases(process.env.DATABASE_URL);
  log(`test databases: ${dbs.kind}`);
  const [vitestMigrated, e2eMigrated] = await Promise.all([applyMigrations(dbs.vitest), applyMigrations(dbs.e2e)]);
  log(`migrations: vitest ${vitestMigrated}; e2e ${e2eMigrated}`);
  const [vitestSeeded, e2eSeeded] = await Promise.all([
    seedDatabase(dbs.vitest, { demo: false, prefix: "  [vitest db] " }),
    seedDatabase(dbs.e2e, { demo: true, prefix: "  [e2e db] " }),
  ]);
  log(`seed: vitest ${vitestSeeded}; e2e ${e2eSeeded}`);
  return dbs;
}

function baseEnv(): Env {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
}

async function runVitest(databaseUrl: string, jsonFile: string): Promise<Counts> {
  log("vitest (unit + integration)");
  const { code } = await run(
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${jsonFile}`],
    // tests/setup/global-setup.ts still refuses it unless it is local
    { env: { ...baseEnv(), DATABASE_URL: databaseUrl, TEST_DATABASE_PREPARED: "1" } },
  );
  return vitestCounts(jsonFile, code);
}

async function runPlaywright(databaseUrl: string, jsonFile: string): Promise<Counts> {
  // A port of our own: E2E_PORT if given (the server refuses it if it is taken), else a free one.
  const port = process.env.E2E_PORT ?? String(await freePort(E2E_PREFERRED_PORT));
  log(`playwright (e2e on port ${port}; builds the app first if the sources changed)`);
  const { code } = await run(bin("playwright"), ["test", "--reporter=list,json"], {
    env: { ...baseEnv(), E2E_DATABASE_URL: databaseUrl, E2E_PORT: port, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile },
  });
  return playwrightCounts(jsonFile, code);
}
