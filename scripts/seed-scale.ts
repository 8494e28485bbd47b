/**
 * `npm run seed:scale`: a national-scale database for benchmarks, beside the development one.
 * All regions, a Kanwil per province, 125 offices with work areas, 2,000 desa binaan, 20,000
 * sessions over 2023-2026 (mostly held), 1,000,000 attendees skewed per session, 50,000
 * early-warning reports since January 2025 (most closed, some open, some overdue; ADR 0024),
 * 1,000 held sessions with a national quiz answered before and after (ADR 0025).
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
const WARNINGS = 50_000;
/** Held sessions that used a national quiz (issue 17): their checked-in attendees answered on the phone. */
const QUIZ_SESSIONS = 1_000;
const QUIZZES = 8;
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

    // Knowledge quizzes (ADR 0025): a few national quizzes of five questions on one national
    // material, used as both tests by some held sessions; most checked-in attendees answered the
    // pre-test, fewer the post-test, each question with its own difficulty and gain; a tenth of
    // those sessions also had paper sheets. Modest on purpose: tens of thousands of answer sets.
    await q(`INSERT INTO material (id, slug, title, category, language, translation_group_id, status, body, published_at, updated_at)
      VALUES (gen_random_uuid(), 'skala-materi-kuis', 'Mengenali perekrutan ilegal (data skala)', 'TPPO', 'ID', gen_random_uuid(), 'PUBLISHED',
              'Materi dasar untuk kuis data skala.', now(), now())`);
    await q(
      `INSERT INTO quiz (id, office_id, material_id, title, updated_at)
       SELECT gen_random_uuid(), NULL, (SELECT id FROM material WHERE slug = 'skala-materi-kuis'), 'Kuis nasional skala ' || i, now()
       FROM generate_series(1, $1) AS i`,
      [QUIZZES],
    );
    await q(`INSERT INTO quiz_question (id, quiz_id, position, text, options, correct)
      SELECT gen_random_uuid(), z.id, p, 'Soal ' || (p + 1) || ' dari ' || z.title, ARRAY['Pilihan A', 'Pilihan B', 'Pilihan C', 'Pilihan D'],
             ARRAY[floor(random() * 4)::int]
      FROM quiz z CROSS JOIN generate_series(0, 4) AS p`);
    await q(
      `WITH s AS (SELECT id FROM event WHERE status = 'HELD' ORDER BY random() LIMIT $1),
            z AS (SELECT array_agg(id ORDER BY title) AS ids FROM quiz)
       UPDATE event e SET pre_test_quiz_id = z.ids[1 + floor(random() * cardinality(z.ids))::int] FROM s, z WHERE e.id = s.id`,
      [QUIZ_SESSIONS],
    );
    await q(`UPDATE event SET post_test_quiz_id = pre_test_quiz_id WHERE pre_test_quiz_id IS NOT NULL`);
    await q(`INSERT INTO quiz_response (id, event_id, quiz_id, phase, attendee_id, created_at)
      SELECT gen_random_uuid(), a.event_id, e.pre_test_quiz_id, ph.phase::quiz_phase, a.id, e.starts_at
      FROM attendee a JOIN event e ON e.id = a.event_id CROSS JOIN (VALUES ('PRE'), ('POST')) AS ph(phase)
      WHERE e.pre_test_quiz_id IS NOT NULL AND a.source = 'CHECK_IN' AND random() < CASE WHEN ph.phase = 'PRE' THEN 0.8 ELSE 0.6 END`);
    // difficulty per question from its id: 0 (easy) .. 1 (hard); the post-test gains more on easier ones
    const difficulty = "(('x' || substr(md5(q.id::text), 1, 4))::bit(16)::int / 65535.0)";
    await q(`INSERT INTO quiz_answer (response_id, question_id, chosen, correct)
      SELECT t.rid, t.qid, CASE WHEN t.ok THEN t.correct ELSE ARRAY[(t.correct[1] + 1) % 4] END, t.ok
      FROM (SELECT r.id AS rid, q.id AS qid, q.correct,
                   random() < 0.75 - 0.5 * ${difficulty} - CASE WHEN r.phase = 'PRE' THEN 0.25 ELSE 0 END AS ok
            FROM quiz_response r JOIN quiz_question q ON q.quiz_id = r.quiz_id) t`);
    await q(`INSERT INTO quiz_paper_tally (event_id, phase, question_id, sheets, correct)
      SELECT s.id, ph.phase::quiz_phase, q.id, s.sheets,
             round(s.sheets * GREATEST(0, 0.75 - 0.5 * ${difficulty} - CASE WHEN ph.phase = 'PRE' THEN 0.25 ELSE 0 END))::int
      FROM (SELECT id, pre_test_quiz_id, 5 + floor(random() * 26)::int AS sheets FROM event
            WHERE pre_test_quiz_id IS NOT NULL AND random() < 0.1) s
      CROSS JOIN (VALUES ('PRE'), ('POST')) AS ph(phase)
      JOIN quiz_question q ON q.quiz_id = s.pre_test_quiz_id`);
    log(`${QUIZ_SESSIONS.toLocaleString("en")} sessions with a quiz`);

    // Early-warning reports (ADR 0018, 0024): busy offices get more; 5% filed in the last 30 days
    // and mostly still open (those with status NEW and no response past their due time are the
    // red flags), the rest closed after a first response between minutes and ~40 hours.
    await q(
      `WITH o AS (SELECT o.id, o.kanwil_id, o.province_code, p.time_zone,
                    row_number() OVER (ORDER BY o.slug) AS rn,
                    (SELECT array_agg(d.id ORDER BY d.village_code) FROM desa_binaan d WHERE d.office_id = o.id) AS desas,
                    (SELECT array_agg(d.village_code ORDER BY d.village_code) FROM desa_binaan d WHERE d.office_id = o.id) AS villages
                  FROM office o JOIN province p ON p.code = o.province_code),
            n AS (SELECT COUNT(*) AS n FROM o),
            g AS (SELECT i, 1 + floor((SELECT n FROM n) * power(random(), 1.3))::int AS pick,
                    random() AS c, random() AS u, random() AS s, random() AS v, random() AS r, random() AS k,
                    CASE WHEN random() < 0.05 THEN now() - random() * interval '30 days'
                         ELSE timestamptz '2025-01-01 00:00+07' + random() * (now() - interval '30 days' - timestamptz '2025-01-01 00:00+07') END AS filed_at
                  FROM generate_series(1, $1) AS i),
            r AS (SELECT g.*, o.id AS office_id, o.kanwil_id, o.province_code, o.time_zone,
                    o.desas[1 + floor(g.v * cardinality(o.desas))::int] AS desa_id,
                    o.villages[1 + floor(g.v * cardinality(o.villages))::int] AS village_code,
                    CASE WHEN g.u < 0.12 THEN 6 ELSE 24 END AS sla_hours,
                    g.filed_at > now() - interval '30 days' AS recent
                  FROM g JOIN o ON o.rn = g.pick),
            t AS (SELECT r.*,
                    -- recent: 30% not answered yet (status NEW), the rest answered and in progress
                    CASE WHEN r.recent AND r.s < 0.3 THEN NULL
                         ELSE LEAST(now(), r.filed_at + (0.05 + power(r.r, 2) * 40) * interval '1 hour') END AS first_response_at
                  FROM r)
       INSERT INTO warning_report (id, ticket_code, tracking_code, source, category, urgency, status, description, occurred_on,
         village_code, desa_binaan_id, province_code, office_id, kanwil_id, consent_at, filed_at, filed_month, sla_hours, warn_at, due_at,
         first_response_at, closed_at, updated_at)
       SELECT gen_random_uuid(),
         'DD-' || upper(substr(lpad(to_hex(t.i), 8, '0'), 1, 4)) || '-' || upper(substr(lpad(to_hex(t.i), 8, '0'), 5, 4)),
         CASE WHEN t.k < 0.25 THEN 'SKAL-' || upper(substr(lpad(to_hex(t.i), 12, '0'), 1, 4)) || '-' || upper(substr(lpad(to_hex(t.i), 12, '0'), 5, 4)) || '-' || upper(substr(lpad(to_hex(t.i), 12, '0'), 9, 4)) END,
         (CASE WHEN t.k < 0.25 THEN 'PUBLIC' WHEN t.k < 0.75 THEN 'VILLAGE' ELSE 'OFFICER' END)::warning_source,
         (CASE WHEN t.c < 0.35 THEN 'TPPO_INDICATION' WHEN t.c < 0.55 THEN 'RECRUITER' WHEN t.c < 0.70 THEN 'FOREIGNER'
               WHEN t.c < 0.90 THEN 'PASSPORT_REQUEST' ELSE 'OTHER' END)::warning_category,
         (CASE WHEN t.sla_hours = 6 THEN 'URGENT' ELSE 'NORMAL' END)::warning_urgency,
         (CASE WHEN t.first_response_at IS NULL THEN 'NEW'
               WHEN t.recent THEN (ARRAY['IN_VERIFICATION','NEEDS_INFO','IN_FOLLOW_UP','CLOSED_VALID'])[1 + floor(t.s * 4)::int]
               WHEN t.s < 0.55 THEN 'CLOSED_VALID' WHEN t.s < 0.9 THEN 'CLOSED_INVALID' ELSE 'CLOSED_DUPLICATE' END)::warning_status,
         'Laporan deteksi dini (data skala) ' || t.i, (t.filed_at AT TIME ZONE t.time_zone)::date - 2,
         t.village_code, t.desa_id, t.province_code, t.office_id, t.kanwil_id,
         CASE WHEN t.k < 0.25 THEN t.filed_at END, t.filed_at,
         date_trunc('month', t.filed_at AT TIME ZONE t.time_zone)::date, t.sla_hours,
         t.filed_at + t.sla_hours * interval '45 minutes', t.filed_at + t.sla_hours * interval '1 hour',
         t.first_response_at,
         CASE WHEN t.first_response_at IS NOT NULL AND (NOT t.recent OR t.s >= 0.75)
              THEN LEAST(now(), t.first_response_at + t.r * interval '10 days') END,
         now()
       FROM t`,
      [WARNINGS],
    );
    await q(`INSERT INTO warning_step (id, report_id, kind, status, for_reporter, at)
      SELECT gen_random_uuid(), id, 'FILED', 'NEW', true, filed_at FROM warning_report`);
    // The scores per office and month: the trigger's own function, once per office-month (the
    // trigger is off during the bulk load); checked against a direct computation after COMMIT.
    await q(`SELECT COUNT(warning_office_month_refresh(office_id, filed_month))
      FROM (SELECT DISTINCT office_id, filed_month FROM warning_report WHERE office_id IS NOT NULL) m`);
    log(`${WARNINGS.toLocaleString("en")} early-warning reports`);

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
    // as autovacuum would soon after a bulk insert: the visibility map lets the open-report counts
    // be answered from their covering index alone (ADR 0024)
    await q("VACUUM (ANALYZE) warning_report");
    const { rows: drift } = await q(`SELECT COUNT(*)::int AS n FROM (
      (SELECT office_id, month, filed, responded, within_sla, median_minutes FROM warning_office_month
       EXCEPT SELECT office_id, filed_month, COUNT(*)::int, COUNT(first_response_at)::int,
         (COUNT(*) FILTER (WHERE first_response_at <= due_at))::int,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - filed_at) / 60) FILTER (WHERE first_response_at IS NOT NULL)
       FROM warning_report WHERE office_id IS NOT NULL GROUP BY office_id, filed_month)
      UNION ALL
      (SELECT office_id, filed_month, COUNT(*)::int, COUNT(first_response_at)::int,
         (COUNT(*) FILTER (WHERE first_response_at <= due_at))::int,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - filed_at) / 60) FILTER (WHERE first_response_at IS NOT NULL)
       FROM warning_report WHERE office_id IS NOT NULL GROUP BY office_id, filed_month
       EXCEPT SELECT office_id, month, filed, responded, within_sla, median_minutes FROM warning_office_month)) d`);
    if (drift[0].n !== 0) throw new Error(`warning_office_month differs from the reports in ${drift[0].n} rows`);
    const { rows } = await q(`SELECT (SELECT COUNT(*) FROM office)::int AS offices, (SELECT COUNT(*) FROM desa_binaan)::int AS villages,
      (SELECT COUNT(*) FROM event)::int AS sessions, (SELECT COUNT(*) FROM event WHERE status = 'HELD')::int AS held,
      (SELECT COUNT(*) FROM attendee)::int AS attendees, (SELECT SUM(male + female + unknown) FROM event_reach)::int AS reached,
      (SELECT COUNT(*) FROM quiz_response)::int AS quiz_answer_sets,
      (SELECT COUNT(*) FROM warning_report)::int AS warnings, (SELECT COUNT(*) FROM warning_report WHERE closed_at IS NULL)::int AS open,
      (SELECT COUNT(*) FROM warning_report WHERE closed_at IS NULL AND first_response_at IS NULL AND due_at < now())::int AS overdue`);
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
