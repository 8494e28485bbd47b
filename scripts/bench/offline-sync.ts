/**
 * The offline attendance queue's upload (ADR 0019): 2,000 records taken offline (1,900 named
 * attendees, 100 count entries) sent as the page sends them, 200 per request one after another,
 * then all of them again (a phone that lost the answers): the time of each, and whether exactly
 * the 2,000 are stored. The same 1,900 named rows as one file import is the baseline of the same
 * run (the portal's other bulk path).
 *   BENCH_URL=http://127.0.0.1:3000 DATABASE_URL=... npm run bench:offline-sync
 */
import { OFFLINE_BATCH_SIZE } from "@/lib/features/events/schemas";
import { BASE_URL, benchDb, createBenchEvent, signIn } from "./support";

const N = Number(process.env.BENCH_N ?? 2000);
const COUNTS = Math.round(N / 20);

const takenAt = new Date(Date.now() - 3_600_000).toISOString();
const records = Array.from({ length: N }, (_, i) =>
  i < N - COUNTS
    ? { clientId: crypto.randomUUID(), kind: "attendee", takenAt, data: { name: `Peserta Luring ${i}`, category: "WARGA", institutionName: "PKK" } }
    : { clientId: crypto.randomUUID(), kind: "counts", takenAt, data: { category: "KEPALA_DESA", male: 1, female: 0, unknown: 0 } },
);

async function upload(cookie: string, eventId: string) {
  const started = performance.now();
  const statuses = new Map<string, number>();
  for (let i = 0; i < records.length; i += OFFLINE_BATCH_SIZE) {
    const res = await fetch(`${BASE_URL}/api/kegiatan/${eventId}/sinkron`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", cookie, origin: BASE_URL },
      body: JSON.stringify({ records: records.slice(i, i + OFFLINE_BATCH_SIZE) }),
    });
    if (!res.ok) throw new Error(`sync answered ${res.status}: ${await res.text()}`);
    for (const r of ((await res.json()) as { results: { status: string }[] }).results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  }
  return { seconds: (performance.now() - started) / 1000, statuses: Object.fromEntries(statuses) };
}

async function importFile(cookie: string, eventId: string) {
  const csv = ["nama,kategori,desa_instansi", ...Array.from({ length: N - COUNTS }, (_, i) => `Peserta Impor ${i},WARGA,PKK`)].join("\n");
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), "peserta.csv");
  const started = performance.now();
  const res = await fetch(`${BASE_URL}/api/kegiatan/${eventId}/impor?commit=1`, { method: "POST", headers: { cookie }, body: form });
  await res.arrayBuffer();
  return { seconds: (performance.now() - started) / 1000, status: res.status };
}

const db = benchDb();
try {
  const cookie = await signIn();
  const event = await createBenchEvent(db);
  const baselineEvent = await createBenchEvent(db);
  const baseline = await importFile(cookie, baselineEvent.id);
  const first = await upload(cookie, event.id);
  const again = await upload(cookie, event.id);
  const rows = await db.attendee.count({ where: { eventId: event.id } });
  const counted = await db.attendanceCount.findUnique({ where: { eventId_category: { eventId: event.id, category: "KEPALA_DESA" } } });
  console.log(`baseline, import of ${N - COUNTS} rows as one file: ${baseline.seconds.toFixed(2)} s (HTTP ${baseline.status})`);
  console.log(`sync of ${N} queued records in ${Math.ceil(N / OFFLINE_BATCH_SIZE)} requests: ${first.seconds.toFixed(2)} s (${((first.seconds * 1000) / N).toFixed(2)} ms per record, ${(first.seconds / baseline.seconds).toFixed(2)}x the import); ${JSON.stringify(first.statuses)}`);
  console.log(`the same ${N} again: ${again.seconds.toFixed(2)} s; ${JSON.stringify(again.statuses)}`);
  const ok = rows === N - COUNTS && counted?.male === COUNTS && again.statuses.duplicate === N;
  console.log(`stored: ${rows} attendees, ${counted?.male ?? 0} counted (expected ${N - COUNTS} and ${COUNTS}): ${ok ? "OK" : "FAILED"}`);
  await db.event.deleteMany({ where: { id: { in: [event.id, baselineEvent.id] } } });
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.$disconnect();
}
