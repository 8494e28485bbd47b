/**
 * `npm run seed:scale`: a national-scale database for benchmarks, beside the development one.
 * All regions, a Kanwil per province, 125 offices with work areas, 2,000 desa binaan, 20,000
 * sessions over 2023-2026 (mostly held), 1,000,000 attendees skewed per session.
 *
 * Target: SCALE_DATABASE_URL, or the `<db>_scale` sibling of DATABASE_URL. It must be local; it is
 * dropped and recreated on every run. Rows are made inside PostgreSQL (generate_series, unnest),
 * with a fixed random seed, so two runs give the same spread.
 *
 * Sign-in (password demo12345): ditjen@scale.imigrasi.go.id, kanwil.<province code>@scale...,
 * admin.<office slug>@scale.imigrasi.go.id — printed at the end.
 */
import "dotenv/config";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedRegions } from "@/lib/seed";
import { databaseName, describeDatabase, isLocalDatabaseUrl, withDatabase } from "./lib/db-url";

const OFFICES = 125;
const VILLAGES_PER_OFFICE = 16; // 2,000 in all
const SESSIONS = 20_000;
const ATTENDEES = 1_000_000;
export const SCALE_PASSWORD = "demo12345";

function targetUrl(): string {
  if (process.env.SCALE_DATABASE_URL) return process.env.SCALE_DATABASE_URL;
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("Set DATABASE_URL (its <db>_scale sibling is used) or SCALE_DATABASE_URL");
  return withDatabase(base, `${databaseName(base)}_scale`);
}

const started = performance.now();
const log = (msg: string) => console.log(`seed:scale ${((performance.now() - started) / 1000).toFixed(1)}s ${msg}`);

async function recreate(url: string) {
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  const name = databaseName(url).replace(/"/g, '""');
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

async function main() {
  const url = targetUrl();
  if (!isLocalDatabaseUrl(url)) throw new Error(`Refusing ${describeDatabase(url)}: the scale database must be local`);
  log(`recreating ${describeDatabase(url)}`);
  await recreate(url);
  execFileSync("npm", ["run", "-s", "db:deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
  log("migrated");
  const prisma = createPrismaClient(url, { max: 2 });
  await seedRegions(prisma);
  await prisma.$disconnect();
  log("regions seeded");

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  try {
    await q("SELECT setseed(0.42)");
    // Bulk load without the per-row triggers (so desa_binaan.village_name is written here); the
    // summaries are rebuilt in one statement each below.
    await q("SET session_replication_role = replica");
    await q("BEGIN");

    await q(`INSERT INTO kanwil (id, province_code, name)
      SELECT gen_random_uuid(), code, 'Kanwil Ditjen Imigrasi ' || name FROM province`);

    // Offices per province in proportion to its regencies (at least one), 125 in all.
    const { rows: provinces } = await q(`SELECT p.code, p.name, COUNT(r.code)::int AS regencies
      FROM province p JOIN regency r ON r.province_code = p.code GROUP BY p.code, p.name ORDER BY p.code`);
    const totalRegencies = provinces.reduce((n, p) => n + p.regencies, 0);
    const quota = provinces.map((p) => Math.max(1, Math.floor(((OFFICES - provinces.length) * p.regencies) / totalRegencies) + 1));
    for (let i = 0; quota.reduce((a, b) => a + b, 0) < OFFICES; i = (i + 1) % provinces.length) {
      if (quota[i]! < provinces[i]!.regencies) quota[i]!++;
    }
    const office = { slug: [] as string[], name: [] as string[], cls: [] as string[], province: [] as string[] };
    const classes = ["KELAS_I_TPI", "KELAS_I_NON_TPI", "KELAS_II_TPI", "KELAS_II_NON_TPI"];
    provinces.forEach((p, i) => {
      for (let k = 1; k <= quota[i]!; k++) {
        office.slug.push(`skala-${p.code}-${k}`);
        office.name.push(`Kantor Imigrasi Skala ${p.name} ${k}`);
        office.cls.push(classes[(i + k) % 4]!);
        office.province.push(p.code);
      }
    });
    await q(
      `INSERT INTO office (id, slug, name, office_class, kanwil_id, province_code, head_name, updated_at)
       SELECT gen_random_uuid(), s, n, c::office_class, k.id, p, 'Kepala ' || n, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(s, n, c, p) JOIN kanwil k ON k.province_code = t.p`,
      [office.slug, office.name, office.cls, office.province],
    );
    // Work areas: a province's regencies dealt round-robin to its offices.
    await q(`INSERT INTO office_regency (office_id, regency_code)
      SELECT o.id, r.code FROM (
        SELECT code, province_code, row_number() OVER (PARTITION BY province_code ORDER BY code) AS rn FROM regency
      ) r JOIN (
        SELECT id, province_code, row_number() OVER (PARTITION BY province_code ORDER BY slug) AS k,
          COUNT(*) OVER (PARTITION BY province_code) AS n FROM office
      ) o ON o.province_code = r.province_code AND (r.rn - 1) % o.n = o.k - 1`);
    log(`${OFFICES} offices in ${provinces.length} provinces`);

    // Desa binaan: 16 random villages of each office's work area, stages weighted toward mentoring.
    await q(
      `INSERT INTO desa_binaan (id, village_code, village_name, office_id, stage, stage_changed_at, migrant_worker_count, figures_year, created_at, updated_at)
       SELECT gen_random_uuid(), code, name, office_id,
         (CASE WHEN x < 0.10 THEN 'PROPOSED' WHEN x < 0.30 THEN 'SOCIALISED' WHEN x < 0.45 THEN 'DECLARED'
               WHEN x < 0.60 THEN 'INAUGURATED' WHEN x < 0.95 THEN 'MENTORING' ELSE 'INACTIVE' END)::village_stage,
         timestamptz '2023-01-01' + random() * interval '1000 days', (random() * 800)::int, 2024,
         timestamptz '2023-01-01', now()
       FROM (
         -- from a hash of the code, not random(): the pick below keeps the rows with the lowest
         -- random() values, and a second random() in the same row came out correlated with it
         SELECT v.code, v.name, o.office_id, (abs(hashtext(v.code || 'stage')) % 1000) / 1000.0 AS x,
           row_number() OVER (PARTITION BY o.office_id ORDER BY random()) AS rn
         FROM office_regency o JOIN village v ON v.regency_code = o.regency_code
       ) pick WHERE rn <= $1`,
      [VILLAGES_PER_OFFICE],
    );
    await q(`INSERT INTO desa_binaan_stage_change (id, desa_binaan_id, from_stage, to_stage, effective_on)
      SELECT gen_random_uuid(), id, NULL, stage, stage_changed_at::date FROM desa_binaan`);
    log("2,000 desa binaan");

    // Sessions: busy villages get more (power-law pick), dates over 2023-2026; past ones mostly held.
    await q(
      `WITH db AS (SELECT d.id, d.office_id, p.time_zone, row_number() OVER (ORDER BY random()) AS rn
                   FROM desa_binaan d JOIN office o ON o.id = d.office_id JOIN province p ON p.code = o.province_code),
            n AS (SELECT COUNT(*) AS n FROM db),
            g AS (SELECT i, 1 + floor((SELECT n FROM n) * power(random(), 1.7))::int AS pick,
                    timestamptz '2023-01-02 01:00+00' + floor(random() * 1460) * interval '1 day' + floor(random() * 8) * interval '1 hour' AS starts_at,
                    random() AS s, random() AS ty
                  FROM generate_series(1, $1) AS i)
       INSERT INTO event (id, office_id, type, status, title, venue_name, time_zone, starts_at, ends_at, check_in_code, report_notes, held_at, created_at, updated_at)
       SELECT gen_random_uuid(), db.office_id,
         (ARRAY['SOSIALISASI','SOSIALISASI','SOSIALISASI','PENDAMPINGAN','PENDAMPINGAN','PENCANANGAN','PERESMIAN','RAPAT_KOORDINASI','KAMPANYE'])[1 + floor(g.ty * 9)::int]::event_type,
         (CASE WHEN g.starts_at < now() THEN
                 CASE WHEN g.s < 0.88 THEN 'HELD' WHEN g.s < 0.93 THEN 'CANCELLED' WHEN g.s < 0.95 THEN 'POSTPONED' ELSE 'SCHEDULED' END
               ELSE CASE WHEN g.s < 0.9 THEN 'SCHEDULED' ELSE 'POSTPONED' END END)::event_status,
         'Kegiatan Desa Binaan ' || g.i, 'Balai Desa', db.time_zone, g.starts_at, g.starts_at + interval '3 hours',
         'S' || lpad(to_hex(g.i), 7, '0'),
         CASE WHEN g.s < 0.3 THEN 'Sosialisasi pencegahan TPPO dan TPPM; grup WhatsApp dibagikan.' END,
         CASE WHEN g.starts_at < now() AND g.s < 0.88 THEN g.starts_at END, g.starts_at - interval '14 days', now()
       FROM g JOIN db ON db.rn = g.pick`,
      [SESSIONS],
    );
    // Each session covers its village; a fifth also a second village of the same office.
    await q(`INSERT INTO event_village (event_id, desa_binaan_id)
      SELECT e.id, (SELECT d.id FROM desa_binaan d WHERE d.office_id = e.office_id
                    ORDER BY md5(d.id::text || e.id::text) LIMIT 1)
      FROM event e`);
    await q(`INSERT INTO event_village (event_id, desa_binaan_id)
      SELECT e.id, (SELECT d.id FROM desa_binaan d WHERE d.office_id = e.office_id
                    ORDER BY md5(e.id::text || d.id::text) LIMIT 1)
      FROM event e WHERE random() < 0.2
      ON CONFLICT DO NOTHING`);
    log(`${SESSIONS.toLocaleString("en")} sessions`);

    // Attendees of held sessions, skewed: a few sessions draw hundreds, most a few dozen.
    await q(
      `WITH held AS (SELECT id, row_number() OVER (ORDER BY random()) AS rn FROM event WHERE status = 'HELD'),
            h AS (SELECT COUNT(*) AS n FROM held)
       INSERT INTO attendee (id, event_id, name, category, gender, source, dedupe_key, created_at)
       SELECT gen_random_uuid(), held.id, 'Peserta ' || g.i,
         (CASE WHEN g.c < 0.45 THEN 'WARGA' WHEN g.c < 0.60 THEN 'CPMI' WHEN g.c < 0.72 THEN 'PERANGKAT_DESA'
               WHEN g.c < 0.82 THEN 'KADER' WHEN g.c < 0.90 THEN 'PELAJAR' WHEN g.c < 0.95 THEN 'PMI_PURNA'
               WHEN g.c < 0.98 THEN 'KEPALA_DESA' ELSE 'INSTANSI' END)::attendee_category,
         (CASE WHEN g.x < 0.52 THEN 'L' WHEN g.x < 0.97 THEN 'P' END)::gender,
         (CASE WHEN g.x < 0.3 THEN 'CHECK_IN' ELSE 'STAFF' END)::attendee_source,
         'k' || g.i, now()
       FROM (SELECT i, 1 + floor((SELECT n FROM h) * power(random(), 1.5))::int AS pick, random() AS c, random() AS x
             FROM generate_series(1, $1) AS i) g
       JOIN held ON held.rn = g.pick`,
      [ATTENDEES],
    );
    // Counts only (names unknown) for a tenth of the held sessions.
    await q(`INSERT INTO attendance_count (event_id, category, male, female, unknown)
      SELECT id, 'KEPALA_DESA', (random() * 12)::int, (random() * 4)::int, 0 FROM event WHERE status = 'HELD' AND random() < 0.1`);
    log(`${ATTENDEES.toLocaleString("en")} attendees`);

    await q(`INSERT INTO event_reach (event_id, category, male, female, unknown)
      SELECT event_id, category, SUM(male), SUM(female), SUM(unknown) FROM (
        SELECT event_id, category, (gender IS NOT DISTINCT FROM 'L')::int AS male,
          (gender IS NOT DISTINCT FROM 'P')::int AS female, (gender IS NULL)::int AS unknown FROM attendee
        UNION ALL SELECT event_id, category, male, female, unknown FROM attendance_count
      ) a GROUP BY event_id, category`);
    log("reach summary rebuilt");
    // The oversight summaries (per office and month, last held session per village): the same
    // function the migration's backfill uses (docs/decisions/0011).
    await q("SELECT rebuild_oversight_summaries()");
    log("oversight summaries rebuilt");

    const hash = await hashPassword(SCALE_PASSWORD);
    await q(
      `INSERT INTO app_user (id, email, name, password_hash, role, updated_at)
       VALUES (gen_random_uuid(), 'ditjen@scale.imigrasi.go.id', 'Ditjen (skala)', $1, 'NATIONAL_ADMIN', now())`,
      [hash],
    );
    await q(
      `INSERT INTO app_user (id, email, name, password_hash, role, kanwil_id, updated_at)
       SELECT gen_random_uuid(), 'kanwil.' || province_code || '@scale.imigrasi.go.id', name, $1, 'REGIONAL_OVERSEER', id, now() FROM kanwil`,
      [hash],
    );
    await q(
      `INSERT INTO app_user (id, email, name, password_hash, role, office_id, updated_at)
       SELECT gen_random_uuid(), 'admin.' || slug || '@scale.imigrasi.go.id', 'Admin ' || name, $1, 'OFFICE_ADMIN', id, now() FROM office`,
      [hash],
    );
    await q("COMMIT");
    await q("SET session_replication_role = origin");
    await q("ANALYZE");
    const { rows } = await q(`SELECT (SELECT COUNT(*) FROM office)::int AS offices, (SELECT COUNT(*) FROM desa_binaan)::int AS villages,
      (SELECT COUNT(*) FROM event)::int AS sessions, (SELECT COUNT(*) FROM event WHERE status = 'HELD')::int AS held,
      (SELECT COUNT(*) FROM attendee)::int AS attendees, (SELECT SUM(male + female + unknown) FROM event_reach)::int AS reached`);
    log(`done: ${JSON.stringify(rows[0])}`);
    console.log(`sign in with password ${SCALE_PASSWORD}: ditjen@scale.imigrasi.go.id, kanwil.33@scale.imigrasi.go.id, admin.skala-33-1@scale.imigrasi.go.id`);
  } catch (error) {
    await q("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(`seed:scale failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
