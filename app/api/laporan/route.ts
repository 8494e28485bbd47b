import { getLocale } from "next-intl/server";
import { NextResponse } from "next/server";
import { attachmentHeader, XLSX_CONTENT_TYPE } from "@/lib/export/spreadsheet";
import { renderReportPdf, renderReportXlsx, reportFileName } from "@/lib/features/reports/documents";
import { getActivityReport } from "@/lib/features/reports/activity-report";
import { reportRequestSchema } from "@/lib/features/reports/schemas";
import { signedInRoute } from "@/lib/server/route";
import { getTranslator } from "@/lib/i18n/translator";

/**
 * GET /api/laporan?level=office|kanwil|national&id=&period=month|quarter&year=&month=|quarter=&format=pdf|xlsx
 * A report outside the user's scope answers 404, exactly like one that does not exist (the wrapper).
 */
export const GET = signedInRoute<Record<string, never>>(async ({ user, request }) => {
  const parsed = reportRequestSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return NextResponse.json({ error: "VALIDATION" }, { status: 400 });
  const report = await getActivityReport(user, parsed.data);
  const locale = await getLocale();
  const t = await getTranslator(locale);
  const pdf = parsed.data.format === "pdf";
  const body = pdf ? await renderReportPdf(report, t, locale) : await renderReportXlsx(report, t, locale);
  return new NextResponse(new Uint8Array(body), {
    headers: {
      "Content-Type": pdf ? "application/pdf" : XLSX_CONTENT_TYPE,
      "Content-Disposition": attachmentHeader(reportFileName(report, pdf ? "pdf" : "xlsx")),
      "Cache-Control": "private, no-store",
    },
  });
}, {
  unauthenticated: () => NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 }),
  onError: () => NextResponse.json({ error: "NOT_FOUND" }, { status: 404 }),
});
