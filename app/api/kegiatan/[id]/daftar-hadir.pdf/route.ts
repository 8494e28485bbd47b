import { getLocale } from "next-intl/server";
import { downloadResponse } from "@/lib/export/spreadsheet";
import { attendanceSheetPdf } from "@/lib/features/events/exports";
import { getAttendanceExport } from "@/lib/features/events/queries";
import { signedInRoute } from "@/lib/server/route";
import { getTranslator } from "@/lib/i18n/translator";

/** The printable attendance sheet with a signature column. */
export const GET = signedInRoute<{ id: string }>(async ({ user, params }) => {
  const event = await getAttendanceExport(user, params.id);
  const t = await getTranslator();
  const pdf = await attendanceSheetPdf(event, t, await getLocale());
  return downloadResponse(pdf, "application/pdf", `daftar-hadir-${event.title.slice(0, 60)}.pdf`);
});
