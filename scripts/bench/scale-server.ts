/**
 * What the national-scale benches (`npm run bench`, `bench:warnings`) share: the scale database,
 * the production server started on it as `npm start` does, and autocannon against it.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { databaseName, isLocalDatabaseUrl, withDatabase } from "../lib/db-url";

/** SCALE_DATABASE_URL, or the `<db>_scale` sibling of DATABASE_URL that `npm run seed:scale` makes. */
export function scaleUrl(): string {
  if (process.env.SCALE_DATABASE_URL) return process.env.SCALE_DATABASE_URL;
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("Set DATABASE_URL (its <db>_scale sibling is used) or SCALE_DATABASE_URL");
  return withDatabase(base, `${databaseName(base)}_scale`);
}

async function waitForServer(base: string, deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/bench/hello`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the server did not start in time");
}

/**
 * Starts the bench build (`NEXT_PUBLIC_BENCH_ROUTES=1 npx next build`) on the scale database, on
 * 127.0.0.1:`port`, in a process group of its own (`pid`: the group whose CPU a bench may count),
 * stopped by `stop()` or when this process exits; resolves once the hello page answers.
 */
export async function startScaleServer(port: number): Promise<{ base: string; dbUrl: string; pid: number; stop: () => void }> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `NEXT_PUBLIC_BENCH_ROUTES=1 npx next build` first");
  const dbUrl = scaleUrl();
  if (!isLocalDatabaseUrl(dbUrl)) throw new Error("the scale database must be local");
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-bench-only-secret-0123456789",
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
      // The scale database's shared logins have no second factor, like the demo's: without this,
      // every signed-in page answers with a redirect to /akun and the bench measures that (ADR 0016).
      DEMO_MODE: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  await waitForServer(base, Date.now() + 60_000);
  return { base, dbUrl, pid: server.pid ?? 0, stop };
}

/** One autocannon run of `url`; `onResponse` hears each response's latency in ms. */
export function autocannonRun(
  url: string,
  options: { connections: number; duration: number; cookie?: string; onResponse?: (ms: number) => void },
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.duration, headers: options.cookie ? { cookie: options.cookie } : {} },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    const { onResponse } = options;
    if (onResponse) instance.on("response", (_client, _status, _bytes, responseTime) => onResponse(responseTime));
  });
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU seconds (user and system) of every process whose /proc stat line passes `take`; with
 * `children`, also what its exited children used (a PostgreSQL backend that ends hands its time
 * to the postmaster: without it, the sum would fall when a pooled connection closes).
 */
function cpuSeconds(take: (comm: string, fields: string[]) => boolean, children = false): number {
  if (!existsSync("/proc/self/stat")) return NaN;
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp ... utime (14th field) stime (15th)"
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (take(comm, fields)) ticks += Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * CPU seconds used so far by every process of a process group (the server's: serve.mjs runs
 * detached). Unlike req/s, this barely moves when other work shares the machine: it is what a
 * request costs the server, not how long it waited for a core.
 */
export function groupCpuSeconds(group: number): number {
  return group ? cpuSeconds((_, fields) => Number(fields[2]) === group) : NaN;
}

/** CPU seconds used so far by every PostgreSQL process on this machine (a local database only). */
export function postgresCpuSeconds(): number {
  return cpuSeconds((comm) => comm === "postgres", true);
}

/** The held session whose named attendees are closest to `n`, and the admin of its office. */
export async function sessionWithAbout(url: string, n: number): Promise<{ id: string; attendees: number; admin: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; attendees: number; admin: string }>(
      `SELECT e.id::text, a.n::int AS attendees, u.email AS admin
       FROM (SELECT event_id, COUNT(*) AS n FROM attendee GROUP BY event_id) a
       JOIN event e ON e.id = a.event_id
       JOIN app_user u ON u.office_id = e.office_id AND u.role = 'OFFICE_ADMIN'
       ORDER BY abs(a.n - $1), e.id LIMIT 1`,
      [n],
    );
    if (!rows[0]) throw new Error("the scale database has no session with attendees: run `npm run seed:scale`");
    return rows[0];
  } finally {
    await client.end();
  }
}
