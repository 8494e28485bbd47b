import "server-only";
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { requireScope, type SessionUser } from "@/lib/server/scope";
import {
  AGENCY_IMPORT_MAX_BYTES,
  AGENCY_IMPORT_MAX_ROWS,
  agencyRowSchema,
  searchForm,
  type importAgenciesSchema,
} from "@/lib/features/agencies/schemas";

/** A problem with the file or one line: a catalogue key under agency.import.errors and its values. */
export type AgencyImportError = { line: number | null; key: string; values?: Record<string, string> };
export type AgencyImportReport = { committed: boolean; rowCount: number; errors: AgencyImportError[] };

type Column = "name" | "licenceNumber" | "address" | "province";

/** Column titles accepted in either language, compared without case, spaces or punctuation. */
const HEADERS: Record<string, Column> = {
  nama: "name",
  name: "name",
  namap3mi: "name",
  namaperusahaan: "name",
  perusahaan: "name",
  company: "name",
  nomorizin: "licenceNumber",
  noizin: "licenceNumber",
  izin: "licenceNumber",
  nomorsip3mi: "licenceNumber",
  sip3mi: "licenceNumber",
  licencenumber: "licenceNumber",
  licensenumber: "licenceNumber",
  licence: "licenceNumber",
  license: "licenceNumber",
  alamat: "address",
  address: "address",
  provinsi: "province",
  province: "province",
};
const REQUIRED: Column[] = ["name", "licenceNumber"];

const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The file's rows as arrays of cells, comma- or semicolon-separated (spreadsheets set to
 * Indonesian write `;`), or the problem that stops it being read at all.
 */
function readCsv(bytes: Buffer): { table: string[][] } | { error: AgencyImportError } {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  // Invalid UTF-8 decodes to U+FFFD: a file saved in another encoding would garble names.
  if (text.includes("\uFFFD")) return { error: { line: null, key: "notUtf8" } };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  try {
    return { table: parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][] };
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return { error: { line: typeof line === "number" ? line : null, key: "unreadable" } };
  }
}

type CheckedRow = { line: number; name: string; licenceNumber: string; address: string | null; province: string | null };

/**
 * Every line checked on its own (zod) and against the others (a licence number once); the
 * errors carry the line number as a spreadsheet shows it (the header is line 1).
 */
export function checkAgencyTable(table: string[][]): { rows: CheckedRow[]; errors: AgencyImportError[] } {
  const [header = [], ...body] = table;
  const columns = header.map((h) => HEADERS[headerKey(h)] ?? null);
  const errors: AgencyImportError[] = [];
  for (const required of REQUIRED) {
    if (!columns.includes(required)) errors.push({ line: 1, key: "missingColumn", values: { column: required } });
  }
  if (errors.length > 0) return { rows: [], errors };
  const rows: CheckedRow[] = [];
  const firstLineOf = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => !c?.trim())) return;
    const raw: Record<Column, string> = { name: "", licenceNumber: "", address: "", province: "" };
    columns.forEach((column, c) => {
      if (column) raw[column] = cells[c] ?? "";
    });
    const parsed = agencyRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ line, key: "field", values: { field: String(issue.path[0] ?? ""), message: issue.message } });
      }
      return;
    }
    const licenceKey = parsed.data.licenceNumber.toUpperCase().replace(/\s+/g, "");
    const earlier = firstLineOf.get(licenceKey);
    if (earlier !== undefined) {
      errors.push({ line, key: "duplicateLicence", values: { number: parsed.data.licenceNumber, line: String(earlier) } });
      return;
    }
    firstLineOf.set(licenceKey, line);
    rows.push({ line, ...parsed.data });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: null, key: "empty" });
  if (rows.length + errors.length > AGENCY_IMPORT_MAX_ROWS) {
    return { rows: [], errors: [{ line: null, key: "tooManyRows", values: { max: String(AGENCY_IMPORT_MAX_ROWS) } }] };
  }
  return { rows, errors };
}

/**
 * Loads a new list of licensed agencies: every line valid, or nothing written. The new list
 * replaces the old one (the public sees one list, the latest); earlier batches stay as the
 * record of what was loaded, from where and by whom, without their rows (ADR 0027).
 */
export async function importAgencies(actor: SessionUser, input: z.output<typeof importAgenciesSchema>): Promise<AgencyImportReport> {
  requireScope(actor, "manage:agency");
  const bytes = Buffer.from(input.content, "base64");
  if (bytes.length > AGENCY_IMPORT_MAX_BYTES) throw new AppError("VALIDATION", undefined, { content: "agency.import.tooLarge" });
  if (!/\.csv$/i.test(input.fileName)) throw new AppError("VALIDATION", undefined, { fileName: "agency.import.fileType" });
  const read = readCsv(bytes);
  if ("error" in read) return { committed: false, rowCount: 0, errors: [read.error] };
  const { rows, errors } = checkAgencyTable(read.table);
  if (errors.length > 0) return { committed: false, rowCount: 0, errors };

  return db.$transaction(
    async (tx) => {
      // One import at a time: two admins loading at once would otherwise interleave their lists.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('agency-import'))`;
      await tx.licensedAgency.deleteMany({});
      const batch = await tx.agencyImport.create({
        data: {
          source: input.source,
          sourceDate: new Date(`${input.sourceDate}T00:00:00Z`),
          fileName: input.fileName,
          fileSha256: createHash("sha256").update(bytes).digest("hex"),
          rowCount: rows.length,
          importedById: actor.id,
        },
        select: { id: true },
      });
      await tx.licensedAgency.createMany({
        data: rows.map((r) => ({ ...r, importId: batch.id, searchName: searchForm(r.name) })),
      });
      await recordAudit(tx, actor, {
        action: "agency.import",
        entityType: "agency_import",
        entityId: batch.id,
        officeId: null,
        changes: { after: { source: input.source, sourceDate: input.sourceDate, fileName: input.fileName, rowCount: rows.length } },
      });
      return { committed: true, rowCount: rows.length, errors: [] };
    },
    { timeout: 60_000 },
  );
}
