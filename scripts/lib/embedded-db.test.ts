import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EMBEDDED_ROOT, runningPostmaster, startEmbeddedDb } from "./embedded-db";

/**
 * The embedded default is a real PostgreSQL whose postmaster guards its data directory:
 * these tests start clusters of their own (in `.postgres/`, under unique names) and check what
 * `npm start` promises: one owner per folder, recovery after `kill -9`, a free port when the
 * usual one is taken, NOTIFY between connections.
 */
const names: string[] = [];
const uniqueName = () => {
  const name = `test-${process.pid}-${randomBytes(3).toString("hex")}`;
  names.push(name);
  return name;
};

const holders: number[] = [];

afterAll(() => {
  for (const pid of holders) if (alive(pid)) process.kill(pid, "SIGKILL");
  for (const name of names) {
    const running = runningPostmaster(path.join(EMBEDDED_ROOT, name));
    if (running) process.kill(running.pid, "SIGQUIT");
    rmSync(path.join(EMBEDDED_ROOT, name), { recursive: true, force: true });
    rmSync(path.join(EMBEDDED_ROOT, `${name}.password`), { force: true });
  }
});

async function scalar(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const results: pg.QueryResult | pg.QueryResult[] = await client.query(sql);
    const last = Array.isArray(results) ? results.at(-1)! : results;
    return Object.values(last.rows[0] ?? {})[0];
  } finally {
    await client.end();
  }
}

/** `npm start` as a separate process that holds the cluster until it is killed. */
function holder(name: string): Promise<{ pid: number; url: string }> {
  const script = `
    import { startEmbeddedDb } from "./scripts/lib/embedded-db.ts";
    const db = await startEmbeddedDb({ name: ${JSON.stringify(name)} });
    console.log("URL " + db.url);
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  holders.push(child.pid!);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      const match = /URL (\S+)/.exec(out);
      if (match) resolve({ pid: child.pid!, url: match[1]! });
    });
    child.once("exit", (code) => reject(new Error(`holder exited (${code}) before its database started`)));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntilDead(pid: number): Promise<void> {
  while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("the embedded PostgreSQL", () => {
  it("is a real PostgreSQL 17 with pg_trgm, several databases and NOTIFY between connections", async () => {
    const db = await startEmbeddedDb();
    try {
      expect(String(await scalar(db.url, "SHOW server_version"))).toMatch(/^17\./);
      await scalar(db.url, "CREATE EXTENSION pg_trgm");
      await scalar(db.url, "CREATE DATABASE second");
      const listener = new pg.Client(db.url);
      await listener.connect();
      await listener.query("LISTEN probe");
      const heard = new Promise<string | undefined>((resolve) => listener.once("notification", (n) => resolve(n.payload)));
      await scalar(db.url, "SELECT pg_notify('probe', 'hello')");
      expect(await heard).toBe("hello");
      await listener.end();
    } finally {
      await db.stop();
    }
    expect(runningPostmaster(db.dataDir)).toBeUndefined();
  }, 60_000);

  it("refuses a second start on a folder that is in use, and says so", async () => {
    const name = uniqueName();
    const first = await startEmbeddedDb({ name });
    try {
      await expect(startEmbeddedDb({ name })).rejects.toThrow(/already in use.*another `npm start`/);
      expect(await scalar(first.url, "SELECT 1")).toBe(1);
    } finally {
      await first.stop();
    }
  }, 60_000);

  it("keeps the data across restarts, and picks another port when its port is taken", async () => {
    const name = uniqueName();
    const first = await startEmbeddedDb({ name });
    await scalar(first.url, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    await first.stop();

    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(first.port, "127.0.0.1", resolve));
    try {
      const second = await startEmbeddedDb({ name, port: first.port });
      try {
        expect(second.port).not.toBe(first.port);
        expect(await scalar(second.url, "SELECT v FROM kept")).toBe(42);
      } finally {
        await second.stop();
      }
    } finally {
      squatter.close();
    }
  }, 60_000);

  it("recovers by itself after its `npm start` was killed with -9, and after everything was", async () => {
    const name = uniqueName();
    // Only the node process dies: its postmaster lives on, orphaned, and is taken over.
    const first = await holder(name);
    await scalar(first.url, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
    const orphan = runningPostmaster(path.join(EMBEDDED_ROOT, name))!;
    process.kill(first.pid, "SIGKILL");
    await waitUntilDead(first.pid);
    expect(alive(orphan.pid)).toBe(true);
    const second = await startEmbeddedDb({ name });
    expect(await scalar(second.url, "SELECT v FROM kept")).toBe(7);
    await second.stop();

    // Everything dies: the node process and the postmaster leave a stale postmaster.pid behind.
    const third = await holder(name);
    const postmaster = runningPostmaster(path.join(EMBEDDED_ROOT, name))!;
    process.kill(third.pid, "SIGKILL");
    process.kill(postmaster.pid, "SIGKILL");
    await waitUntilDead(third.pid);
    await waitUntilDead(postmaster.pid);
    const fourth = await startEmbeddedDb({ name });
    try {
      expect(await scalar(fourth.url, "SELECT v FROM kept")).toBe(7);
    } finally {
      await fourth.stop();
    }
  }, 120_000);
});
