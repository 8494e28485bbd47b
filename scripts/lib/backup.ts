import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import * as tar from "tar";
import { z } from "zod";
import { fail } from "./cli";
import { describeDatabase } from "./db-url";
import { applyMigrations } from "./migrate";

/**
 * `npm run db:backup` and `npm run db:restore`: a logical dump of the portal's database, made
 * with PostgreSQL's own COPY in its binary format inside one REPEATABLE READ snapshot, so the
 * file is consistent while the portal keeps writing. The schema is not dumped: it is the
 * committed migrations, which the dump names with their checksums, and a restore rebuilds it
 * with them before it loads the rows (docs/decisions/0015 says why not pg_dump).
 *
 * The file is a gzipped tar that anyone can open: manifest.json, then one `<table>.copy` each.
 *
 * Only the public schema: the job queue lives in pg-boss's schema (lib/server/jobs.ts) and is
 * left out on purpose (docs/decisions/0022); features keep their deadlines in their own tables.
 */
const JOB_QUEUE_SCHEMA = "pgboss";

const FORMAT = "portal-desa-binaan-backup";
const MIGRATIONS_DIR = path.resolve("prisma/migrations");

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  serverVersion: z.string(),
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
      columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1),
      rows: z.number().int().nonnegative(),
      file: z.string().regex(/^[a-z_][a-z0-9_]*\.copy$/),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), value: z.string().nullable() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

export type BackupSummary = { file: string; bytes: number; tables: number; rows: number; seconds: number };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The ordinary tables of the public schema, with the columns COPY may write (no generated ones). */
async function tablesOf(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    GROUP BY c.relname
    ORDER BY c.relname`);
  return rows;
}

export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupSummary> {
  const started = performance.now();
  const work = mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "db-backup" });
  await client.connect();
  try {
    // One snapshot for every table: the rows agree with each other, whatever commits meanwhile.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const serverVersion = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    const tables = await tablesOf(client);
    if (!tables.some((t) => t.name === "_prisma_migrations")) {
      fail(`${describeDatabase(databaseUrl)} has no portal schema (no _prisma_migrations table): nothing to back up.`);
    }
    const migrations = (
      await client.query<{ name: string; checksum: string }>(
        "SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
      )
    ).rows;
    const sequences = (
      await client.query<{ name: string; value: string | null }>(
        "SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
      )
    ).rows;
    const manifestTables: Manifest["tables"] = [];
    for (const table of tables) {
      const target = `${table.name}.copy`;
      const columns = table.columns.map(ident).join(", ");
      const source = client.query(copyTo(`COPY ${ident(table.name)} (${columns}) TO STDOUT (FORMAT binary)`));
      await pipeline(source, createWriteStream(path.join(work, target)));
      const rows = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table.name)}`)).rows[0]!.n);
      manifestTables.push({ name: table.name, columns: table.columns, rows, file: target });
    }
    await client.query("COMMIT");
    const manifest: Manifest = { format: FORMAT, version: 1, createdAt: new Date().toISOString(), serverVersion, migrations, tables: manifestTables, sequences };
    writeFileSync(path.join(work, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await tar.c({ gzip: true, file, cwd: work, portable: true }, ["manifest.json", ...manifestTables.map((t) => t.file)]);
    return {
      file,
      bytes: statSync(file).size,
      tables: manifestTables.length,
      rows: manifestTables.reduce((n, t) => n + t.rows, 0),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
}

export type RestoreSummary = { tables: number; rows: number; seconds: number };

/**
 * Loads a backup into `databaseUrl`, which must be empty (no table with a row) unless `replace`:
 * then everything in its public schema is dropped first. The schema is rebuilt with this
 * checkout's migrations, which must be exactly the backup's (same names, same checksums); the
 * rows go in within one transaction, with the tables' own triggers off (the summaries they keep
 * are in the backup as they were), and their counts are checked against the manifest.
 */
export async function restoreDatabase(databaseUrl: string, file: string, options: { replace?: boolean } = {}): Promise<RestoreSummary> {
  const started = performance.now();
  const work = mkdtempSync(path.join(os.tmpdir(), "portal-restore-"));
  try {
    try {
      await tar.x({ file, cwd: work, strict: true });
    } catch (error) {
      fail(`${file} is not a backup of this portal (${(error as Error).message}).`);
    }
    const manifest = readManifest(work, file);
    assertSameMigrations(manifest);

    const client = new pg.Client({ connectionString: databaseUrl, application_name: "db-restore" });
    await client.connect();
    try {
      const filled = await tablesWithRows(client);
      if (filled.length > 0 && !options.replace) {
        fail(
          `${describeDatabase(databaseUrl)} is not empty (${filled.length} tables have rows, e.g. ${filled.slice(0, 3).join(", ")}): ` +
            "a restore would mix two databases. Restore into an empty database, or add --replace to drop everything in it first.",
        );
      }
      if (options.replace) await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      // The job queue (pg-boss's own schema) is not in a backup (docs/decisions/0022): the jobs of
      // the database being replaced would act on rows that are no longer there. The first server
      // instance to start creates the schema again, empty.
      await client.query(`DROP SCHEMA IF EXISTS ${JOB_QUEUE_SCHEMA} CASCADE`);
    } finally {
      await client.end();
    }

    await applyMigrations(databaseUrl);
    const rows = await loadRows(databaseUrl, work, manifest);
    return { tables: manifest.tables.length, rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function readManifest(dir: string, file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
  } catch {
    fail(`${file} has no readable manifest.json: it is not a backup of this portal.`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) fail(`${file} is not a backup this version can read (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}).`);
  return parsed.data;
}

/** This checkout's migrations, with the checksum Prisma records (sha256 of the file). */
export function repositoryMigrations(): { name: string; checksum: string }[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      name: d.name,
      checksum: createHash("sha256").update(readFileSync(path.join(MIGRATIONS_DIR, d.name, "migration.sql"))).digest("hex"),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function assertSameMigrations(manifest: Manifest): void {
  const ours = repositoryMigrations();
  const key = (m: { name: string; checksum: string }) => `${m.name}:${m.checksum}`;
  if (ours.map(key).join("\n") === manifest.migrations.map(key).join("\n")) return;
  const theirs = manifest.migrations.at(-1)?.name ?? "none";
  fail(
    `The backup was made at migration ${theirs}, this checkout is at ${ours.at(-1)?.name ?? "none"}: ` +
      "restore it with the release that made it (same migrations), then upgrade that release as usual.",
  );
}

async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const filled: string[] = [];
  for (const { name } of await tablesOf(client)) {
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(name)}) AS any`);
    if (rows[0]!.any) filled.push(name);
  }
  return filled;
}

async function loadRows(databaseUrl: string, dir: string, manifest: Manifest): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "db-restore" });
  await client.connect();
  try {
    const existing = new Map((await tablesOf(client)).map((t) => [t.name, new Set(t.columns)]));
    for (const table of manifest.tables) {
      const columns = existing.get(table.name);
      const missing = table.columns.filter((c) => !columns?.has(c));
      if (!columns || missing.length > 0) fail(`The rebuilt schema has no ${columns ? `column ${missing.join(", ")} in ` : ""}table ${table.name}.`);
    }
    const order = await parentsFirst(client, manifest.tables.map((t) => t.name));
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    await client.query("BEGIN");
    for (const name of order) await client.query(`ALTER TABLE ${ident(name)} DISABLE TRIGGER USER`);
    // The migrations just recorded themselves; the backup's own record of them replaces that.
    await client.query(`TRUNCATE ${order.map(ident).join(", ")}`);
    let total = 0;
    for (const name of order) {
      const table = byName.get(name)!;
      const sink = client.query(copyFrom(`COPY ${ident(name)} (${table.columns.map(ident).join(", ")}) FROM STDIN (FORMAT binary)`));
      await pipeline(createReadStream(path.join(dir, table.file)), sink);
      const count = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(name)}`)).rows[0]!.n);
      if (count !== table.rows) fail(`Table ${name}: ${count} rows loaded, the backup has ${table.rows}. Nothing was restored.`);
      total += count;
    }
    for (const name of order) await client.query(`ALTER TABLE ${ident(name)} ENABLE TRIGGER USER`);
    for (const sequence of manifest.sequences) {
      if (sequence.value !== null) await client.query("SELECT setval($1::regclass, $2::bigint)", [ident(sequence.name), sequence.value]);
    }
    await client.query("COMMIT");
    return total;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Tables in an order where every foreign key's target is loaded before the rows that point to it. */
async function parentsFirst(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    SELECT c.relname AS child, p.relname AS parent
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_class p ON p.oid = k.confrelid
    WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`);
  const waiting = new Map(tables.map((t) => [t, new Set(rows.filter((r) => r.child === t && tables.includes(r.parent)).map((r) => r.parent))]));
  const order: string[] = [];
  while (waiting.size > 0) {
    const ready = [...waiting].filter(([, parents]) => parents.size === 0).map(([t]) => t).sort();
    if (ready.length === 0) fail(`Foreign keys form a cycle among ${[...waiting.keys()].join(", ")}.`);
    for (const t of ready) {
      order.push(t);
      waiting.delete(t);
      for (const parents of waiting.values()) parents.delete(t);
    }
  }
  return order;
}
