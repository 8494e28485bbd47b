import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

/** One column of an export: its header (already translated) and how to read it from a row. */
export type Column<T> = { header: string; value: (row: T) => string | number | Date | boolean | null | undefined };

// A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets
// (OWASP "CSV injection"); tab and carriage return can smuggle one in after a separator. The
// full-width forms (＝ ＋ － ＠) count too: some programs fold them to ASCII before deciding, and
// so do leading spaces (ASCII, no-break and ideographic) before any of them.
const FORMULA_START = /^[\t\r]|^[ \u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

// "+6281234567890": a phone number in international form holds no formula, and must keep its "+".
const INTERNATIONAL_PHONE = /^\+\d{7,15}$/;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe, so it stays text. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) && !INTERNATIONAL_PHONE.test(value) ? `'${value}` : value;
}

function cell(value: ReturnType<Column<unknown>["value"]>): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "Ya" : "Tidak";
  if (typeof value === "string") return neutralizeFormula(value);
  return value;
}

/** CSV with a BOM (so Excel opens UTF-8 correctly), CRLF line ends, formulas neutralised. */
export function toCsv<T>(rows: Iterable<T>, columns: Column<T>[]): string {
  const records: (string | number | null)[][] = [columns.map((c) => neutralizeFormula(c.header))];
  for (const row of rows) {
    records.push(
      columns.map((c) => {
        const v = cell(c.value(row));
        return v instanceof Date ? v.toISOString() : v;
      }),
    );
  }
  return "\uFEFF" + stringify(records, { record_delimiter: "\r\n" });
}

/** One sheet of a workbook: rows and the columns that read them. */
export type Sheet = { name: string; header: string[]; cells: ReturnType<typeof cell>[][]; widths: number[] };

/** Builds a sheet, neutralising formulas; `sheet()`s of any row type go into one workbook. */
export function sheet<T>(name: string, rows: Iterable<T>, columns: Column<T>[]): Sheet {
  const cells: Sheet["cells"] = [];
  for (const row of rows) cells.push(columns.map((c) => cell(c.value(row))));
  return {
    name,
    header: columns.map((c) => neutralizeFormula(c.header)),
    cells,
    widths: columns.map((c) => Math.max(12, Math.min(50, c.header.length + 4))),
  };
}

/** An XLSX workbook, one tab per sheet, each with a bold frozen header row. */
export async function toXlsxWorkbook(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name.replace(/[*?:\\/[\]]/g, " ").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = s.header.map((header, i) => ({ header, width: s.widths[i] }));
    ws.getRow(1).font = { bold: true };
    ws.addRows(s.cells);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An XLSX workbook with one sheet, a bold frozen header row and sensible column widths. */
export async function toXlsx<T>(rows: Iterable<T>, columns: Column<T>[], sheetName = "Data"): Promise<Buffer> {
  return toXlsxWorkbook([sheet(sheetName, rows, columns)]);
}

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Content-Disposition for a download, safe for any file name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A private, uncached file download (exports carry personal data: never in a shared cache). */
export function downloadResponse(body: string | Uint8Array, contentType: string, fileName: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: { "Content-Type": contentType, "Content-Disposition": attachmentHeader(fileName), "Cache-Control": "private, no-store" },
  });
}
