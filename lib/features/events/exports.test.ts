import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { attendanceSheetPdf, attendeesCsv, attendeesXlsx } from "@/lib/features/events/exports";
import { inflatedPdf, mappedCodePoints } from "@/tests/support/pdf";

const t = (key: string) => key.split(".").pop()!;
const person = (name: string, over: Record<string, unknown> = {}) => ({
  name,
  category: "WARGA" as const,
  position: null,
  institutionName: "@Desa",
  gender: "L" as const,
  phone: null,
  source: "CHECK_IN" as const,
  consentAt: new Date(),
  createdAt: new Date("2026-12-10T02:00:00Z"),
  desaBinaan: null,
  ...over,
});
const event = {
  id: "e",
  title: "Sosialisasi",
  type: "SOSIALISASI" as const,
  venueName: "Balai Desa",
  timeZone: "Asia/Makassar",
  startsAt: new Date("2026-12-10T01:00:00Z"),
  endsAt: new Date("2026-12-10T04:00:00Z"),
  office: { name: "Kanim Mataram" },
  counts: [],
  attendees: [person("=HYPERLINK(\"http://x\")"), person("+62 812"), person("-1"), person("Ani")],
};

describe("attendee exports", () => {
  it("neutralise formulas at a cell start in CSV and XLSX (=, +, -, @)", async () => {
    const csv = attendeesCsv(event, t);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'+62 812");
    expect(csv).toContain("'-1");
    expect(csv).toContain("'@Desa");
    expect(csv).toContain("2026-12-10 10:00 WITA");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await attendeesXlsx(event, t)) as unknown as ArrayBuffer);
    const names = book.worksheets[0]!.getColumn(1).values.slice(2);
    // the named attendees, then the total line
    expect(names).toEqual([`'=HYPERLINK("http://x")`, "'+62 812", "'-1", "Ani", "total"]);
    expect(book.worksheets[0]!.getCell("A2").formula).toBeUndefined();
  });

  it("prints names outside Latin-1 with an embedded Unicode font", async () => {
    const names = { ...event, attendees: [person("Ny. Ŝiti Nur’aini"), person("Łukasz"), person("Nguyễn Thị")] };
    const pdf = await attendanceSheetPdf(names, t, "id");
    const text = inflatedPdf(pdf);
    expect(text).toContain("/FontFile2");
    expect(text).not.toMatch(/\/BaseFont \/Helvetica/);
    const mapped = mappedCodePoints(pdf);
    for (const ch of ["Ŝ", "’", "Ł", "ễ"]) expect(mapped, ch).toContain(ch.codePointAt(0)!.toString(16).padStart(4, "0"));
  });

  it("prints a PDF attendance sheet, with pages for a long list", async () => {
    const many = { ...event, attendees: Array.from({ length: 60 }, (_, i) => person(`Peserta ${i}`)) };
    const pdf = await attendanceSheetPdf(many, t, "id");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect((pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(2);
  });
});
