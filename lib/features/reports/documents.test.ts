import ExcelJS from "exceljs";
import { createTranslator } from "use-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalogue";
import { renderReportPdf, renderReportXlsx, reportFileName, type Translate } from "@/lib/features/reports/documents";
import { getActivityReport } from "@/lib/features/reports/activity-report";
import { createEvent, createMaterial } from "@/lib/factories";
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
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Ringkasan", "Terjangkau", "Per kantor", "Deteksi dini", "Kegiatan", "Perlu perhatian"]);
    const sessions = workbook.getWorksheet("Kegiatan")!;
    const titles = sessions.getColumn(5).values.map(String);
    expect(titles).toContain("'=HYPERLINK(\"http://x\")");
    const offices = workbook.getWorksheet("Per kantor")!;
    const officeRow = offices.getColumn(1).values.findIndex((v) => v === w.officeA.name);
    expect(offices.getRow(officeRow).getCell(5).value).toBe(15);
  });

  it("carries the early-warning counts of the period, never a report's contents (ADR 0024)", async () => {
    const filedAt = new Date("2024-02-05T03:00:00Z");
    await testDb.warningReport.create({
      data: {
        ticketCode: `DD-DOC${Date.now().toString(36).slice(-5).toUpperCase()}`,
        source: "OFFICER",
        category: "RECRUITER",
        description: "Rahasia: nama perekrut",
        peopleInvolved: "Budi (17)",
        occurredOn: new Date("2024-02-04T00:00:00Z"),
        provinceCode: w.officeA.provinceCode,
        officeId: w.officeA.id,
        kanwilId: w.officeA.kanwilId,
        filedAt,
        filedMonth: new Date("2024-02-01T00:00:00Z"),
        slaHours: 24,
        warnAt: new Date(filedAt.getTime() + 18 * 3_600_000),
        dueAt: new Date(filedAt.getTime() + 24 * 3_600_000),
        firstResponseAt: new Date(filedAt.getTime() + 90 * 60_000),
        closedAt: new Date(filedAt.getTime() + 48 * 3_600_000),
      },
    });
    const report = await getActivityReport(w.adminA, { ...request, period: "quarter", quarter: 1, month: undefined, level: "office", id: w.officeA.id, format: "xlsx" });
    expect(report.warnings?.total).toMatchObject({ filed: 1, responded: 1, withinSla: 1, medianMinutes: 90, shareWithinSla: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportXlsx(report, t, "id")) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Deteksi dini")!;
    expect(sheet.getRow(2).values).toEqual([undefined, w.officeA.name, 1, 1, 1, 100, 90, 0, 0]);
    const pdf = inflatedPdf(await renderReportPdf(report, t, "id"));
    for (const secret of ["Rahasia", "Budi"]) {
      expect(JSON.stringify(sheet.getSheetValues())).not.toContain(secret);
      expect(pdf).not.toContain(secret);
    }
  });

  it("carries the quizzes' participation and gain per question, in the workbook and the PDF (issue 17)", async () => {
    const material = await createMaterial(testDb, { status: "PUBLISHED", officeId: w.officeA.id });
    const quiz = await testDb.quiz.create({
      data: {
        officeId: w.officeA.id,
        materialId: material.id,
        title: "Kuis paspor aman",
        questions: {
          create: [
            { position: 1, text: "Siapa yang menerbitkan paspor?", options: ["Kantor imigrasi", "Calo"], correct: [0] },
            { position: 2, text: "Bolehkah paspor dititipkan ke perekrut?", options: ["Ya", "Tidak"], correct: [1] },
          ],
        },
      },
      include: { questions: { orderBy: { position: "asc" } } },
    });
    const event = await createEvent(testDb, {
      officeId: w.officeA.id,
      status: "HELD",
      title: "Sosialisasi dengan kuis",
      startsAt: new Date("2024-03-20T02:00:00Z"),
      desaBinaanIds: [w.villageA.id],
    });
    await testDb.event.update({ where: { id: event.id }, data: { preTestQuizId: quiz.id, postTestQuizId: quiz.id } });
    const [q1, q2] = quiz.questions;
    // 20 paper sheets each: question 1 from 10 right to 18 (+40 points), question 2 from 5 to 15 (+50)
    await testDb.quizPaperTally.createMany({
      data: [
        { eventId: event.id, phase: "PRE", questionId: q1!.id, sheets: 20, correct: 10 },
        { eventId: event.id, phase: "PRE", questionId: q2!.id, sheets: 20, correct: 5 },
        { eventId: event.id, phase: "POST", questionId: q1!.id, sheets: 20, correct: 18 },
        { eventId: event.id, phase: "POST", questionId: q2!.id, sheets: 20, correct: 15 },
      ],
    });

    const report = await getActivityReport(w.adminA, { ...request, level: "office", id: w.officeA.id, format: "xlsx" });
    expect(report.quizzes).toMatchObject({ sessions: 1, pre: { online: 0, paper: 20 }, post: { online: 0, paper: 20 }, averageGain: 45 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportXlsx(report, t, "id")) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Kuis")!;
    expect(sheet, "the workbook has a quiz sheet").toBeDefined();
    expect(sheet.getRow(2).values).toEqual([undefined, "Kuis paspor aman", 1, "Siapa yang menerbitkan paspor?", 20, 50, 20, 90, 40]);
    expect(sheet.getRow(3).values).toEqual([undefined, "Kuis paspor aman", 2, "Bolehkah paspor dititipkan ke perekrut?", 20, 25, 20, 75, 50]);
    const pdf = await renderReportPdf(report, t, "id");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    // Another office's report has none of it.
    const other = await getActivityReport(w.adminB, { ...request, level: "office", id: w.officeB.id, format: "xlsx" });
    expect(other.quizzes.sessions).toBe(0);
    expect(other.quizzes.questions).toEqual([]);
  });
});
