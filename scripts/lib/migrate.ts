import { fail, seconds } from "./cli";
import { describeDatabase } from "./db-url";
import { run, type Env } from "./processes";

/**
 * `npm run db:deploy` (see package.json: the CLI with the wasm-timer preload) against one
 * database. Output is shown only on failure; applying nothing new is the common case.
 */
export async function applyMigrations(databaseUrl: string, env: Env = process.env): Promise<string> {
  const started = performance.now();
  const { code, output } = await run("npm", ["run", "-s", "db:deploy"], {
    env: { ...env, DATABASE_URL: databaseUrl },
    quiet: true,
  });
  if (code !== 0) {
    console.error(output.trim());
    fail(`Applying migrations to ${describeDatabase(databaseUrl)} failed (output above).`);
  }
  const result = /following migration\(s\) have been applied/.test(output) ? "applied new migrations" : "schema up to date";
  return `${result} (${seconds(started)})`;
}
