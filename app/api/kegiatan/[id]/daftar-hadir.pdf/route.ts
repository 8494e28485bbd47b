import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { attachmentHeader } from "@/lib/export/spreadsheet";
import { attendanceSheetPdf } from "@/lib/features/events/exports";
import { getAttendanceExport } from "@/lib/features/events/queries";
import { getCurrentUser } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";

/** The printable attendance sheet with a signature column. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new NextResponse(null, { status: 401 });
  const { id } = await params;
  try {
    const event = await getAttendanceExport(user, id);
    const t = (await getTranslations()) as unknown as (key: string) => string;
    const pdf = await attendanceSheetPdf(event, t, await getLocale());
    return new NextResponse(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": attachmentHeader(`daftar-hadir-${event.title.slice(0, 60)}.pdf`),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new NextResponse(null, { status: 404 });
    throw error;
  }
}
