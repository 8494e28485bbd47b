/**
 * `npm run db:backup [-- --out <dir or file>]`: a consistent dump of the current database
 * (DATABASE_URL, or the embedded one, running or not) to backups/desa-binaan-<timestamp>.tar.gz.
 * See scripts/lib/backup.ts and the README's "Backup and restore".
 */
import "dotenv/config";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "./lib/backup";
import { fail, onShutdown, runMain } from "./lib/cli";
import { describeDatabase } from "./lib/db-url";
import { openDemoDb } from "./lib/embedded-db";

runMain(async () => {
  const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });
  const file = targetFile(values.out!);
  const url = process.env.DATABASE_URL ?? (await embedded());
  console.log(`▸ backing up ${describeDatabase(url)}`);
  const summary = await backupDatabase(url, file);
  console.log(
    `✔ ${path.relative(process.cwd(), summary.file) || summary.file}: ${summary.tables} tables, ` +
      `${summary.rows.toLocaleString("en")} rows, ${(summary.bytes / 1024 / 1024).toFixed(1)} MB in ${summary.seconds.toFixed(1)} s`,
  );
});

async function embedded(): Promise<string> {
  const db = await openDemoDb();
  onShutdown(db.stop);
  return db.url;
}

/** A directory gets a new timestamped file; anything else is the file itself (never overwritten). */
function targetFile(out: string): string {
  const isDir = out.endsWith("/") || (existsSync(out) && statSync(out).isDirectory()) || !/\.tar\.gz$|\.tgz$/.test(out);
  if (!isDir) {
    if (existsSync(out)) fail(`${out} exists already; a backup never overwrites one.`);
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    return path.resolve(out);
  }
  mkdirSync(out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.resolve(out, `desa-binaan-${stamp}Z.tar.gz`);
}
