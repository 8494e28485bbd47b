/**
 * `npm run db:restore -- <file> [--replace]`: loads a backup made by `npm run db:backup` into
 * the current database (DATABASE_URL, or the embedded one), which must be empty unless
 * --replace. See scripts/lib/backup.ts and the README's "Backup and restore".
 */
import "dotenv/config";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { restoreDatabase } from "./lib/backup";
import { fail, onShutdown, runMain } from "./lib/cli";
import { describeDatabase } from "./lib/db-url";
import { openDemoDb } from "./lib/embedded-db";

runMain(async () => {
  const { values, positionals } = parseArgs({ options: { replace: { type: "boolean", default: false } }, allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) fail("Usage: npm run db:restore -- <backup file> [--replace]");
  if (!existsSync(file)) fail(`No such file: ${file}`);
  const url = process.env.DATABASE_URL ?? (await embedded());
  console.log(`▸ restoring ${file} into ${describeDatabase(url)}${values.replace ? " (replacing everything in it)" : ""}`);
  const summary = await restoreDatabase(url, file, { replace: values.replace });
  console.log(`✔ restored ${summary.tables} tables, ${summary.rows.toLocaleString("en")} rows in ${summary.seconds.toFixed(1)} s`);
});

async function embedded(): Promise<string> {
  const db = await openDemoDb();
  if (db.running) fail("`npm start` is serving the embedded database: stop it first, then restore, then start it again.");
  onShutdown(db.stop);
  return db.url;
}
