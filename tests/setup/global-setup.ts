import type { TestProject } from "vitest/node";
import { assertDatabaseReachable } from "../../scripts/lib/db-check";
import { describeDatabase, isLocalDatabaseUrl } from "../../scripts/lib/db-url";

/**
 * Runs once before any test file, however vitest was started. Integration tests write to
 * the database and may wipe tables, so a database on another host is refused outright.
 */
export default async function globalSetup(project: TestProject): Promise<void> {
  const url = project.config.env.DATABASE_URL;
  if (!url) {
    console.warn("vitest: no DATABASE_URL; tests that need the database will fail (run `npm test`).");
    return;
  }
  if (!isLocalDatabaseUrl(url)) {
    throw new Error(
      `Refusing to run tests against ${describeDatabase(url)}: DATABASE_URL must point at a local PostgreSQL ` +
        "(localhost, 127.0.0.1, ::1 or a unix socket).",
    );
  }
  if (process.env.TEST_DATABASE_PREPARED === "1") return;
  try {
    await assertDatabaseReachable(url, 3000);
    console.log(`vitest: using ${describeDatabase(url)}`);
  } catch (error) {
    console.warn(`vitest: ${(error as Error).message} Run \`npm test\` once to create it.`);
  }
}
