import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPool } from "@/lib/db/create-client";
import { createJobQueue, defineJob } from "@/lib/server/jobs";
import { localTestDatabaseUrl } from "@/tests/support/test-db";
import { backupDatabase, restoreDatabase } from "./backup";
import { withDatabase } from "./db-url";
import { applyMigrations } from "./migrate";
import { seedDatabase } from "./seed";

/**
 * A round trip through `npm run db:backup` and `npm run db:restore` on databases of its own beside
 * the test database: the demo data and a stored file of random bytes go out and come back, every
 * table with the same rows (compared by a digest of every row's text, bytes included).
 */
const base = localTestDatabaseUrl();
const suffix = `${process.pid}_${randomBytes(3).toString("hex")}`;
const source = withDatabase(base, `backup_src_${suffix}`);
const target = withDatabase(base, `backup_dst_${suffix}`);
const work = mkdtempSync(path.join(os.tmpdir(), "backup-test-"));
const file = path.join(work, "backup.tar.gz");
const fileBytes = randomBytes(300_000);

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Per table: its row count and a digest of all its rows in a stable order. */
async function contents(url: string): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    url,
    "SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1",
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: string; digest: string | null }>(
      url,
      `SELECT count(*) AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS digest FROM "${name}" t`,
    );
    out[name] = `${row!.n} rows, ${row!.digest}`;
  }
  return out;
}

beforeAll(async () => {
  await query(base, `CREATE DATABASE "backup_src_${suffix}"`);
  await query(base, `CREATE DATABASE "backup_dst_${suffix}"`);
  await applyMigrations(source);
  await seedDatabase(source, { demo: true, prefix: "  [backup test] " });
  await query(
    source,
    `INSERT INTO stored_file (id, file_name, mime_type, byte_size, sha256, data)
     VALUES (gen_random_uuid(), 'acak.bin', 'application/octet-stream', $1, $2, $3)`,
    [fileBytes.length, createHash("sha256").update(fileBytes).digest("hex"), fileBytes],
  );
}, 240_000);

/** A job waiting in `url`'s queue (pg-boss's schema), as a running portal would leave it. */
async function queueJob(url: string): Promise<void> {
  const pool = createPool(url, 2);
  const queue = createJobQueue({ pool });
  const job = defineJob({ name: "test-backup", schema: z.object({}), handler: async () => {} });
  try {
    await queue.enqueue(null, job, {}, { startAfter: 3600 });
  } finally {
    await pool.end();
  }
}
const hasQueue = async (url: string) => (await query<{ s: string | null }>(url, "SELECT to_regnamespace('pgboss')::text AS s"))[0]!.s !== null;

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await query(base, `DROP DATABASE IF EXISTS "backup_src_${suffix}" WITH (FORCE)`);
  await query(base, `DROP DATABASE IF EXISTS "backup_dst_${suffix}" WITH (FORCE)`);
});

describe("backup and restore", () => {
  it("brings back every table's rows and every file's bytes into an empty database, without the job queue", async () => {
    await queueJob(source);
    const summary = await backupDatabase(source, file);
    expect(summary.tables).toBeGreaterThan(20);
    expect(summary.rows).toBeGreaterThan(83_762);

    const restored = await restoreDatabase(target, file);
    expect(restored.rows).toBe(summary.rows);
    expect(await contents(target)).toEqual(await contents(source));
    const [stored] = await query<{ data: Buffer }>(target, "SELECT data FROM stored_file WHERE file_name = 'acak.bin'");
    expect(Buffer.compare(stored!.data, fileBytes)).toBe(0);
    expect([await hasQueue(source), await hasQueue(target)]).toEqual([true, false]);
  }, 240_000);

  it("refuses a database that is not empty unless told to replace it", async () => {
    await expect(restoreDatabase(target, file)).rejects.toThrow(/is not empty .* --replace/);
    await query(target, "DELETE FROM stored_file WHERE file_name = 'acak.bin'");
    await queueJob(target);
    await restoreDatabase(target, file, { replace: true });
    expect(await contents(target)).toEqual(await contents(source));
    // the replaced database's waiting jobs went with it
    expect(await hasQueue(target)).toBe(false);
  }, 240_000);

  it("refuses a file that is not a backup, and changes nothing", async () => {
    const bogus = path.join(work, "bogus.tar.gz");
    writeFileSync(bogus, randomBytes(1000));
    const before = await contents(target);
    await expect(restoreDatabase(target, bogus, { replace: true })).rejects.toThrow(/not a backup of this portal/);
    expect(await contents(target)).toEqual(before);
  }, 60_000);
});
