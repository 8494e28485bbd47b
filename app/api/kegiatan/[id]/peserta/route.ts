import { CSV_CONTENT_TYPE, downloadResponse, XLSX_CONTENT_TYPE } from "@/lib/export/spreadsheet";
import { attendeesCsv, attendeesXlsx } from "@/lib/features/events/exports";
import { getAttendanceExport } from "@/lib/features/events/queries";
import { recordAttendeeDownload } from "@/lib/server/audit";
import { signedInRoute } from "@/lib/server/route";
import { getTranslator } from "@/lib/i18n/translator";

/** Attendees as CSV (default) or XLSX (?format=xlsx); export:attendance is checked in the query. */
export const GET = signedInRoute<{ id: string }>(async ({ user, params, request }) => {
  const event = await getAttendanceExport(user, params.id);
  const t = await getTranslator();
  const base = `peserta-${event.title.slice(0, 60)}`;
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  await recordAttendeeDownload(user, { eventId: event.id, format });
  if (format === "xlsx") {
    return downloadResponse(await attendeesXlsx(event, t), XLSX_CONTENT_TYPE, `${base}.xlsx`);
  }
  return downloadResponse(attendeesCsv(event, t), CSV_CONTENT_TYPE, `${base}.csv`);
});
