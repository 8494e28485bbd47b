import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { attachmentHeader, neutralizeFormula, toCsv, toXlsx, type Column } from "@/lib/export/spreadsheet";

type Row = { name: string; count: number };
const columns: Column<Row>[] = [
  { header: "Nama", value: (r) => r.name },
  { header: "Jumlah", value: (r) => r.count },
];
const hostile = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "Desa, \"Cemeng\""];

describe("spreadsheet exports", () => {
  it("neutralises every formula start and leaves plain text alone", () => {
    expect(hostile.map(neutralizeFormula)).toEqual([
      "'=HYPERLINK(\"http://x\")",
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "Desa, \"Cemeng\"",
    ]);
  });

  it("writes CSV with a BOM, quoting, and neutralised cells", () => {
    const csv = toCsv(hostile.map((name, i) => ({ name, count: i })), columns);
    expect(csv.startsWith("\uFEFFNama,Jumlah\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",0`);
    expect(csv).toContain(`"Desa, ""Cemeng""",5`);
    expect(csv).not.toMatch(/\r\n=/);
  });

  it("writes XLSX whose text cells cannot run as formulas", async () => {
    const buffer = await toXlsx(hostile.map((name, i) => ({ name, count: i })), columns, "Uji");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Uji")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Nama", "Jumlah"]);
    expect(sheet.getCell("A2").value).toBe("'=HYPERLINK(\"http://x\")");
    expect(sheet.getCell("B3").value).toBe(1);
    for (let r = 2; r <= sheet.rowCount; r++) expect(sheet.getCell(`A${r}`).formula).toBeUndefined();
  });

  it("builds a download header for any file name", () => {
    expect(attachmentHeader("desa binaan – Sragen.csv")).toBe(
      "attachment; filename=\"desa binaan _ Sragen.csv\"; filename*=UTF-8''desa%20binaan%20%E2%80%93%20Sragen.csv",
    );
  });
});

// Issue 14, item 16: full-width signs, which some spreadsheet programs read as formula starts.
describe("full-width formula starts", () => {
  it("are neutralised too", () => {
    const cells = ["＝HYPERLINK(\"http://x\")", "＋1+1", "－2+3", "＠SUM(A1)", "\u3000＝1", " =1"];
    expect(cells.map(neutralizeFormula)).toEqual(cells.map((c) => `'${c}`));
  });
  it("leave full-width text elsewhere alone", () => {
    expect(neutralizeFormula("Desa Ａ＝Ｂ")).toBe("Desa Ａ＝Ｂ");
  });
});
