import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseAttendeeFile } from "@/lib/features/events/import";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("parseAttendeeFile", () => {
  it("reads an XLSX sheet the same way as a CSV, linking origins to the office's villages", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Peserta");
    sheet.addRow(["Nama", "Kategori", "Desa/Instansi", "Jenis Kelamin", "No HP", "Persetujuan"]);
    sheet.addRow(["Sri Wahyuni", "Kader", "Cemeng", "P", "0812 3456 7890", "Ya"]);
    sheet.addRow(["Joko", "kepala_desa", "Disnaker", "L", "", ""]);
    const data = new Uint8Array(await book.xlsx.writeBuffer());
    const result = await parseAttendeeFile(data, "hadir.XLSX", new Map([["cemeng", "village-1"]]));
    expect(result.ok && result.issues).toEqual([]);
    expect(result.ok && result.rows.map((r) => [r.name, r.category, r.gender, r.phone, r.consent, r.desaBinaanId])).toEqual([
      ["Sri Wahyuni", "KADER", "P", "6281234567890", true, "village-1"],
      ["Joko", "KEPALA_DESA", "L", null, false, null],
    ]);
  });

  it("takes semicolon CSVs (Excel in Indonesian locale) and quoted commas", async () => {
    const result = await parseAttendeeFile(utf8('nama;desa_instansi\n"Hartono, S.Pd";SMA 1\n'), "a.csv");
    expect(result.ok && result.rows[0]).toMatchObject({ name: "Hartono, S.Pd", institutionName: "SMA 1", category: "LAINNYA" });
  });

  it("refuses empty files, garbage XLSX and too-large files with a file-level key", async () => {
    const key = async (data: Uint8Array, name: string) => {
      const r = await parseAttendeeFile(data, name);
      return r.ok ? null : r.fileError.key;
    };
    expect(await key(utf8("nama\n"), "a.csv")).toBe("attendeeImport.empty");
    expect(await key(utf8("not a zip"), "a.xlsx")).toBe("attendeeImport.badXlsx");
    expect(await key(new Uint8Array(9 * 1024 * 1024), "a.csv")).toBe("attendeeImport.tooBig");
  });
});
