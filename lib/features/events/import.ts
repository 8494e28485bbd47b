import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AttendeeCategory, Gender } from "@/lib/generated/prisma/enums";
import { normalizeIndonesianPhone } from "@/lib/phone";
import { cleanLine } from "@/lib/schema-fields";
import { attendeeDedupeKey, normalizeName } from "@/lib/features/events/dedupe";

export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;

/** Columns of the import template, in order. Only `nama` is required. */
export const IMPORT_COLUMNS = ["nama", "kategori", "jabatan", "desa_instansi", "jenis_kelamin", "telepon", "persetujuan"] as const;
type ColumnName = (typeof IMPORT_COLUMNS)[number];

const HEADER_ALIASES: Record<string, ColumnName> = {
  nama: "nama",
  name: "nama",
  nama_lengkap: "nama",
  kategori: "kategori",
  category: "kategori",
  jabatan: "jabatan",
  position: "jabatan",
  desa_instansi: "desa_instansi",
  desa: "desa_instansi",
  instansi: "desa_instansi",
  asal: "desa_instansi",
  jenis_kelamin: "jenis_kelamin",
  jk: "jenis_kelamin",
  gender: "jenis_kelamin",
  telepon: "telepon",
  no_hp: "telepon",
  hp: "telepon",
  phone: "telepon",
  persetujuan: "persetujuan",
  consent: "persetujuan",
};

const CATEGORY_ALIASES: Record<string, AttendeeCategory> = Object.fromEntries(
  Object.values(AttendeeCategory).map((c) => [c.toLowerCase().replace(/_/g, " "), c]),
);
Object.assign(CATEGORY_ALIASES, {
  kades: AttendeeCategory.KEPALA_DESA,
  "perangkat kelurahan": AttendeeCategory.PERANGKAT_DESA,
  "calon pmi": AttendeeCategory.CPMI,
  "purna pmi": AttendeeCategory.PMI_PURNA,
  masyarakat: AttendeeCategory.WARGA,
  siswa: AttendeeCategory.PELAJAR,
  mahasiswa: AttendeeCategory.PELAJAR,
});

const YES = new Set(["ya", "y", "yes", "1", "true", "setuju", "x", "✓"]);

export type ImportRow = {
  name: string;
  category: AttendeeCategory;
  position: string | null;
  institutionName: string | null;
  desaBinaanId: string | null;
  gender: Gender | null;
  phone: string | null;
  consent: boolean;
  dedupeKey: string;
};

/** A problem as a catalogue key with its values; `row` is the line number in the file (header = 1). */
export type ImportIssue = { row: number; column?: ColumnName; key: string; values?: Record<string, string | number> };

export type ImportResult =
  | { ok: true; rows: ImportRow[]; issues: ImportIssue[]; duplicatesInFile: number }
  | { ok: false; fileError: { key: string; values?: Record<string, string | number> } };

const normHeader = (h: string) => h.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s/.-]+/g, "_");
const clean = (v: unknown) => (v === null || v === undefined ? "" : cleanLine(String(v)).trim());

/**
 * Reads a CSV (UTF-8, comma or semicolon) or XLSX attendee list and validates every row. Nothing
 * is written here: the caller shows the issues as a preview, and commits only a clean file.
 */
export async function parseAttendeeFile(
  data: Uint8Array,
  fileName: string,
  villagesByName: Map<string, string> = new Map(),
): Promise<ImportResult> {
  if (data.byteLength === 0) return { ok: false, fileError: { key: "attendeeImport.empty" } };
  if (data.byteLength > IMPORT_MAX_BYTES) return { ok: false, fileError: { key: "attendeeImport.tooBig", values: { mb: IMPORT_MAX_BYTES / 1024 / 1024 } } };
  const lower = fileName.toLowerCase();
  let table: string[][];
  if (lower.endsWith(".xlsx")) {
    const read = await readXlsx(data);
    if (!read.ok) return read;
    table = read.table;
  } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
    const read = readCsv(data);
    if (!read.ok) return read;
    table = read.table;
  } else {
    return { ok: false, fileError: { key: "attendeeImport.fileType" } };
  }
  while (table.length > 0 && table[table.length - 1]!.every((c) => c === "")) table.pop();
  if (table.length < 2) return { ok: false, fileError: { key: "attendeeImport.empty" } };
  if (table.length - 1 > IMPORT_MAX_ROWS) return { ok: false, fileError: { key: "attendeeImport.tooManyRows", values: { max: IMPORT_MAX_ROWS } } };

  const header = table[0]!.map(normHeader);
  const unknown = header.filter((h) => h && !HEADER_ALIASES[h]);
  const columns = header.map((h) => HEADER_ALIASES[h]);
  if (unknown.length > 0 || !columns.includes("nama")) {
    return {
      ok: false,
      fileError: {
        key: "attendeeImport.badColumns",
        values: { found: table[0]!.map(clean).filter(Boolean).join(", ") || "-", expected: IMPORT_COLUMNS.join(", ") },
      },
    };
  }

  const issues: ImportIssue[] = [];
  const rows: ImportRow[] = [];
  const seen = new Set<string>();
  let duplicatesInFile = 0;
  for (let i = 1; i < table.length; i++) {
    const line = i + 1;
    const cells = table[i]!;
    if (cells.every((c) => c === "")) continue;
    const get = (c: ColumnName) => clean(cells[columns.indexOf(c)] ?? "");
    const before = issues.length;
    const name = get("nama");
    if (!name) issues.push({ row: line, column: "nama", key: "validation.required" });
    else if (name.length > 120) issues.push({ row: line, column: "nama", key: "validation.tooLong" });
    const categoryText = get("kategori").toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ");
    const category = categoryText ? CATEGORY_ALIASES[categoryText] : AttendeeCategory.LAINNYA;
    if (!category) issues.push({ row: line, column: "kategori", key: "attendeeImport.badCategory", values: { value: get("kategori") } });
    const genderText = get("jenis_kelamin").toLowerCase();
    const gender = !genderText ? null : ["l", "laki-laki", "laki laki", "pria", "m"].includes(genderText) ? Gender.L : ["p", "perempuan", "wanita", "f"].includes(genderText) ? Gender.P : undefined;
    if (gender === undefined) issues.push({ row: line, column: "jenis_kelamin", key: "attendeeImport.badGender", values: { value: get("jenis_kelamin") } });
    const phoneText = get("telepon");
    const phone = phoneText ? normalizeIndonesianPhone(phoneText) : null;
    if (phoneText && !phone) issues.push({ row: line, column: "telepon", key: "validation.phone" });
    const consent = YES.has(get("persetujuan").toLowerCase());
    if (phone && !consent) issues.push({ row: line, column: "telepon", key: "validation.phoneConsent" });
    const origin = get("desa_instansi") || null;
    const position = get("jabatan") || null;
    if ((origin?.length ?? 0) > 200 || (position?.length ?? 0) > 120) issues.push({ row: line, key: "validation.tooLong" });
    if (issues.length > before) continue;
    const dedupeKey = attendeeDedupeKey({ name, phone, origin });
    if (seen.has(dedupeKey)) {
      duplicatesInFile++;
      continue;
    }
    seen.add(dedupeKey);
    rows.push({
      name,
      category: category!,
      position,
      institutionName: origin,
      desaBinaanId: origin ? (villagesByName.get(normalizeName(origin)) ?? null) : null,
      gender: gender ?? null,
      phone,
      consent,
      dedupeKey,
    });
  }
  if (rows.length === 0 && issues.length === 0) return { ok: false, fileError: { key: "attendeeImport.empty" } };
  return { ok: true, rows, issues, duplicatesInFile };
}

function readCsv(data: Uint8Array): { ok: true; table: string[][] } | { ok: false; fileError: { key: string } } {
  let text: string;
  try {
    // Latin-1 / Windows-1252 files (Excel's "CSV" on older Windows) are not valid UTF-8: refuse
    // rather than store mangled names.
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return { ok: false, fileError: { key: "attendeeImport.notUtf8" } };
  }
  text = text.replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  try {
    const table = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      // One past the limit is enough to know the file is too long, without reading 50,000 rows.
      to: IMPORT_MAX_ROWS + 2,
    }) as string[][];
    return { ok: true, table };
  } catch {
    return { ok: false, fileError: { key: "attendeeImport.badCsv" } };
  }
}

async function readXlsx(data: Uint8Array): Promise<{ ok: true; table: string[][] } | { ok: false; fileError: { key: string; values?: Record<string, number> } }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, fileError: { key: "attendeeImport.badXlsx" } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, fileError: { key: "attendeeImport.empty" } };
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS) return { ok: false, fileError: { key: "attendeeImport.tooManyRows", values: { max: IMPORT_MAX_ROWS } } };
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(clean(row.getCell(c).text));
    table.push(values);
  });
  return { ok: true, table };
}
