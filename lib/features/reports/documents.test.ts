import ExcelJS from "exceljs";
import { createTranslator } from "use-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalogue";
import { renderReportPdf, renderReportXlsx, reportFileName, type Translate } from "@/lib/features/reports/documents";
import { getActivityReport } from "@/lib/features/reports/activity-report";
import { createEvent } from "@/lib/factories";
import { inflatedPdf } from "@/tests/support/pdf";
import { createTwoOfficeWorld, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
let t: Translate;

beforeAll(async () => {
  w = await createTwoOfficeWorld();
  await createEvent(testDb, {
    officeId: w.officeA.id,
    status: "HELD",
    // a title a spreadsheet would run as a formula
    title: "=HYPERLINK(\"http://x\")",
    startsAt: new Date("2024-03-12T02:00:00Z"),
    desaBinaanIds: [w.villageA.id],
    reportNotes: "Grup WhatsApp dibagikan.",
    counts: [{ category: "KEPALA_DESA", male: 15 }],
  });
  t = createTranslator({ locale: "id", messages: await loadMessages("id") }) as unknown as Translate;
});

const request = { period: "month" as const, year: 2024, month: 3, format: "pdf" as const };

describe("report documents", () => {
  it("renders an office's month as a PDF", async () => {
    const report = await getActivityReport(w.adminA, { ...request, level: "office", id: w.officeA.id });
    const pdf = await renderReportPdf(report, t, "id");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(2000);
    expect(reportFileName(report, "pdf")).toMatch(/^laporan-kegiatan-.+-2024-03\.pdf$/);
    // an embedded Unicode font, never pdfkit's Latin-1 Helvetica
    const text = inflatedPdf(pdf);
    expect(text).toContain("/FontFile2");
    expect(text).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it("renders a national quarter as a workbook with the sessions, formulas neutralised", async () => {
    const report = await getActivityReport(w.national, { ...request, period: "quarter", quarter: 1, month: undefined, level: "national", format: "xlsx" });
    const workbook = new ExcelJS.Workbook();
    // exceljs types its Buffer against an older @types/node
    await workbook.xlsx.load((await renderReportXlsx(report, t, "id")) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Ringkasan", "Terjangkau", "Per kantor", "Kegiatan", "Perlu perhatian"]);
    const sessions = workbook.getWorksheet("Kegiatan")!;
    const titles = sessions.getColumn(5).values.map(String);
    expect(titles).toContain("'=HYPERLINK(\"http://x\")");
    const offices = workbook.getWorksheet("Per kantor")!;
    const officeRow = offices.getColumn(1).values.findIndex((v) => v === w.officeA.name);
    expect(offices.getRow(officeRow).getCell(5).value).toBe(15);
  });
});
