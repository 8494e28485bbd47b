import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localTestDatabaseUrl } from "@/tests/support/test-db";
import { withDatabase } from "./lib/db-url";

/** `npm run admin:create` on a database with nothing in it, as on a first day in production. */
const base = localTestDatabaseUrl();
const name = `admin_create_${randomBytes(4).toString("hex")}`;
const url = withDatabase(base, name);

async function sql(target: string, text: string, values: unknown[] = []) {
  const client = new pg.Client(target);
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

function adminCreate(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", "admin:create", "--", ...args], {
      env: { ...process.env, DATABASE_URL: url, APP_URL: "https://portal.contoh.go.id" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

beforeAll(() => sql(base, `CREATE DATABASE "${name}"`));
afterAll(() => sql(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

describe("npm run admin:create", () => {
  it("migrates an empty database, creates the first national admin and prints a one-time link; again, a fresh link", async () => {
    const first = await adminCreate("--email", "Kepala@Imigrasi.go.id", "--name", "Kepala Data");
    expect(first.code).toBe(0);
    const link = /https:\/\/portal\.contoh\.go\.id\/atur-sandi\/([A-Za-z0-9_-]{43})/.exec(first.output);
    expect(link).not.toBeNull();
    const users = await sql(url, "SELECT email, role, password_hash FROM app_user");
    expect(users).toEqual([{ email: "kepala@imigrasi.go.id", role: "NATIONAL_ADMIN", password_hash: null }]);

    const again = await adminCreate("--email", "kepala@imigrasi.go.id", "--name", "Kepala Data");
    expect(again.code).toBe(0);
    expect(again.output).toContain("already invited");
    expect(await sql(url, "SELECT count(*)::int AS n FROM app_user")).toEqual([{ n: 1 }]);
    // only the newest link works
    expect(await sql(url, "SELECT count(*)::int AS n FROM account_token WHERE used_at IS NULL")).toEqual([{ n: 1 }]);
  }, 120_000);

  it("says how to use it when an argument is missing or wrong, and changes nothing", async () => {
    const bad = await adminCreate("--email", "bukan-email");
    expect(bad.code).toBe(1);
    expect(bad.output).toContain("Usage: npm run admin:create");
  }, 60_000);
});
