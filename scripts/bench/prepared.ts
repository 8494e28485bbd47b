/**
 * `npm run bench:prepared`: what preparing each statement once per connection saves (ADR 0031),
 * as a same-run A/B. Needs the bench build (`NEXT_PUBLIC_BENCH_ROUTES=1 npx next build`) and the
 * scale database (`npm run seed:scale`), and a local PostgreSQL, whose processes' CPU it counts.
 *
 * The same build is started with DATABASE_PREPARED_STATEMENTS=0 (every statement unnamed) and =1
 * (the default) in turn, BENCH_ROUNDS times (3), on BENCH_PORT (3206). Each start then measures
 * two pages with autocannon, 10 connections for BENCH_SECONDS (10), each after
 * BENCH_WARM_UP_SECONDS (5) of load that is not counted: a session page with about 1,000 named
 * attendees (its office admin) and the empty signed-in page. For each page it prints req/s, the
 * server's CPU and PostgreSQL's CPU per request, and the ratio of prepared to unnamed for each.
 */
import "dotenv/config";
import { autocannonRun, groupCpuSeconds, postgresCpuSeconds, sessionWithAbout, startScaleServer } from "./scale-server";
import { signIn } from "./support";

const PORT = Number(process.env.BENCH_PORT ?? 3206);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP = Number(process.env.BENCH_WARM_UP_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PASSWORD = "demo12345";
const EMPTY_PAGE_ACCOUNT = "admin.skala-33-1@scale.imigrasi.go.id";

type Sample = { rps: number; serverMs: number; postgresMs: number; non2xx: number };
const MODES = { unnamed: "0", prepared: "1" } as const;
type Mode = keyof typeof MODES;

async function measure(path: string, cookie: string, group: number): Promise<Sample> {
  await autocannonRun(`${BASE}${path}`, { connections: 10, duration: WARM_UP, cookie });
  const [server, postgres] = [groupCpuSeconds(group), postgresCpuSeconds()];
  const result = await autocannonRun(`${BASE}${path}`, { connections: 10, duration: DURATION, cookie });
  const n = Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    serverMs: ((groupCpuSeconds(group) - server) * 1000) / n,
    postgresMs: ((postgresCpuSeconds() - postgres) * 1000) / n,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main() {
  const samples: Record<string, Record<Mode, Sample[]>> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of Object.keys(MODES) as Mode[]) {
      process.env.DATABASE_PREPARED_STATEMENTS = MODES[mode];
      const server = await startScaleServer(PORT);
      try {
        const big = await sessionWithAbout(server.dbUrl, 1000);
        const pages: [string, string, string][] = [
          [`session page, ${big.attendees} attendees`, `/portal/kegiatan/${big.id}`, await signIn(big.admin, PASSWORD, BASE)],
          ["signed-in page, no data", "/portal/bench/empty", await signIn(EMPTY_PAGE_ACCOUNT, PASSWORD, BASE)],
        ];
        for (const [name, path, cookie] of pages) {
          const sample = await measure(path, cookie, server.pid);
          ((samples[name] ??= { unnamed: [], prepared: [] })[mode]).push(sample);
          console.log(`round ${round + 1} ${mode}: ${name}: ${sample.rps.toFixed(1)} req/s, server ${sample.serverMs.toFixed(2)} ms, PostgreSQL ${sample.postgresMs.toFixed(2)} ms a request`);
        }
      } finally {
        server.stop();
        await new Promise((r) => setTimeout(r, 1500));
      }
    }
  }
  console.log(`\nautocannon, 10 connections, ${DURATION} s after ${WARM_UP} s not counted, ${ROUNDS} alternating rounds, production build, scale database`);
  console.log("| page | statements | req/s | server CPU ms/request | PostgreSQL CPU ms/request | non-2xx |");
  console.log("|---|---|---:|---:|---:|---:|");
  for (const [name, byMode] of Object.entries(samples)) {
    for (const mode of Object.keys(MODES) as Mode[]) {
      const s = byMode[mode];
      const list = (f: (x: Sample) => number) => s.map((x) => f(x).toFixed(2)).join(", ");
      console.log(`| ${name} | ${mode} | ${list((x) => x.rps)} | ${list((x) => x.serverMs)} | ${list((x) => x.postgresMs)} | ${s.reduce((n, x) => n + x.non2xx, 0)} |`);
    }
    const ratio = (f: (x: Sample) => number) => (mean(byMode.prepared.map(f)) / mean(byMode.unnamed.map(f))).toFixed(2);
    console.log(`| ${name} | prepared / unnamed | ${ratio((x) => x.rps)} | ${ratio((x) => x.serverMs)} | ${ratio((x) => x.postgresMs)} | |`);
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
