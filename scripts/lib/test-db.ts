import pg from "pg";
import { fail, onShutdown } from "./cli";
import { assertDatabaseReachable } from "./db-check";
import { databaseName, describeDatabase, isLocalDatabaseUrl, testDatabaseUrl, withDatabase } from "./db-url";
import { startEmbeddedDb } from "./embedded-db";

export type TestDatabases = { vitest: string; e2e: string; kind: string };

/**
 * Two empty databases for one test run: `<db>_vitest` and `<db>_e2e` next to DATABASE_URL's
 * database on a local PostgreSQL, or in a throw-away embedded PostgreSQL when there is none.
 * Both ways are the same from here on: the embedded server is a real PostgreSQL.
 */
export async function createTestDatabases(baseUrl: string | undefined): Promise<TestDatabases> {
  if (!baseUrl) {
    // any free port: the usual one is for `npm start`
    const embedded = await startEmbeddedDb({ port: 0 });
    onShutdown(embedded.stop);
    const dbs = await createTestDatabases(embedded.url);
    return { ...dbs, kind: `embedded PostgreSQL 17 on port ${embedded.port} (no DATABASE_URL; deleted after the run)` };
  }
  assertLocalForTests(baseUrl);
  const urls = { vitest: testDatabaseUrl(baseUrl, "vitest"), e2e: testDatabaseUrl(baseUrl, "e2e") };
  const admin = await adminUrl(baseUrl);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    for (const url of Object.values(urls)) {
      const name = quoteIdent(databaseName(url));
      // FORCE: a previous run killed mid-way may still hold connections.
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await client.end();
  }
  return { ...urls, kind: `PostgreSQL ${describeDatabase(urls.vitest)}, ${databaseName(urls.e2e)}` };
}

export function assertLocalForTests(url: string): void {
  if (!isLocalDatabaseUrl(url)) {
    fail(
      `Refusing to run tests against ${describeDatabase(url)}: the tests drop and recreate databases, ` +
        "so DATABASE_URL must point at a local PostgreSQL (localhost, 127.0.0.1, ::1 or a unix socket). " +
        "Unset DATABASE_URL to use a throw-away embedded PostgreSQL instead.",
    );
  }
}

/** The maintenance database, since DATABASE_URL's own database need not exist (a clean CI machine). */
async function adminUrl(baseUrl: string): Promise<string> {
  const postgres = withDatabase(baseUrl, "postgres");
  try {
    await assertDatabaseReachable(postgres);
    return postgres;
  } catch (error) {
    if (!/does not exist/.test((error as Error).message)) throw error;
    const template1 = withDatabase(baseUrl, "template1");
    await assertDatabaseReachable(template1);
    return template1;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
