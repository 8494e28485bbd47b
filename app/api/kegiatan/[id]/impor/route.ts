import { NextResponse, type NextRequest } from "next/server";
import { mutatingRoute } from "@/lib/server/route";
import { getTranslations } from "next-intl/server";
import { commitAttendeeImport, previewAttendeeImport } from "@/lib/features/events/mutations";
import { IMPORT_MAX_BYTES } from "@/lib/features/events/import";
import { getCurrentUser } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

/**
 * Attendee import, in two calls with the same file: without ?commit=1 a preview (counts, the
 * first rows, every row's problems); with it, the all-or-nothing insert. A route handler rather
 * than a server action so the browser can report upload progress and files above 1 MB pass.
 */
export const POST = mutatingRoute(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const user = await getCurrentUser();
  const t = (await getTranslations()) as unknown as Translate;
  if (!user) return NextResponse.json({ error: t("errors.UNAUTHENTICATED") }, { status: 401 });
  const { id } = await params;
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) {
    return NextResponse.json({ error: t("attendeeImport.tooBig", { mb: IMPORT_MAX_BYTES / 1024 / 1024 }) }, { status: 413 });
  }
  let file: File | null = null;
  try {
    const form = await request.formData();
    const value = form.get("file");
    file = value instanceof File ? value : null;
  } catch {
    file = null;
  }
  if (!file) return NextResponse.json({ error: t("attendeeImport.empty") }, { status: 400 });
  const input = { data: new Uint8Array(await file.arrayBuffer()), name: file.name };
  try {
    if (request.nextUrl.searchParams.get("commit") === "1") {
      const result = await commitAttendeeImport(user, id, input);
      return NextResponse.json({ committed: true, ...result });
    }
    const preview = await previewAttendeeImport(user, id, input);
    if (!preview.ok) return NextResponse.json({ error: t(preview.fileError.key, preview.fileError.values) }, { status: 422 });
    return NextResponse.json({
      valid: preview.rows.length,
      duplicatesInFile: preview.duplicatesInFile,
      sample: preview.rows.slice(0, 10).map((r) => ({ name: r.name, category: t(`attendeeCategory.${r.category}`), origin: r.institutionName, gender: r.gender, phone: r.phone ? "✓" : "" })),
      issues: preview.issues.slice(0, 500).map((i) => ({
        row: i.row,
        column: i.column ?? "",
        message: t.has(i.key) ? t(i.key, i.values) : i.key,
      })),
      issueCount: preview.issues.length,
    });
  } catch (error) {
    if (error instanceof AppError) {
      const key = Object.values(error.fieldErrors ?? {})[0];
      const message = key && t.has(key) ? t(key, { max: 20000, mb: IMPORT_MAX_BYTES / 1024 / 1024, found: "", expected: "" }) : t(`errors.${error.code}`);
      const status = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION: 422, CONFLICT: 409, RATE_LIMITED: 429, ACCOUNT_SETUP: 403 }[error.code];
      return NextResponse.json({ error: message }, { status });
    }
    throw error;
  }
});
