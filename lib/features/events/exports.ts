import "server-only";
import { createPdfDocument, PDF_FONT } from "@/lib/export/pdf";
import { formatDateTimeInZone, formatTimeInZone, zoneAbbreviation } from "@/lib/dates";
import { toCsv, toXlsx, type Column } from "@/lib/export/spreadsheet";
import type { getAttendanceExport } from "@/lib/features/events/queries";

type ExportEvent = Awaited<ReturnType<typeof getAttendanceExport>>;
type Row = ExportEvent["attendees"][number];
type Translate = (key: string) => string;

function columns(t: Translate, event: ExportEvent): Column<Row>[] {
  return [
    { header: t("events.export.name"), value: (r) => r.name },
    { header: t("events.export.category"), value: (r) => t(`attendeeCategory.${r.category}`) },
    { header: t("events.export.position"), value: (r) => r.position },
    { header: t("events.export.origin"), value: (r) => r.desaBinaan?.village.name ?? r.institutionName },
    { header: t("events.export.gender"), value: (r) => r.gender },
    { header: t("events.export.phone"), value: (r) => r.phone },
    { header: t("events.export.consent"), value: (r) => r.consentAt !== null },
    { header: t("events.export.source"), value: (r) => t(`events.source.${r.source}`) },
    {
      header: t("events.export.recordedAt"),
      value: (r) => `${r.createdAt.toLocaleString("sv-SE", { timeZone: event.timeZone }).slice(0, 16)} ${zoneAbbreviation(event.timeZone)}`,
    },
  ];
}

export function attendeesCsv(event: ExportEvent, t: Translate): string {
  return toCsv(event.attendees, columns(t, event));
}

export function attendeesXlsx(event: ExportEvent, t: Translate): Promise<Buffer> {
  return toXlsx(event.attendees, columns(t, event), t("events.export.sheet"));
}

/**
 * The paper attendance sheet (daftar hadir): the session's heading, then numbered rows with a
 * signature column. Names already known are printed; blank rows follow for people on the day.
 */
export function attendanceSheetPdf(event: ExportEvent, t: Translate, locale: string, blankRows = 25): Promise<Buffer> {
  const doc = createPdfDocument({ size: "A4", margin: 40, info: { Title: `${t("events.sheet.title")} - ${event.title}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = 40;
  const widths = [28, 150, 95, 120, 30, 92];
  const headers = ["No", t("events.export.name"), t("events.export.position"), t("events.export.origin"), "L/P", t("events.sheet.signature")];
  const rowHeight = 26;
  const bottom = doc.page.height - 50;

  const heading = () => {
    doc.font(PDF_FONT.bold).fontSize(14).text(t("events.sheet.title").toUpperCase(), left, 40, { align: "center", width: 515 });
    doc.font(PDF_FONT.regular).fontSize(10).moveDown(0.4);
    doc.text(`${event.title}`, { align: "center", width: 515 });
    doc.text(`${event.office.name} · ${event.venueName}`, { align: "center", width: 515 });
    doc.text(`${formatDateTimeInZone(event.startsAt, event.timeZone, locale)} - ${formatTimeInZone(event.endsAt, event.timeZone, locale)}`, {
      align: "center",
      width: 515,
    });
    doc.moveDown(0.8);
    drawRow(headers, true);
  };
  const drawRow = (cells: string[], bold = false) => {
    if (doc.y + rowHeight > bottom) {
      doc.addPage();
      heading();
    }
    const y = doc.y;
    let x = left;
    doc.font(bold ? PDF_FONT.bold : PDF_FONT.regular).fontSize(9);
    cells.forEach((cell, i) => {
      doc.rect(x, y, widths[i]!, rowHeight).stroke();
      doc.text(cell, x + 3, y + 8, { width: widths[i]! - 6, height: rowHeight - 8, ellipsis: true, lineBreak: false });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + rowHeight;
  };

  heading();
  let n = 0;
  for (const a of event.attendees) {
    n++;
    drawRow([String(n), a.name, a.position ?? "", a.desaBinaan?.village.name ?? a.institutionName ?? "", a.gender ?? "", ""]);
  }
  for (let i = 0; i < blankRows; i++) drawRow([String(++n), "", "", "", "", ""]);
  doc.end();
  return done;
}
