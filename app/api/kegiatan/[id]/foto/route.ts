import { NextResponse, type NextRequest } from "next/server";
import { mutatingRoute } from "@/lib/server/route";
import { publicBaseUrl } from "@/lib/features/events/check-in";
import { uploadEventPhoto, PHOTO_MAX_BYTES } from "@/lib/features/events/mutations";
import { getCurrentUser } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";

/**
 * Photo upload as a plain multipart form post (works without JavaScript): answers with a 303
 * back to the session page, the outcome in the query string.
 */
export const POST = mutatingRoute(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  // The public base (APP_URL or the Host header), not request.url: behind a proxy or on
  // 127.0.0.1 vs localhost the session cookie would not follow the redirect.
  const base = await publicBaseUrl();
  const back = (result: string) => NextResponse.redirect(new URL(`/portal/kegiatan/${encodeURIComponent(id)}?foto=${result}#foto`, base), 303);
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL("/masuk", base), 303);
  if (Number(request.headers.get("content-length") ?? 0) > PHOTO_MAX_BYTES + 64 * 1024) return back("photoTooBig");
  let file: File | null = null;
  let caption: string | null = null;
  try {
    const form = await request.formData();
    const value = form.get("photo");
    file = value instanceof File && value.size > 0 ? value : null;
    caption = String(form.get("caption") ?? "").trim().slice(0, 200) || null;
  } catch {
    return back("photoType");
  }
  if (!file) return back("required");
  try {
    await uploadEventPhoto(user, id, { data: new Uint8Array(await file.arrayBuffer()), name: file.name }, caption);
    return back("ok");
  } catch (error) {
    if (error instanceof AppError) {
      const key = Object.values(error.fieldErrors ?? {})[0]?.split(".").pop();
      return back(key ?? error.code);
    }
    throw error;
  }
});
