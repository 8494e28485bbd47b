import { WIB, WIT, WITA } from "@/lib/dates";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Db } from "@/lib/db/create-client";

/** Row counts of idn-area-data 4.0.1; a full village table means the regions are already seeded. */
export const REGION_COUNTS = {
  provinces: 38,
  regencies: 514,
  districts: 7285,
  villages: 83762,
} as const;

export type RegionCounts = { provinces: number; regencies: number; districts: number; villages: number };
export type SeedRegionsResult = RegionCounts & { ms: number; skipped: boolean };


// Indonesia's zones follow province borders (Keppres 41/1987), so one IANA zone per province.
// Listed explicitly rather than by range: a new province must be placed on purpose.
const PROVINCE_TIME_ZONES: Readonly<Record<string, string>> = {
  // Sumatra
  "11": WIB, "12": WIB, "13": WIB, "14": WIB, "15": WIB, "16": WIB, "17": WIB, "18": WIB, "19": WIB, "21": WIB,
  // Java
  "31": WIB, "32": WIB, "33": WIB, "34": WIB, "35": WIB, "36": WIB,
  // Bali and Nusa Tenggara
  "51": WITA, "52": WITA, "53": WITA,
  // Kalimantan: west and central are WIB, the rest WITA
  "61": WIB, "62": WIB, "63": WITA, "64": WITA, "65": WITA,
  // Sulawesi
  "71": WITA, "72": WITA, "73": WITA, "74": WITA, "75": WITA, "76": WITA,
  // Maluku and Papua (91 Papua … 96 Papua Barat Daya)
  "81": WIT, "82": WIT, "91": WIT, "92": WIT, "93": WIT, "94": WIT, "95": WIT, "96": WIT,
};

export function provinceTimeZone(provinceCode: string): string {
  const zone = PROVINCE_TIME_ZONES[provinceCode];
  if (!zone) throw new Error(`No time zone mapped for province ${provinceCode}: add it to PROVINCE_TIME_ZONES`);
  return zone;
}

type CsvRow = Record<string, string>;

export type RegionRows = {
  provinces: { code: string[]; name: string[]; timeZone: string[] };
  regencies: { code: string[]; provinceCode: string[]; name: string[] };
  districts: { code: string[]; regencyCode: string[]; provinceCode: string[]; name: string[] };
  villages: { code: string[]; districtCode: string[]; regencyCode: string[]; provinceCode: string[]; name: string[] };
};

function dataDir(): string {
  // Resolved through the package so it works whatever the current directory is.
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("idn-area-data/package.json")), "data");
}

function readCsv(file: string): CsvRow[] {
  const text = readFileSync(path.join(dataDir(), file), "utf8");
  // relax_quotes: a few names carry stray quotes (e.g. Soka"an) that strict RFC 4180 rejects.
  return parse(text, { columns: true, skip_empty_lines: true, relax_quotes: true, trim: true }) as CsvRow[];
}

function field(row: CsvRow, name: string, file: string): string {
  const value = row[name];
  if (!value) throw new Error(`${file}: row without "${name}": ${JSON.stringify(row)}`);
  return value;
}

/** Parses the four CSVs into column arrays, the shape `unnest` wants. */
export function loadRegionRows(): RegionRows {
  const rows: RegionRows = {
    provinces: { code: [], name: [], timeZone: [] },
    regencies: { code: [], provinceCode: [], name: [] },
    districts: { code: [], regencyCode: [], provinceCode: [], name: [] },
    villages: { code: [], districtCode: [], regencyCode: [], provinceCode: [], name: [] },
  };
  for (const r of readCsv("provinces.csv")) {
    const code = field(r, "code", "provinces.csv");
    rows.provinces.code.push(code);
    rows.provinces.name.push(field(r, "name", "provinces.csv"));
    rows.provinces.timeZone.push(provinceTimeZone(code));
  }
  for (const r of readCsv("regencies.csv")) {
    rows.regencies.code.push(field(r, "code", "regencies.csv"));
    rows.regencies.provinceCode.push(field(r, "province_code", "regencies.csv"));
    rows.regencies.name.push(field(r, "name", "regencies.csv"));
  }
  for (const r of readCsv("districts.csv")) {
    const regencyCode = field(r, "regency_code", "districts.csv");
    rows.districts.code.push(field(r, "code", "districts.csv"));
    rows.districts.regencyCode.push(regencyCode);
    rows.districts.provinceCode.push(regencyCode.slice(0, 2));
    rows.districts.name.push(field(r, "name", "districts.csv"));
  }
  for (const r of readCsv("villages.csv")) {
    const districtCode = field(r, "district_code", "villages.csv");
    rows.villages.code.push(field(r, "code", "villages.csv"));
    rows.villages.districtCode.push(districtCode);
    // "33.14.07" → regency "33.14", province "33"
    rows.villages.regencyCode.push(districtCode.slice(0, 5));
    rows.villages.provinceCode.push(districtCode.slice(0, 2));
    rows.villages.name.push(field(r, "name", "villages.csv"));
  }
  return rows;
}

// Interactive rather than a batch $transaction: only this form takes a timeout, and the default
// 5 s is too short on a busy CI machine (measured 10 s while the other test database seeded).
const INSERT_TIMEOUT_MS = 300_000;

/** One transaction, parents first; ON CONFLICT makes a re-run a no-op. */
export async function insertRegionRows(db: Db, rows: RegionRows): Promise<void> {
  const { provinces: p, regencies: r, districts: d, villages: v } = rows;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        INSERT INTO province (code, name, time_zone)
        SELECT * FROM unnest(${p.code}::text[], ${p.name}::text[], ${p.timeZone}::text[])
        ON CONFLICT (code) DO NOTHING`;
      await tx.$executeRaw`
        INSERT INTO regency (code, province_code, name)
        SELECT * FROM unnest(${r.code}::text[], ${r.provinceCode}::text[], ${r.name}::text[])
        ON CONFLICT (code) DO NOTHING`;
      await tx.$executeRaw`
        INSERT INTO district (code, regency_code, province_code, name)
        SELECT * FROM unnest(${d.code}::text[], ${d.regencyCode}::text[], ${d.provinceCode}::text[], ${d.name}::text[])
        ON CONFLICT (code) DO NOTHING`;
      await tx.$executeRaw`
        INSERT INTO village (code, district_code, regency_code, province_code, name)
        SELECT * FROM unnest(${v.code}::text[], ${v.districtCode}::text[], ${v.regencyCode}::text[],
                             ${v.provinceCode}::text[], ${v.name}::text[])
        ON CONFLICT (code) DO NOTHING`;
    },
    { timeout: INSERT_TIMEOUT_MS, maxWait: 30_000 },
  );
}

export async function countRegions(db: Db): Promise<RegionCounts> {
  const [row] = await db.$queryRaw<{ provinces: number; regencies: number; districts: number; villages: number }[]>`
    SELECT (SELECT count(*) FROM province)::int AS provinces,
           (SELECT count(*) FROM regency)::int  AS regencies,
           (SELECT count(*) FROM district)::int AS districts,
           (SELECT count(*) FROM village)::int  AS villages`;
  if (!row) throw new Error("count query returned no row");
  return row;
}

/**
 * Loads every Kemendagri region of idn-area-data into the database. Idempotent.
 * Returns the row counts of the four tables afterwards and the elapsed time;
 * `skipped` is true when the village table was already complete and the CSVs were not read.
 * `force` always parses and inserts (the insert still skips existing codes).
 */
export async function seedRegions(
  db: Db,
  opts: { force?: boolean; log?: (msg: string) => void } = {},
): Promise<SeedRegionsResult> {
  const started = performance.now();
  const before = await countRegions(db);
  if (!opts.force && before.villages === REGION_COUNTS.villages) {
    opts.log?.(`regions: ${before.villages} villages already present, skipping CSV parse`);
    return { ...before, ms: Math.round(performance.now() - started), skipped: true };
  }
  await insertRegionRows(db, loadRegionRows());
  const after = await countRegions(db);
  return { ...after, ms: Math.round(performance.now() - started), skipped: false };
}
