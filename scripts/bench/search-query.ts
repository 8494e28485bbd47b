/**
 * Part of `npm run bench:villages`: times the registration search's data layer in-process, one
 * caller at a time and 10 at once, over varied real terms, in both forms of its one statement:
 * searchVillages (the page: the office id as a parameter) and searchVillagesAs (the endpoint
 * GET /api/desa/cari: the user row re-read in the same statement). Run with
 * `--conditions=react-server` so the app's `server-only` modules load outside Next. Prints one
 * JSON line of figures.
 */
import { searchVillages } from "@/lib/features/villages/queries";
import { searchVillagesAs } from "@/lib/features/villages/search";
import { db } from "@/lib/server/db";
import { SEARCH_TERMS } from "./terms";

const ROUNDS = Number(process.env.BENCH_QUERY_ROUNDS ?? 30);
const CONCURRENCY = 10;

const admin = await db.user.findUniqueOrThrow({ where: { email: "admin.surakarta@demo.imigrasi.go.id" } });
const { id, name, email, role, officeId, kanwilId, desaBinaanId } = admin;
const user = { id, name, email, role, officeId, kanwilId, desaBinaanId };

const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(search: (q: string) => Promise<unknown>) {
  for (const q of SEARCH_TERMS) await search(q); // warm the pool and the caches

  // One caller at a time: the latency one person typing sees.
  const serial: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of SEARCH_TERMS) {
      const started = performance.now();
      await search(q);
      serial.push(performance.now() - started);
    }
  }
  serial.sort((a, b) => a - b);

  const times: number[] = [];
  let next = 0;
  const total = ROUNDS * SEARCH_TERMS.length;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const q = SEARCH_TERMS[next++ % SEARCH_TERMS.length]!;
        const started = performance.now();
        await search(q);
        times.push(performance.now() - started);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return {
    calls: times.length,
    p50: at(times, 50),
    p95: at(times, 95),
    p99: at(times, 99),
    serialP50: at(serial, 50),
    serialP95: at(serial, 95),
    serialP99: at(serial, 99),
  };
}

const version = (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).sessionVersion;
const page = await measure((q) => searchVillages(user, q));
const endpoint = await measure((q) => searchVillagesAs({ userId: user.id, sessionVersion: version }, q));
await db.$disconnect();
console.log(JSON.stringify({ page, endpoint }));
