import pg from "pg";
import { fail, onShutdown } from "./cli";
import { assertDatabaseReachable } from "./db-check";
import { databaseName, describeDatabase, isLocalDatabaseUrl, testDatabaseUrl, withDatabase } from "./db-url";
import { startEmbeddedDb } from "./embedded-db";

/** `inProcess`: both are PGlite instances sharing this process's one thread. */
export type TestDatabases = { vitest: string; e2e: string; kind: string; inProcess: boolean };

/**
 * Two empty databases for one test run: `<db>_vitest` and `<db>_e2e` next to DATABASE_URL's
 * database on a local PostgreSQL, or two in-memory PGlite instances when there is none.
 */
export async function createTestDatabases(baseUrl: string | undefined): Promise<TestDatabases> {
  if (!baseUrl) return embeddedTestDatabases();
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
  return { ...urls, kind: `PostgreSQL ${describeDatabase(urls.vitest)}, ${databaseName(urls.e2e)}`, inProcess: false };
}

export function assertLocalForTests(url: string): void {
  if (!isLocalDatabaseUrl(url)) {
    fail(
      `Refusing to run tests against ${describeDatabase(url)}: the tests drop and recreate databases, ` +
        "so DATABASE_URL must point at a local PostgreSQL (localhost, 127.0.0.1, ::1 or a unix socket). " +
        "Unset DATABASE_URL to use the embedded PGlite instead.",
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

async function embeddedTestDatabases(): Promise<TestDatabases> {
  // One at a time: each takes its port before the next looks for one.
  const vitest = await startEmbeddedDb({ port: 0 });
  onShutdown(vitest.stop);
  const e2e = await startEmbeddedDb({ port: 0 });
  onShutdown(e2e.stop);
  return { vitest: vitest.url, e2e: e2e.url, kind: "embedded PGlite (in memory, no DATABASE_URL)", inProcess: true };
}
