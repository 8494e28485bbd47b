import "server-only";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/text";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { requireScope, type SessionUser } from "@/lib/server/scope";
import { setChangeContext } from "@/lib/features/offices/reference";
import { createOfficeSchema, IMPORT_MAX_BYTES, OFFICE_CLASSES, type importOfficesSchema } from "@/lib/features/offices/schemas";

type Tx = Prisma.TransactionClient;

/** A message for one row: a catalogue key under office.import.errors and its values. */
export type RowError = { key: string; values?: Record<string, string> };
export type ImportRow = {
  line: number;
  name: string;
  officeClass: string | null;
  kanwil: string | null;
  regencies: { code: string; name: string | null }[];
  errors: RowError[];
};
export type ImportReport = { rows: ImportRow[]; fileErrors: RowError[]; valid: boolean; committed: boolean; created: number };

const MAX_ROWS = 500;

/** Column titles accepted in either language, compared without case, spaces or punctuation. */
const HEADERS: Record<string, keyof RawRow> = {
  nama: "name",
  name: "name",
  namakantor: "name",
  kelas: "officeClass",
  class: "officeClass",
  kanwil: "kanwil",
  kantorwilayah: "kanwil",
  provinsi: "province",
  province: "province",
  alamat: "address",
  address: "address",
  telepon: "phone",
  phone: "phone",
  email: "email",
  kepala: "headName",
  kepalakantor: "headName",
  head: "headName",
  wilayahkerja: "workArea",
  workarea: "workArea",
  kabupatenkota: "workArea",
};

type RawRow = {
  name: string;
  officeClass: string;
  kanwil: string;
  province: string;
  address: string;
  phone: string;
  email: string;
  headName: string;
  workArea: string;
};

const key = (header: string) => header.toLowerCase().replace(/[^a-z]/g, "");

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return String(value.result ?? "");
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

/** Rows as arrays of cells (the first is the header), from CSV (comma or semicolon) or the first XLSX sheet. */
async function readTable(fileName: string, bytes: Buffer): Promise<string[][]> {
  if (/\.xlsx$/i.test(fileName)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
      rows[row.number - 1] = cells;
    });
    return Array.from(rows, (r) => r ?? []);
  }
  if (!/\.csv$/i.test(fileName)) throw new AppError("VALIDATION", undefined, { fileName: "office.import.fileType" });
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
}

function toRawRows(table: string[][]): { rows: { line: number; raw: RawRow }[]; fileErrors: RowError[] } {
  const [header = [], ...body] = table;
  const columns = header.map((h) => HEADERS[key(h)] ?? null);
  const fileErrors: RowError[] = [];
  for (const required of ["name", "officeClass", "kanwil", "workArea"] as const) {
    if (!columns.includes(required)) fileErrors.push({ key: "missingColumn", values: { column: required } });
  }
  const rows: { line: number; raw: RawRow }[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => !c?.trim())) return;
    const raw: RawRow = { name: "", officeClass: "", kanwil: "", province: "", address: "", phone: "", email: "", headName: "", workArea: "" };
    columns.forEach((column, c) => {
      if (column) raw[column] = (cells[c] ?? "").trim();
    });
    rows.push({ line: i + 2, raw });
  });
  if (rows.length === 0 && fileErrors.length === 0) fileErrors.push({ key: "empty" });
  if (rows.length > MAX_ROWS) fileErrors.push({ key: "tooManyRows", values: { max: String(MAX_ROWS) } });
  return { rows, fileErrors };
}

/** "Kelas I TPI", "kelas i non tpi", "KELAS_II_TPI" -> the enum value. */
function officeClassOf(text: string): string | null {
  const normal = text.toUpperCase().replace(/[^A-Z]+/g, "_").replace(/^_|_$/g, "");
  return (OFFICE_CLASSES as readonly string[]).includes(normal) ? normal : null;
}

/** Every row checked against the file and the database; `client` is the transaction when committing. */
async function checkRows(client: Tx, rows: { line: number; raw: RawRow }[], effectiveOn: string) {
  const kanwils = await client.kanwil.findMany({ select: { id: true, name: true, provinceCode: true } });
  const codes = [...new Set(rows.flatMap(({ raw }) => splitCodes(raw.workArea)))];
  const [regencies, held, existing] = await Promise.all([
    client.regency.findMany({ where: { code: { in: codes.filter((c) => /^\d{2}\.\d{2}$/.test(c)) } }, select: { code: true, name: true } }),
    client.officeRegency.findMany({ where: { regencyCode: { in: codes } }, select: { regencyCode: true, office: { select: { name: true } } } }),
    client.office.findMany({
      where: {
        OR: [
          { name: { in: rows.map((r) => r.raw.name), mode: "insensitive" } },
          { slug: { in: rows.map((r) => slugify(r.raw.name)) } },
        ],
      },
      select: { name: true, slug: true },
    }),
  ]);
  const regencyName = new Map(regencies.map((r) => [r.code, r.name]));
  const holder = new Map(held.map((h) => [h.regencyCode, h.office.name]));
  const existingSlugs = new Set(existing.map((o) => o.slug));
  const firstLineOfName = new Map<string, number>();
  const firstLineOfRegency = new Map<string, number>();

  const checked: { row: ImportRow; input: z.output<typeof createOfficeSchema> | null }[] = [];
  for (const { line, raw } of rows) {
    const errors: RowError[] = [];
    const officeClass = officeClassOf(raw.officeClass);
    if (!officeClass) errors.push({ key: "officeClass", values: { value: raw.officeClass } });
    const kanwil =
      kanwils.find((k) => k.provinceCode === raw.kanwil) ?? kanwils.find((k) => k.name.toLowerCase() === raw.kanwil.toLowerCase());
    if (!kanwil) errors.push({ key: "unknownKanwil", values: { value: raw.kanwil } });
    const regencyCodes = splitCodes(raw.workArea);
    for (const code of regencyCodes) {
      if (!regencyName.has(code)) {
        errors.push({ key: "unknownRegency", values: { code } });
        continue;
      }
      const holderName = holder.get(code);
      if (holderName) errors.push({ key: "regencyHeld", values: { code, office: holderName } });
      const earlier = firstLineOfRegency.get(code);
      if (earlier !== undefined) errors.push({ key: "regencyTwice", values: { code, line: String(earlier) } });
      else firstLineOfRegency.set(code, line);
    }
    const slug = slugify(raw.name);
    if (slug && existingSlugs.has(slug)) errors.push({ key: "officeExists", values: { name: raw.name } });
    const earlierName = slug ? firstLineOfName.get(slug) : undefined;
    if (earlierName !== undefined) errors.push({ key: "duplicateOffice", values: { line: String(earlierName) } });
    else if (slug) firstLineOfName.set(slug, line);

    const parsed = createOfficeSchema.safeParse({
      name: raw.name,
      officeClass: officeClass ?? "KELAS_I_TPI",
      kanwilId: kanwil?.id ?? "00000000-0000-4000-8000-000000000000",
      provinceCode: raw.province || kanwil?.provinceCode || "",
      address: raw.address,
      phone: raw.phone,
      email: raw.email,
      headName: raw.headName,
      regencyCodes: regencyCodes.filter((c) => regencyName.has(c)),
      effectiveOn,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // Without a Kanwil there is no province to default to: unknownKanwil already says so.
        if (issue.path[0] === "provinceCode" && !kanwil && !raw.province) continue;
        errors.push({ key: "field", values: { field: String(issue.path[0] ?? ""), message: issue.message } });
      }
    } else if (!(await client.province.findUnique({ where: { code: parsed.data.provinceCode }, select: { code: true } }))) {
      errors.push({ key: "unknownProvince", values: { value: parsed.data.provinceCode } });
    }
    if (regencyCodes.length === 0) errors.push({ key: "workAreaEmpty" });
    checked.push({
      row: {
        line,
        name: raw.name,
        officeClass,
        kanwil: kanwil?.name ?? (raw.kanwil || null),
        regencies: regencyCodes.map((code) => ({ code, name: regencyName.get(code) ?? null })),
        errors,
      },
      input: errors.length === 0 && parsed.success ? parsed.data : null,
    });
  }
  return checked;
}

function splitCodes(text: string): string[] {
  return [...new Set(text.split(/[;,\s]+/).map((c) => c.trim()).filter(Boolean))];
}

function decode(input: z.output<typeof importOfficesSchema>): Buffer {
  const bytes = Buffer.from(input.content, "base64");
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError("VALIDATION", undefined, { content: "office.import.tooLarge" });
  return bytes;
}

async function prepare(client: Tx, input: z.output<typeof importOfficesSchema>) {
  const table = await readTable(input.fileName, decode(input)).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    throw new AppError("VALIDATION", undefined, { content: "office.import.unreadable" });
  });
  const { rows, fileErrors } = toRawRows(table);
  const checked = fileErrors.length > 0 ? [] : await checkRows(client, rows, input.effectiveOn);
  const valid = fileErrors.length === 0 && checked.every((c) => c.input !== null);
  return { checked, fileErrors, valid };
}

/** Reads and checks a file of new offices; writes nothing. */
export async function previewOfficeImport(actor: SessionUser, input: z.output<typeof importOfficesSchema>): Promise<ImportReport> {
  requireScope(actor, "manage:office");
  const { checked, fileErrors, valid } = await prepare(db, input);
  return { rows: checked.map((c) => c.row), fileErrors, valid, committed: false, created: 0 };
}

/**
 * Creates every office of the file in one transaction, or none: the file is checked again
 * inside the transaction, so a regency taken meanwhile fails the whole import with its row.
 */
export async function commitOfficeImport(actor: SessionUser, input: z.output<typeof importOfficesSchema>): Promise<ImportReport> {
  requireScope(actor, "manage:office");
  return db.$transaction(
    async (tx) => {
      // One import at a time: two files claiming the same regency cannot both pass their checks.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('office-import'))`;
      const { checked, fileErrors, valid } = await prepare(tx, input);
      const report = { rows: checked.map((c) => c.row), fileErrors, valid, committed: false, created: 0 };
      if (!valid) return report;
      await setChangeContext(tx, actor, input.effectiveOn);
      for (const { input: office } of checked) {
        if (!office) continue;
        const { regencyCodes, effectiveOn, ...fields } = office;
        const created = await tx.office.create({
          data: { ...fields, slug: slugify(fields.name), workArea: { create: regencyCodes.map((regencyCode) => ({ regencyCode })) } },
          select: { id: true },
        });
        await recordAudit(tx, actor, {
          action: "office.create",
          entityType: "office",
          entityId: created.id,
          officeId: created.id,
          changes: { after: { ...fields, regencyCodes, effectiveOn, source: input.fileName } },
        });
      }
      return { ...report, committed: true, created: checked.length };
    },
    { timeout: 60_000 },
  );
}
