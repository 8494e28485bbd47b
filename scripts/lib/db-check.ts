import pg from "pg";
import { fail } from "./cli";
import { databaseName, databaseUser, describeDatabase } from "./db-url";

const TIMEOUT_MS = 5000;

/**
 * Connects and runs `select 1`, turning every way that can fail into one sentence the
 * operator can act on. Prisma's own errors for these cases are pages of stack trace.
 */
export async function assertDatabaseReachable(url: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // a server that drops the connection later must not crash the script
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    fail(explainConnectionError(error, url, timeoutMs));
  } finally {
    await client.end().catch(() => {});
  }
}

export function explainConnectionError(error: unknown, url: string, timeoutMs = TIMEOUT_MS): string {
  const e = error as { code?: string; message?: string };
  const where = describeDatabase(url);
  switch (e.code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${where}: connection refused. Is the server running, and is DATABASE_URL right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach PostgreSQL at ${where}: unknown host. Check the host in DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused user "${databaseUser(url)}": ${firstLine(e.message)}. Check the user and password in DATABASE_URL.`;
    case "3D000":
      return `Database "${databaseName(url)}" does not exist on ${where.split("/")[0]}. Create it (createdb ${databaseName(url)}) or fix DATABASE_URL.`;
  }
  if (/timeout|timed out/i.test(e.message ?? "")) {
    return `No answer from PostgreSQL at ${where} within ${timeoutMs / 1000} s. Check the host and port in DATABASE_URL.`;
  }
  return `Cannot use the database at ${where}: ${firstLine(e.message)}`;
}

function firstLine(text = "unknown error"): string {
  return text.split("\n")[0]!.trim();
}
