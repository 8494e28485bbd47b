import "server-only";
import { createPdfDocument, PDF_FONT } from "@/lib/export/pdf";
import { formatDateTimeInZone, formatTimeInZone, zoneAbbreviation } from "@/lib/dates";
import { toCsv, toXlsx, type Column } from "@/lib/export/spreadsheet";
import type { getAttendanceExport } from "@/lib/features/events/queries";

type ExportEvent = Awaited<ReturnType<typeof getAttendanceExport>>;
type Row = ExportEvent["attendees"][number];
type Translate = (key: string) => string;

/**
 * One line of an export: a named attendee (count 1), a number of people known only by count
 * (category and gender), or the session's total. A reader sums the last column.
 */
type Line = {
  name: string;
  category: string | null;
  position: string | null;
  origin: string | null;
  gender: string | null;
  phone: string | null;
  consent: boolean | null;
  source: string | null;
  recordedAt: string | null;
  count: number;
};

function lines(event: ExportEvent, t: Translate): Line[] {
  const zone = zoneAbbreviation(event.timeZone);
  const named = event.attendees.map(
    (r: Row): Line => ({
      name: r.name,
      category: t(`attendeeCategory.${r.category}`),
      position: r.position,
      origin: r.desaBinaan?.village.name ?? r.institutionName,
      gender: r.gender,
      // stored as E.164 digits; written as a number a phone can dial
      phone: r.phone ? `+${r.phone}` : null,
      consent: r.consentAt !== null,
      source: t(`events.source.${r.source}`),
      recordedAt: `${r.createdAt.toLocaleString("sv-SE", { timeZone: event.timeZone }).slice(0, 16)} ${zone}`,
      count: 1,
    }),
  );
  const counted = event.counts.flatMap((c) =>
    (
      [
        ["L", c.male],
        ["P", c.female],
        [null, c.unknown],
      ] as const
    )
      .filter(([, n]) => n > 0)
      .map(
        ([gender, n]): Line => ({
          name: t("events.export.countedOnly"),
          category: t(`attendeeCategory.${c.category}`),
          position: null,
          origin: null,
          gender,
          phone: null,
          consent: null,
          source: t("events.export.countedSource"),
          recordedAt: null,
          count: n,
        }),
      ),
  );
  const total = [...named, ...counted].reduce((n, l) => n + l.count, 0);
  const empty = { category: null, position: null, origin: null, gender: null, phone: null, consent: null, source: null, recordedAt: null };
  return [...named, ...counted, { ...empty, name: t("events.export.total"), count: total }];
}

function columns(t: Translate): Column<Line>[] {
  return [
    { header: t("events.export.name"), value: (r) => r.name },
    { header: t("events.export.category"), value: (r) => r.category },
    { header: t("events.export.position"), value: (r) => r.position },
    { header: t("events.export.origin"), value: (r) => r.origin },
    { header: t("events.export.gender"), value: (r) => r.gender },
    { header: t("events.export.phone"), value: (r) => r.phone },
    { header: t("events.export.consent"), value: (r) => r.consent },
    { header: t("events.export.source"), value: (r) => r.source },
    { header: t("events.export.recordedAt"), value: (r) => r.recordedAt },
    { header: t("events.export.count"), value: (r) => r.count },
  ];
}

export function attendeesCsv(event: ExportEvent, t: Translate): string {
  return toCsv(lines(event, t), columns(t));
}

export function attendeesXlsx(event: ExportEvent, t: Translate): Promise<Buffer> {
  return toXlsx(lines(event, t), columns(t), t("events.export.sheet"));
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
