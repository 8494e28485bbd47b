/**
 * 200 concurrent public check-ins to one session, then the same 200 forms again (a phone retrying
 * after a timeout, the name retyped: the form's client id makes it the same check-in, ADR 0019):
 * none lost, none duplicated. Reports throughput and p95 latency.
 *   BENCH_URL=http://127.0.0.1:3000 DATABASE_URL=... npm run bench:check-in
 */
import { BASE_URL, benchDb, createBenchEvent, ms, percentile } from "./support";

const N = Number(process.env.BENCH_N ?? 200);

const clientIds = Array.from({ length: N }, () => crypto.randomUUID());

async function wave(code: string, label: string, retyped = false) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const t0 = performance.now();
      const res = await fetch(`${BASE_URL}/api/hadir/${code}`, {
        method: "POST",
        headers: {
          accept: "application/json",
          "content-type": "application/x-www-form-urlencoded",
          // 200 phones behind one address (a village hall): each with its own device cookie, as
          // opening the check-in page gives it
          cookie: `hadir_perangkat=${`bench${String(i).padStart(4, "0")}`.padEnd(22, "0")}`,
        },
        body: new URLSearchParams({
          // the retry is the same form (same client id) with the name typed differently
          name: retyped ? `peserta  uji ${i} (ulang)` : `Peserta Uji ${i}`,
          clientId: clientIds[i]!,
          category: "WARGA",
          origin: "Desa Cemeng",
          phone: `08121${String(1000000 + i).slice(1)}`,
          consent: "on",
        }),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `${label}: ${N} requests in ${seconds.toFixed(2)} s = ${(N / seconds).toFixed(0)} req/s; ` +
      `p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(latencies.at(-1)!)}; ` +
      `statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  return statuses;
}

const db = benchDb();
try {
  const event = await createBenchEvent(db, undefined, { checkInOpen: true });
  const first = await wave(event.checkInCode, "first wave ");
  const retry = await wave(event.checkInCode, "retry wave ", true);
  const rows = await db.attendee.count({ where: { eventId: event.id } });
  const distinct = (await db.attendee.groupBy({ by: ["dedupeKey"], where: { eventId: event.id } })).length;
  console.log(`attendees stored: ${rows} (distinct people ${distinct}, expected ${N})`);
  const ok = rows === N && distinct === N && first.get(201) === N && retry.get(200) === N;
  console.log(ok ? "OK: none lost, none duplicated" : "FAILED");
  await db.event.delete({ where: { id: event.id } });
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.$disconnect();
}
