import { NextResponse, type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { attachmentHeader, CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from "@/lib/export/spreadsheet";
import { attendeesCsv, attendeesXlsx } from "@/lib/features/events/exports";
import { getAttendanceExport } from "@/lib/features/events/queries";
import { getCurrentUser } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";

/** Attendees as CSV (default) or XLSX (?format=xlsx); export:attendance is checked in the query. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new NextResponse(null, { status: 401 });
  const { id } = await params;
  try {
    const event = await getAttendanceExport(user, id);
    const t = (await getTranslations()) as unknown as (key: string) => string;
    const base = `peserta-${event.title.slice(0, 60)}`;
    const headers = { "Cache-Control": "private, no-store" };
    if (request.nextUrl.searchParams.get("format") === "xlsx") {
      return new NextResponse(new Uint8Array(await attendeesXlsx(event, t)), {
        headers: { ...headers, "Content-Type": XLSX_CONTENT_TYPE, "Content-Disposition": attachmentHeader(`${base}.xlsx`) },
      });
    }
    return new NextResponse(attendeesCsv(event, t), {
      headers: { ...headers, "Content-Type": CSV_CONTENT_TYPE, "Content-Disposition": attachmentHeader(`${base}.csv`) },
    });
  } catch (error) {
    if (error instanceof AppError) return new NextResponse(null, { status: 404 });
    throw error;
  }
}
