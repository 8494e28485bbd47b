/**
 * The session page with 1,000 named attendees, under load: autocannon, 10 connections, signed
 * in as the office's officer. p95 is computed from every response time; the office home page is
 * measured in the same run as a baseline, since this machine is noisy.
 *   BENCH_URL=http://127.0.0.1:3000 DATABASE_URL=... npm run bench:session-page
 */
import autocannon from "autocannon";
import { BASE_URL, benchDb, createBenchEvent, ms, percentile, signIn } from "./support";

const DURATION = Number(process.env.BENCH_SECONDS ?? 15);

async function measure(label: string, path: string, cookie: string) {
  const times: number[] = [];
  const non2xx = { n: 0 };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${BASE_URL}${path}`, connections: 10, duration: DURATION, headers: { cookie } }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status !== 200) non2xx.n++;
    });
  });
  times.sort((a, b) => a - b);
  console.log(
    `${label}: ${result.requests.total} requests, ${result.requests.average.toFixed(1)} req/s; ` +
      `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}; non-200 ${non2xx.n}`,
  );
  return percentile(times, 95);
}

const db = benchDb();
try {
  const event = await createBenchEvent(db);
  await db.attendee.createMany({
    data: Array.from({ length: 1000 }, (_, i) => ({
      eventId: event.id,
      name: `Peserta Halaman ${i}`,
      category: "WARGA" as const,
      source: "STAFF" as const,
      gender: i % 2 ? ("L" as const) : ("P" as const),
      institutionName: `Desa ${i % 30}`,
      dedupeKey: `peserta halaman ${i}|@desa ${i % 30}`,
    })),
  });
  const cookie = await signIn();
  await measure("warm-up       ", `/portal/kegiatan/${event.id}`, cookie).catch(() => 0);
  const base = await measure("office home   ", "/portal", cookie);
  const page = await measure("session page  ", `/portal/kegiatan/${event.id}`, cookie);
  console.log(`session page p95 / home p95 = ${(page / base).toFixed(2)}`);
  await db.event.delete({ where: { id: event.id } });
} finally {
  await db.$disconnect();
}
