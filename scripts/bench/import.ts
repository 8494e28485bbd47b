/**
 * Import of 10,000 attendees through the same route the browser uses: the preview, then the
 * all-or-nothing commit. Reports the time of each and checks the rows landed.
 *   BENCH_URL=http://127.0.0.1:3000 DATABASE_URL=... npm run bench:import
 */
import { BASE_URL, benchDb, createBenchEvent, signIn } from "./support";

const N = Number(process.env.BENCH_N ?? 10_000);
const categories = ["Warga", "CPMI", "Kepala Desa", "Perangkat Desa", "Kader", "Pelajar"];

const lines = ["nama,kategori,jabatan,desa_instansi,jenis_kelamin,telepon,persetujuan"];
for (let i = 0; i < N; i++) {
  const phone = i % 3 === 0 ? `0813${String(10000000 + i).slice(1)}` : "";
  lines.push(`Peserta Impor ${i},${categories[i % categories.length]},,Desa ${i % 40},${i % 2 ? "L" : "P"},${phone},${phone ? "ya" : ""}`);
}
const csv = lines.join("\n");

async function post(cookie: string, eventId: string, commit: boolean) {
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), "peserta.csv");
  const t0 = performance.now();
  const res = await fetch(`${BASE_URL}/api/kegiatan/${eventId}/impor${commit ? "?commit=1" : ""}`, { method: "POST", headers: { cookie }, body: form });
  const body = (await res.json()) as Record<string, unknown>;
  return { ms: performance.now() - t0, status: res.status, body };
}

const db = benchDb();
try {
  const cookie = await signIn();
  const event = await createBenchEvent(db);
  console.log(`file: ${N} rows, ${(csv.length / 1024).toFixed(0)} KB`);
  const preview = await post(cookie, event.id, false);
  console.log(`preview: ${preview.status} in ${(preview.ms / 1000).toFixed(2)} s (valid ${String(preview.body.valid)}, issues ${String(preview.body.issueCount)})`);
  const commit = await post(cookie, event.id, true);
  console.log(`commit:  ${commit.status} in ${(commit.ms / 1000).toFixed(2)} s (${JSON.stringify(commit.body)})`);
  const stored = await db.attendee.count({ where: { eventId: event.id } });
  console.log(`stored: ${stored} of ${N}`);
  await db.event.delete({ where: { id: event.id } });
  process.exitCode = stored === N ? 0 : 1;
} finally {
  await db.$disconnect();
}
