import { NextResponse } from "next/server";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import { uploadEventPhoto, PHOTO_MAX_BYTES } from "@/lib/features/events/photos";
import { mutatingRoute, signedInRoute } from "@/lib/server/route";

/** Back to the session page with the outcome in the query string. */
async function back(id: string, result: string) {
  // The public base (APP_URL or the Host header), not request.url: behind a proxy or on
  // 127.0.0.1 vs localhost the session cookie would not follow the redirect.
  return NextResponse.redirect(new URL(`/portal/kegiatan/${encodeURIComponent(id)}?foto=${result}#foto`, publicBaseUrl()), 303);
}

/**
 * Photo upload as a plain multipart form post (works without JavaScript): answers with a 303
 * back to the session page, the outcome in the query string.
 */
export const POST = mutatingRoute(
  signedInRoute<{ id: string }>(
  async ({ user, params, request }) => {
    if (Number(request.headers.get("content-length") ?? 0) > PHOTO_MAX_BYTES + 64 * 1024) return back(params.id, "photoTooBig");
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return back(params.id, "photoType");
    }
    const value = form.get("photo");
    const file = value instanceof File && value.size > 0 ? value : null;
    if (!file) return back(params.id, "required");
    const caption = String(form.get("caption") ?? "").trim().slice(0, 200) || null;
    await uploadEventPhoto(user, params.id, { data: new Uint8Array(await file.arrayBuffer()), name: file.name }, caption);
    return back(params.id, "ok");
  },
  {
    unauthenticated: async () => NextResponse.redirect(new URL("/masuk", publicBaseUrl()), 303),
    // the refusal's catalogue key names the outcome ("events.errors.photoType" -> photoType)
    onError: (error, { params }) => back(params.id, Object.values(error.fieldErrors ?? {})[0]?.split(".").pop() ?? error.code),
  },
  ),
);
