import { NextResponse } from "next/server";
import { IMPORT_MAX_BYTES } from "@/lib/features/events/import";
import { importFileMessage, presentImportPreview } from "@/lib/features/events/import-present";
import { commitAttendeeImport, previewAttendeeImport } from "@/lib/features/events/attendance";
import { errorJson, mutatingRoute, signedInRoute } from "@/lib/server/route";
import { getTranslator } from "@/lib/i18n/translator";

const translator = () => getTranslator();

/**
 * Attendee import, in two calls with the same file: without ?commit=1 a preview (counts, the
 * first rows, every row's problems); with it, the all-or-nothing insert. A route handler rather
 * than a server action so the browser can report upload progress and files above 1 MB pass.
 */
export const POST = mutatingRoute(
  signedInRoute<{ id: string }>(
  async ({ user, params, request }) => {
    const t = await translator();
    if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) {
      return NextResponse.json({ error: t("attendeeImport.tooBig", { mb: IMPORT_MAX_BYTES / 1024 / 1024 }) }, { status: 413 });
    }
    const value = await request.formData().then((form) => form.get("file"), () => null);
    if (!(value instanceof File)) return NextResponse.json({ error: t("attendeeImport.empty") }, { status: 400 });
    const input = { data: new Uint8Array(await value.arrayBuffer()), name: value.name };
    if (request.nextUrl.searchParams.get("commit") === "1") {
      return NextResponse.json({ committed: true, ...(await commitAttendeeImport(user, params.id, input)) });
    }
    const preview = await previewAttendeeImport(user, params.id, input);
    if (!preview.ok) return NextResponse.json({ error: t(preview.fileError.key, preview.fileError.values) }, { status: 422 });
    return NextResponse.json(presentImportPreview(preview, t));
  },
  {
    unauthenticated: async () => NextResponse.json({ error: (await translator())("errors.UNAUTHENTICATED") }, { status: 401 }),
    onError: async (error) => {
      const t = await translator();
      const key = Object.values(error.fieldErrors ?? {})[0];
      return errorJson(error, (key && importFileMessage(key, t)) || t(`errors.${error.code}`));
    },
  },
  ),
);
