/**
 * Benchmarks of the public site on the production build (`npm run bench:public`):
 *  1. Lighthouse (mobile, the default form factor) on the home page, the library, a material
 *     page, the demo material with an audio recording, a village profile and its widget:
 *     performance, accessibility, best practices, SEO;
 *     and the JavaScript each of those pages sends, gzip, read from its HTML;
 *  2. first-load JavaScript per public App Router route, gzip, from .next/diagnostics/route-bundle-stats.json;
 *  3. requests per second of a material page against a static hello-world page
 *     (/bench-baseline), measured in the same run with autocannon.
 *
 * It starts the portal itself with `npm start` (scripts/start.ts: migrate, seed, build if stale)
 * on BENCH_PORT (3299), with DATABASE_URL from the environment or the embedded database; or
 * measures an already running production server at BENCH_URL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { bin, run, stopChild } from "../lib/processes";

const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking " +
  "--disable-component-update --disable-sync --no-first-run --disable-quic";
const GOALS = { performance: 95, accessibility: 100, bestPractices: 100, seo: 100, firstLoadKb: 160, rpsRatio: 0.8 };
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function startServer(): Promise<{ url: string; child?: ChildProcess }> {
  if (process.env.BENCH_URL) return { url: process.env.BENCH_URL.replace(/\/$/, "") };
  const port = process.env.BENCH_PORT ?? "3299";
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      // The benchmark never signs in; a real database in production mode still needs a secret.
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64"),
      PORT: port,
      HOSTNAME: "127.0.0.1",
      APP_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      // builds with the baseline page (/bench-baseline), which the product build does not have
      NEXT_PUBLIC_BENCH_ROUTES: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the portal did not start within 5 minutes")), 300_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (chunk.toString().includes("Portal ready at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}`)));
  });
  return { url, child };
}

async function firstLink(url: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(url)).text();
  const match = html.match(pattern);
  if (!match) throw new Error(`no link matching ${pattern} on ${url}`);
  return match[1]!;
}

type Scores = { performance: number; accessibility: number; bestPractices: number; seo: number };

async function lighthouse(url: string): Promise<Scores> {
  const { code, output } = await run(
    bin("lighthouse"),
    [url, "--output=json", "--output-path=stdout", "--quiet", `--chrome-flags=${CHROME_FLAGS}`],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, quiet: true },
  );
  const json = output.slice(output.indexOf("{"));
  if (code !== 0) throw new Error(`lighthouse failed on ${url}: ${output.slice(-500)}`);
  const report = JSON.parse(json) as { categories: Record<string, { score: number }> };
  const score = (k: string) => Math.round((report.categories[k]?.score ?? 0) * 100);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
  };
}

function firstLoadJs(): { route: string; kb: number }[] {
  const stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8")) as {
    route: string;
    firstLoadChunkPaths: string[];
  }[];
  // The Pages Router's material pages send none of their bundle (docs/decisions/0032): their
  // "JS sent" in the Lighthouse table says so, this list would not.
  const pagesRoutes = new Set(Object.keys(JSON.parse(readFileSync(".next/server/pages-manifest.json", "utf8")) as Record<string, string>));
  return stats
    // Public pages: app/(public)/[locale]/... and the Indonesian real routes of app/(public)/(id).
    .filter((s) => !pagesRoutes.has(s.route))
    .filter((s) => /^\/(\[locale\]|materi|desa)(\/|$)/.test(s.route) || s.route === "/bench-baseline")
    .map((s) => ({
      route: s.route,
      kb: s.firstLoadChunkPaths.reduce((sum, p) => sum + gzipSync(readFileSync(p), { level: 9 }).length, 0) / 1024,
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * The JavaScript a page makes the browser fetch and run, gzip: its <script src> files and its
 * inline scripts (the App Router's RSC payload among them), read from the served HTML. It tells
 * the reading pages, which send none (docs/decisions/0032), from the rest.
 */
async function javascriptSentKb(url: string, path: string): Promise<number> {
  const html = await (await fetch(`${url}${path}`)).text();
  const sources = new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!));
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  let bytes = inline ? gzipSync(inline, { level: 9 }).length : 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src.replaceAll("&amp;", "&"), url))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return bytes / 1024;
}

async function requestsPerSecond(url: string, duration = DURATION_S): Promise<{ rps: number; p99: number; non2xx: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}

async function main() {
  const { url, child } = await startServer();
  try {
    const materialPath = await firstLink(`${url}/materi`, /href="(\/materi\/(?!kategori|cari)[a-z0-9-]+)"/);
    const villagePath = await firstLink(`${url}/desa`, /href="(\/desa\/[\d.]+)"/);
    // The demo material with a recording (issue 18: >= 95 on a material page with audio) and the
    // village widget other sites frame.
    const pages = {
      home: "/",
      library: "/materi",
      material: materialPath,
      materialAudio: "/materi/bekerja-ke-luar-negeri-secara-prosedural",
      village: villagePath,
      widget: `${villagePath}/widget`,
    };
    // Warm the cache: the first request renders a page, later ones are served from the cache.
    for (const path of [...Object.values(pages), "/bench-baseline"]) {
      for (let i = 0; i < 2; i++) await fetch(`${url}${path}`);
    }

    console.log("\n== Lighthouse (mobile) ==");
    const lighthouseRows: (Scores & { page: string; path: string })[] = [];
    for (const [page, path] of Object.entries(pages)) {
      const scores = await lighthouse(`${url}${path}`);
      const js = await javascriptSentKb(url, path);
      lighthouseRows.push({ page, path, ...scores });
      console.log(
        `${page.padEnd(13)} ${path.padEnd(50)} perf ${scores.performance}  a11y ${scores.accessibility}  bp ${scores.bestPractices}  seo ${scores.seo}  JS sent ${js.toFixed(1)} KB`,
      );
    }

    console.log("\n== First-load JavaScript (gzip, from .next/diagnostics) ==");
    const js = firstLoadJs();
    for (const row of js) console.log(`${row.route.padEnd(40)} ${row.kb.toFixed(1)} KB`);

    console.log(`\n== Requests per second (autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s each) ==`);
    // The machine is shared and noisy: alternate baseline and material page, compare within each
    // round, and take the median ratio.
    await requestsPerSecond(`${url}/bench-baseline`, 2);
    await requestsPerSecond(`${url}${materialPath}`, 2);
    const rounds: { baseline: number; material: number; ratio: number; p99: number; non2xx: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const baseline = await requestsPerSecond(`${url}/bench-baseline`);
      const material = await requestsPerSecond(`${url}${materialPath}`);
      rounds.push({ baseline: baseline.rps, material: material.rps, ratio: material.rps / baseline.rps, p99: material.p99, non2xx: material.non2xx });
      console.log(
        `round ${i + 1}: hello-world ${baseline.rps.toFixed(0)} req/s (p99 ${baseline.p99} ms), material ${material.rps.toFixed(0)} req/s (p99 ${material.p99} ms): ${(100 * material.rps / baseline.rps).toFixed(0)}%`,
      );
    }
    const ratio = [...rounds].map((r) => r.ratio).sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!;
    const material = { non2xx: rounds.reduce((n, r) => n + r.non2xx, 0) };
    console.log(`median ratio: ${(ratio * 100).toFixed(0)}% of the baseline (goal ≥ ${GOALS.rpsRatio * 100}%)`);

    const failures = [
      ...lighthouseRows.flatMap((r) => [
        r.performance < GOALS.performance ? `${r.page}: performance ${r.performance}` : null,
        r.accessibility < GOALS.accessibility ? `${r.page}: accessibility ${r.accessibility}` : null,
        r.bestPractices < GOALS.bestPractices ? `${r.page}: best practices ${r.bestPractices}` : null,
        r.seo < GOALS.seo ? `${r.page}: SEO ${r.seo}` : null,
      ]),
      ...js.map((r) => (r.kb > GOALS.firstLoadKb ? `${r.route}: ${r.kb.toFixed(1)} KB first-load JS` : null)),
      ratio < GOALS.rpsRatio ? `material page at ${(ratio * 100).toFixed(0)}% of the baseline` : null,
      material.non2xx > 0 ? `material page answered ${material.non2xx} non-2xx` : null,
    ].filter(Boolean);
    console.log(failures.length ? `\nBelow goal: ${failures.join("; ")}` : "\nAll goals met.");
    process.exitCode = failures.length ? 1 : 0;
  } finally {
    if (child) await stopChild(child, 15_000);
  }
}

void main();
