/**
 * `npm run bench:warnings`: early warning at national scale (issue 16, ADR 0024).
 *
 * Needs a production build with the bench routes (`NEXT_PUBLIC_BENCH_ROUTES=1 npx next build`) and
 * the scale database with its 50,000 reports (`npm run seed:scale`). Starts the production server
 * as `npm start` does (scripts/serve.mjs) on BENCH_PORT (default 3300) against SCALE_DATABASE_URL
 * or the `<db>_scale` sibling of DATABASE_URL, signs in as the generator's office admin and
 * national account, and runs autocannon with 10 connections on:
 *   - the office queue /portal/deteksi (an office admin of the scale data),
 *   - the national SLA view /portal/deteksi/sla (ditjen), a month and a quarter sorted by overdue,
 *   - a Kanwil's SLA view,
 * and on the hello page (baseline, before and after, same run), each after BENCH_WARM_UP_SECONDS
 * (3) of load that is not counted. A target that answers 404 (a page not merged yet) is reported
 * as missing, not measured. Then times the SQL of the scores directly (the statement the pages
 * run, and the exact quarter median it does not run; ADR 0024). Goal: p95 < 150 ms.
 */
import "dotenv/config";
import pg from "pg";
import { autocannonRun, startScaleServer } from "./scale-server";
import { percentile, signIn } from "./support";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
/** autocannon on the bench server, CONNECTIONS at once. */
const run = (path: string, duration: number, cookie?: string, onResponse?: (ms: number) => void) =>
  autocannonRun(`${BASE}${path}`, { connections: CONNECTIONS, duration, cookie, onResponse });
const WARM_UP = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const PASSWORD = "demo12345";
const GOAL_MS = 150;




type Result = { name: string; rps: number; p50: number; p95: number; p99: number; requests: number; failed: number };


async function load(name: string, path: string, cookie?: string): Promise<Result> {
  if (WARM_UP > 0) await run(path, WARM_UP, cookie);
  const latencies: number[] = [];
  const result = await run(path, DURATION, cookie, (ms) => latencies.push(ms));
  latencies.sort((a, b) => a - b);
  return {
    name,
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** Median wall time of a statement over `runs` executions (after one not counted). */
async function timeSql(client: pg.Client, sql: string, params: unknown[], runs = 15): Promise<number> {
  await client.query(sql, params);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await client.query(sql, params);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function measureSql(url: string, quarter: { first: string; end: string }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const statements: [string, string, unknown[]][] = [
      [
        "monthly figures of a quarter, every office (warning_office_month)",
        `SELECT m.office_id, m.month, m.filed, m.responded, m.within_sla, m.median_minutes FROM warning_office_month m
         WHERE m.office_id IN (SELECT id FROM office) AND m.month >= $1::date AND m.month < $2::date`,
        [quarter.first, quarter.end],
      ],
      [
        "open and overdue counts, every office (partial index)",
        `SELECT w.office_id, w.kanwil_id, COUNT(*)::int, (COUNT(*) FILTER (WHERE w.first_response_at IS NULL AND w.due_at < now()))::int
         FROM warning_report w WHERE w.closed_at IS NULL GROUP BY 1, 2`,
        [],
      ],
      [
        "open and overdue counts, one office (partial index)",
        `SELECT COUNT(*)::int, (COUNT(*) FILTER (WHERE w.first_response_at IS NULL AND w.due_at < now()))::int
         FROM warning_report w WHERE w.closed_at IS NULL AND w.office_id = (SELECT id FROM office WHERE slug = 'skala-33-1')`,
        [],
      ],
      [
        "exact quarter medians per office and nationally (not used: ADR 0024)",
        `SELECT office_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - filed_at) / 60)
         FROM warning_report WHERE filed_month >= $1::date AND filed_month < $2::date AND first_response_at IS NOT NULL
         GROUP BY GROUPING SETS ((office_id), ())`,
        [quarter.first, quarter.end],
      ],
    ];
    console.log("\n| statement (scale database, one connection) | median ms |");
    console.log("|---|---:|");
    for (const [name, sql, params] of statements) console.log(`| ${name} | ${(await timeSql(client, sql, params)).toFixed(1)} |`);
  } finally {
    await client.end();
  }
}

async function main() {
  const server = await startScaleServer(PORT);
  const dbUrl = server.dbUrl;
  try {
    const national = await signIn("ditjen@scale.imigrasi.go.id", PASSWORD, BASE);
    const kanwil = await signIn("kanwil.33@scale.imigrasi.go.id", PASSWORD, BASE);
    const office = await signIn("admin.skala-33-1@scale.imigrasi.go.id", PASSWORD, BASE);
    const now = new Date(Date.now() + 7 * 3600_000);
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    const quarter = Math.ceil(month / 3);

    const candidates: [name: string, path: string, cookie: string][] = [
      ["office queue (office admin)", "/portal/deteksi", office],
      ["office queue, overdue only (office admin)", "/portal/deteksi?tanda=terlambat", office],
      ["national SLA view, this month (ditjen)", `/portal/deteksi/sla?period=month&year=${year}&month=${month}`, national],
      ["national SLA view, last quarter by overdue (ditjen)", `/portal/deteksi/sla?period=quarter&year=${quarter === 1 ? year - 1 : year}&quarter=${quarter === 1 ? 4 : quarter - 1}&urut=terlambat`, national],
      ["Kanwil SLA view, this month (Kanwil Jawa Tengah)", `/portal/deteksi/sla?period=month&year=${year}&month=${month}`, kanwil],
    ];
    const targets: typeof candidates = [];
    for (const c of candidates) {
      const res = await fetch(`${BASE}${c[1]}`, { headers: { cookie: c[2] }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status === 200) targets.push(c);
      else console.log(`not measured: ${c[0]} (${c[1]} answers ${res.status}; the page is not on this build)`);
    }
    if (WARM_UP > 0) for (const [, path, cookie] of [["", "/bench/hello", undefined] as const, ...targets]) await run(path, WARM_UP, cookie);
    const results: Result[] = [];
    results.push(await load("hello (baseline, before)", "/bench/hello"));
    for (const [name, path, cookie] of targets) results.push(await load(name, path, cookie));
    results.push(await load("hello (baseline, after)", "/bench/hello"));

    const baseline = (results[0]!.rps + results[results.length - 1]!.rps) / 2;
    const helloP95 = Math.max(results[0]!.p95, results[results.length - 1]!.p95);
    console.log(`\nautocannon, ${CONNECTIONS} connections, ${DURATION} s each after ${WARM_UP} s not counted, production build, scale database`);
    console.log("| target | req/s | throughput ratio to hello | p50 ms | p95 ms | p95 / hello p95 | p99 ms | requests | failed | p95 < 150 ms |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const r of results) {
      const goal = r.name.startsWith("hello") ? "" : r.p95 < GOAL_MS ? "yes" : "NO";
      console.log(`| ${r.name} | ${r.rps.toFixed(1)} | ${(r.rps / baseline).toFixed(2)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${(r.p95 / helloP95).toFixed(1)} | ${r.p99.toFixed(0)} | ${r.requests} | ${r.failed} | ${goal} |`);
    }
    const measured = results.filter((r) => !r.name.startsWith("hello"));
    const held = measured.every((r) => r.p95 < GOAL_MS && r.failed === 0);
    if (measured.length === 0) console.log("\nnothing measured but the baseline");
    else console.log(`\np95 < ${GOAL_MS} ms for every measured target: ${held ? "holds" : "DOES NOT HOLD"}${targets.length < candidates.length ? " (some targets not on this build)" : ""}`);

    const q = quarter === 1 ? { first: `${year - 1}-10-01`, end: `${year}-01-01` } : { first: `${year}-${String((quarter - 2) * 3 + 1).padStart(2, "0")}-01`, end: `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01` };
    await measureSql(dbUrl, q);
  } finally {
    server.stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
