import "server-only";
import { createPdfDocument, PDF_FONT } from "@/lib/export/pdf";
import { dateTimeFormat, formatDate, formatNumber, zoneAbbreviation } from "@/lib/dates";
import { sheet, toXlsxWorkbook, type Column } from "@/lib/export/spreadsheet";
import { ATTENTION_DAYS } from "@/lib/features/reports/figures";
import { type ActivityReport, type ReportSession } from "@/lib/features/reports/activity-report";
import { isoDay } from "@/lib/features/reports/period";
import { VILLAGE_STAGES } from "@/lib/stages";
import type { Score } from "@/lib/features/warnings/scores";
import { percentCorrect } from "@/lib/features/quizzes/queries";

/** A translator for the report texts (catalogue namespaces reportDoc, dashboard, stages, eventType). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function periodLabel(report: Pick<ActivityReport, "period">, t: Translate, locale: string): string {
  const { period } = report;
  if (period.kind === "quarter") return t("reportDoc.quarterLabel", { n: period.quarter ?? 1, year: period.year });
  return dateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(period.year, (period.month ?? 1) - 1, 1)),
  );
}

/** A file name such as laporan-kegiatan-kanim-surakarta-2025-06.pdf */
export function reportFileName(report: ActivityReport, extension: "pdf" | "xlsx"): string {
  const slug = report.subject.name
    .toLowerCase()
    .replace(/kantor imigrasi/g, "kanim")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const { period } = report;
  const when = period.kind === "quarter" ? `${period.year}-q${period.quarter}` : `${period.year}-${String(period.month).padStart(2, "0")}`;
  return `laporan-kegiatan-${slug}-${when}.${extension}`;
}

function sessionDate(s: ReportSession, locale: string): string {
  const text = dateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: s.timeZone }).format(s.startsAt);
  return `${text} (${zoneAbbreviation(s.timeZone)})`;
}

function summaryRows(report: ActivityReport, t: Translate): [string, number][] {
  return [
    [t("reportDoc.villages"), report.villageCount],
    ...VILLAGE_STAGES.map((stage) => [t("reportDoc.stageNow", { stage: t(`stages.${stage}`) }), report.villagesByStage[stage] ?? 0] as [string, number]),
    ...VILLAGE_STAGES.filter((stage) => report.stageChanges[stage]).map(
      (stage) => [t("reportDoc.stageChanges", { stage: t(`stages.${stage}`) }), report.stageChanges[stage] ?? 0] as [string, number],
    ),
    [t("reportDoc.held"), report.sessionCounts.held],
    [t("reportDoc.planned"), report.sessionCounts.planned],
    [t("reportDoc.cancelled"), report.sessionCounts.cancelled],
    [t("reportDoc.villagesReached"), report.villagesReached],
    [t("reportDoc.reached"), report.reach.total],
    [`  ${t("reportDoc.male")}`, report.reach.male],
    [`  ${t("reportDoc.female")}`, report.reach.female],
    [`  ${t("reportDoc.unknown")}`, report.reach.unknown],
  ];
}

/** Early-warning figures (ADR 0024): counts and times only, never a report's contents or people. */
function warningRows(w: Score, t: Translate): [string, number | string][] {
  return [
    [t("warningScores.doc.filed"), w.filed],
    [t("warningScores.doc.responded"), w.responded],
    [t("warningScores.doc.withinSla"), w.withinSla],
    [t("warningScores.doc.share"), w.shareWithinSla === null ? "–" : Math.round(w.shareWithinSla * 1000) / 10],
    [t(w.medianApproximate ? "warningScores.doc.medianApproximate" : "warningScores.doc.median"), w.medianMinutes === null ? "–" : Math.round(w.medianMinutes)],
    [t("warningScores.doc.open"), w.open],
    [t("warningScores.doc.overdue"), w.overdue],
  ];
}

/** Quiz participation and the average gain (ADR 0025): sheets and percentages, never a person. */
function quizRows(q: ActivityReport["quizzes"], t: Translate): [string, number | string][] {
  return [
    [t("reportDoc.quiz.sessions"), q.sessions],
    [t("reportDoc.quiz.pre"), q.pre.online + q.pre.paper],
    [t("reportDoc.quiz.post"), q.post.online + q.post.paper],
    [t("reportDoc.quiz.averageGain"), q.averageGain === null ? "–" : oneDecimal(q.averageGain)],
  ];
}

const oneDecimal = (v: number) => Math.round(v * 10) / 10;
const percentOrNull = (f: { answered: number; correct: number }) => { const p = percentCorrect(f); return p === null ? null : oneDecimal(p); };

// ─────────────────────────── XLSX ───────────────────────────

/** The report as a workbook to work with: one tab per table, numbers as numbers. */
export async function renderReportXlsx(report: ActivityReport, t: Translate, locale: string): Promise<Buffer> {
  const header: [string, string | number][] = [
    [t("reportDoc.title"), report.subject.name],
    [t("reportDoc.periodMonth", { label: periodLabel(report, t, locale) }), `${isoDay(report.period.from)} – ${isoDay(new Date(report.period.to.getTime() - 1))}`],
  ];
  const kv: Column<[string, string | number]>[] = [
    { header: t("reportDoc.item"), value: (r) => r[0] },
    { header: t("reportDoc.value"), value: (r) => r[1] },
  ];
  const sessionColumns: Column<ReportSession>[] = [
    { header: t("reportDoc.date"), value: (s) => isoDay(s.startsAt) },
    { header: t("reportDoc.office"), value: (s) => s.office },
    { header: t("reportDoc.type"), value: (s) => t(`eventType.${s.type}`) },
    { header: t("reportDoc.status"), value: (s) => t(`dashboard.status.${s.status}`) },
    { header: t("reportDoc.titleCol"), value: (s) => s.title },
    { header: t("reportDoc.venue"), value: (s) => s.venueName },
    { header: t("reportDoc.villagesCol"), value: (s) => s.villages },
    { header: t("reportDoc.reachedCol"), value: (s) => s.reached },
    { header: t("reportDoc.notes"), value: (s) => s.reportNotes },
    { header: t("reportDoc.followUps"), value: (s) => s.followUps },
  ];
  const sheets = [
    sheet(t("reportDoc.sheetSummary"), [...header, ...summaryRows(report, t)], kv),
    sheet(t("reportDoc.sheetReach"), report.reachByCategory, [
      { header: t("reportDoc.category"), value: (c) => t(`dashboard.category.${c.category}`) },
      { header: t("reportDoc.male"), value: (c) => c.male },
      { header: t("reportDoc.female"), value: (c) => c.female },
      { header: t("reportDoc.unknown"), value: (c) => c.unknown },
      { header: t("reportDoc.value"), value: (c) => c.total },
    ]),
  ];
  if (report.level !== "office") {
    sheets.push(
      sheet(t("reportDoc.sheetOffices"), report.perOffice, [
        { header: t("reportDoc.office"), value: (o) => o.name },
        { header: t("reportDoc.villages"), value: (o) => o.villages },
        { header: t("reportDoc.held"), value: (o) => o.held },
        { header: t("reportDoc.planned"), value: (o) => o.planned },
        { header: t("reportDoc.reached"), value: (o) => o.reached },
      ]),
    );
  }
  if (report.warnings) {
    const w = report.warnings;
    const rows = [{ name: report.subject.name, ...w.total }, ...w.offices];
    sheets.push(
      sheet(t("warningScores.doc.sheet"), rows, [
        { header: t("warningScores.doc.office"), value: (o) => o.name },
        { header: t("warningScores.doc.filed"), value: (o) => o.filed },
        { header: t("warningScores.doc.responded"), value: (o) => o.responded },
        { header: t("warningScores.doc.withinSla"), value: (o) => o.withinSla },
        { header: t("warningScores.doc.share"), value: (o) => (o.shareWithinSla === null ? null : Math.round(o.shareWithinSla * 1000) / 10) },
        { header: t(w.total.medianApproximate ? "warningScores.doc.medianApproximate" : "warningScores.doc.median"), value: (o) => (o.medianMinutes === null ? null : Math.round(o.medianMinutes)) },
        { header: t("warningScores.doc.open"), value: (o) => o.open },
        { header: t("warningScores.doc.overdue"), value: (o) => o.overdue },
      ]),
    );
  }
  if (report.quizzes.sessions > 0) {
    sheets.push(
      sheet(t("reportDoc.quiz.sheet"), report.quizzes.questions, [
        { header: t("reportDoc.quiz.quiz"), value: (q) => q.quizTitle },
        { header: t("reportDoc.quiz.number"), value: (q) => q.position },
        { header: t("reportDoc.quiz.question"), value: (q) => q.text },
        { header: t("reportDoc.quiz.preAnswered"), value: (q) => q.pre.answered },
        { header: t("reportDoc.quiz.preCorrect"), value: (q) => percentOrNull(q.pre) },
        { header: t("reportDoc.quiz.postAnswered"), value: (q) => q.post.answered },
        { header: t("reportDoc.quiz.postCorrect"), value: (q) => percentOrNull(q.post) },
        { header: t("reportDoc.quiz.gain"), value: (q) => (q.gain === null ? null : oneDecimal(q.gain)) },
      ]),
    );
  }
  sheets.push(sheet(t("reportDoc.sheetSessions"), report.sessions, sessionColumns));
  sheets.push(
    sheet(t("reportDoc.sheetAttention"), report.attention, [
      { header: t("dashboard.villageCol"), value: (v) => v.village },
      { header: t("reportDoc.regency"), value: (v) => v.regency },
      { header: t("reportDoc.office"), value: (v) => v.office },
      { header: t("reportDoc.stage"), value: (v) => t(`stages.${v.stage}`) },
      { header: t("reportDoc.lastHeld"), value: (v) => (v.lastHeldAt ? isoDay(v.lastHeldAt) : null) },
    ]),
  );
  return toXlsxWorkbook(sheets);
}

// ─────────────────────────── PDF ───────────────────────────

const MARGIN = 56; // about 2 cm, as in a government letter

/** The report in an official layout: letterhead, numbered sections, signature block, page numbers. */
export async function renderReportPdf(report: ActivityReport, t: Translate, locale: string): Promise<Buffer> {
  const doc = createPdfDocument({ size: "A4", margin: MARGIN, bufferPages: true, info: { Title: `${t("reportDoc.title")} – ${report.subject.name}` }, lang: locale });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - MARGIN * 2;
  const n = (v: number) => formatNumber(v, locale);

  // Letterhead (kop): ministry, directorate, the reporting unit, a double rule.
  doc.font(PDF_FONT.bold).fontSize(11).text(t("reportDoc.ministry"), { align: "center" });
  doc.text(t("reportDoc.directorate"), { align: "center" });
  if (report.level !== "national") doc.fontSize(12).text(report.subject.name.toUpperCase(), { align: "center" });
  if (report.subject.address) doc.font(PDF_FONT.regular).fontSize(9).text(report.subject.address, { align: "center" });
  const ruleY = doc.y + 4;
  doc.moveTo(MARGIN, ruleY).lineTo(MARGIN + width, ruleY).lineWidth(2).stroke();
  doc.moveTo(MARGIN, ruleY + 3).lineTo(MARGIN + width, ruleY + 3).lineWidth(0.5).stroke();
  doc.y = ruleY + 16;

  doc.font(PDF_FONT.bold).fontSize(12).text(t("reportDoc.title"), { align: "center" });
  doc.font(PDF_FONT.regular).fontSize(10).text(t("reportDoc.periodMonth", { label: periodLabel(report, t, locale) }), { align: "center" });
  const levelKey = report.level === "office" ? "levelOffice" : report.level === "kanwil" ? "levelKanwil" : "levelNational";
  doc.text(`${t(`reportDoc.${levelKey}`)} · ${report.subject.name}`, { align: "center" });
  doc.moveDown();

  let section = 0;
  const heading = (text: string) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    const letter = String.fromCharCode(65 + section++);
    doc.moveDown(0.6).font(PDF_FONT.bold).fontSize(11).text(`${letter}. ${text}`, MARGIN, doc.y, { width });
    doc.moveDown(0.3).font(PDF_FONT.regular).fontSize(9);
  };
  const table = (head: string[], rows: (string | number)[][], widths: (number | string)[], numeric: boolean[]) => {
    doc.font(PDF_FONT.regular).fontSize(9);
    doc.table({
      position: { x: MARGIN },
      maxWidth: width,
      columnStyles: widths.map((w, i) => ({ width: w, align: { x: numeric[i] ? "right" : "left", y: "top" } })),
      rowStyles: (i) => (i === 0 ? { backgroundColor: "#e5e7eb" } : undefined),
      data: [
        head.map((h) => ({ text: h, type: "TH" as const, font: { src: PDF_FONT.bold } })),
        ...rows.map((r) => r.map((v) => (typeof v === "number" ? n(v) : v))),
      ],
    });
    doc.x = MARGIN;
  };

  heading(t("reportDoc.summary"));
  table([t("reportDoc.item"), t("reportDoc.value")], summaryRows(report, t), ["*", 90], [false, true]);

  heading(t("reportDoc.reach"));
  if (report.reachByCategory.length === 0) doc.text(t("reportDoc.none"));
  else
    table(
      [t("reportDoc.category"), t("reportDoc.male"), t("reportDoc.female"), t("reportDoc.unknown"), t("reportDoc.value")],
      report.reachByCategory.map((c) => [t(`dashboard.category.${c.category}`), c.male, c.female, c.unknown, c.total]),
      ["*", 70, 70, 80, 70],
      [false, true, true, true, true],
    );

  if (report.level !== "office") {
    heading(t("reportDoc.perOffice"));
    table(
      [t("reportDoc.office"), t("dashboard.villagesCol"), t("dashboard.heldCol"), t("dashboard.plannedCol"), t("reportDoc.reachedCol")],
      report.perOffice.map((o) => [o.name, o.villages, o.held, o.planned, o.reached]),
      ["*", 65, 65, 75, 70],
      [false, true, true, true, true],
    );
  }

  if (report.warnings) {
    heading(t("warningScores.doc.heading"));
    doc.text(t("warningScores.doc.intro"), { width });
    doc.moveDown(0.3);
    table([t("reportDoc.item"), t("reportDoc.value")], warningRows(report.warnings.total, t), ["*", 90], [false, true]);
    // a Kanwil's offices fit on a page; the nation's 125 are in the XLSX
    if (report.level === "kanwil" && report.warnings.offices.length > 0) {
      doc.moveDown(0.3);
      table(
        [t("warningScores.doc.office"), t("warningScores.doc.filed"), t("warningScores.doc.withinSla"), t("warningScores.doc.open"), t("warningScores.doc.overdue")],
        report.warnings.offices.map((o) => [o.name, o.filed, o.withinSla, o.open, o.overdue]),
        ["*", 60, 80, 60, 70],
        [false, true, true, true, true],
      );
    }
  }

  if (report.quizzes.sessions > 0) {
    const q = report.quizzes;
    heading(t("reportDoc.quiz.heading"));
    doc.text(t("reportDoc.quiz.intro"), { width });
    doc.moveDown(0.3);
    table([t("reportDoc.item"), t("reportDoc.value")], quizRows(q, t), ["*", 90], [false, true]);
    const questionTable = (title: string, rows: typeof q.questions) => {
      if (rows.length === 0) return;
      doc.moveDown(0.4).font(PDF_FONT.bold).fontSize(9).text(title, MARGIN, doc.y, { width });
      doc.moveDown(0.2);
      const pct = (f: { answered: number; correct: number }) => { const p = percentOrNull(f); return p === null ? "–" : `${p}%`; };
      table(
        [t("reportDoc.quiz.question"), t("reportDoc.quiz.preCorrect"), t("reportDoc.quiz.postCorrect"), t("reportDoc.quiz.gain")],
        rows.map((r) => [`${r.quizTitle} · ${r.position}. ${r.text}`, pct(r.pre), pct(r.post), r.gain === null ? "–" : oneDecimal(r.gain)]),
        ["*", 70, 70, 60],
        [false, true, true, true],
      );
    };
    questionTable(t("reportDoc.quiz.topGains"), q.topGains);
    if (report.level === "national") questionTable(t("reportDoc.quiz.hardest"), q.hardest);
  }

  heading(t("reportDoc.highlights"));
  if (report.highlights.length === 0) doc.text(t("reportDoc.none"));
  for (const h of report.highlights) {
    if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
    doc.font(PDF_FONT.bold).fontSize(9).text(`${h.title}`, MARGIN, doc.y, { width });
    doc.font(PDF_FONT.regular).text(`${sessionDate(h, locale)} · ${t(`eventType.${h.type}`)} · ${h.venueName} · ${h.office} · ${t("reportDoc.reachedCol")}: ${n(h.reached)}`, { width });
    if (h.villages) doc.text(`${t("reportDoc.villagesCol")}: ${h.villages}`, { width });
    if (h.reportNotes) doc.text(`${t("reportDoc.notes")}: ${h.reportNotes}`, { width });
    if (h.followUps) doc.text(`${t("reportDoc.followUps")}: ${h.followUps}`, { width });
    doc.moveDown(0.4);
  }

  heading(t("reportDoc.sessions"));
  if (report.sessions.length === 0) doc.text(t("reportDoc.none"));
  else if (report.level !== "office") doc.text(t("reportDoc.sessionsInXlsx", { count: report.sessions.length }), { width });
  else
    table(
      [t("reportDoc.date"), t("reportDoc.type"), t("reportDoc.titleCol"), t("reportDoc.villagesCol"), t("reportDoc.status"), t("reportDoc.reachedCol")],
      report.sessions.map((s) => [sessionDate(s, locale), t(`eventType.${s.type}`), s.title, s.villages ?? "", t(`dashboard.status.${s.status}`), s.reached]),
      [75, 65, "*", 90, 60, 62],
      [false, false, false, false, false, true],
    );

  heading(t("reportDoc.attention"));
  doc.text(t("reportDoc.attentionCount", { count: report.attention.length, days: ATTENTION_DAYS }), { width });
  if (report.attention.length > 0) {
    doc.moveDown(0.3);
    table(
      [t("dashboard.villageCol"), t("reportDoc.regency"), t("reportDoc.office"), t("reportDoc.lastHeld")],
      report.attention.slice(0, 25).map((v) => [v.village, v.regency, v.office, v.lastHeldAt ? formatDate(new Date(`${isoDay(v.lastHeldAt)}T00:00:00Z`), locale) : t("reportDoc.never")]),
      ["*", "*", "*", 90],
      [false, false, false, false],
    );
  }

  // Signature block, right-aligned as in a government letter.
  if (doc.y > doc.page.height - MARGIN - 110) doc.addPage();
  doc.moveDown(1.5).font(PDF_FONT.regular).fontSize(10);
  const signX = MARGIN + width / 2;
  const today = formatDate(new Date(`${isoDay(report.generatedAt)}T00:00:00Z`), locale);
  doc.text(today, signX, doc.y, { width: width / 2, align: "center" });
  doc.text(t("reportDoc.signHead", { subject: report.subject.name }), signX, doc.y, { width: width / 2, align: "center" });
  doc.moveDown(3.5);
  doc.font(PDF_FONT.bold).text(report.subject.headName ?? "(.................................)", signX, doc.y, { width: width / 2, align: "center" });

  // Footer on every page: where it came from and page x of y.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 16;
    doc.page.margins.bottom = 0;
    doc.font(PDF_FONT.regular).fontSize(7.5).fillColor("#4b5563");
    doc.text(t("reportDoc.generated", { date: today }), MARGIN, y, { width: width - 80, lineBreak: false });
    doc.text(t("reportDoc.page", { n: i + 1, total: range.count }), MARGIN + width - 80, y, { width: 80, align: "right", lineBreak: false });
    doc.fillColor("black");
  }
  doc.end();
  return done;
}
