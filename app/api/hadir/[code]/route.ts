import { NextResponse, type NextRequest } from "next/server";
import { mutatingRoute } from "@/lib/server/route";
import { clientAddress, DEVICE_COOKIE, handleCheckIn } from "@/lib/features/events/check-in";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";

/**
 * Public self check-in. A plain form post (no JavaScript needed) is answered with a 303 back to
 * the page with the outcome; a client asking for JSON gets JSON (used by the benchmark).
 */
export const POST = mutatingRoute(async (request: NextRequest, { params }: { params: Promise<{ code: string }> }) => {
  const { code } = await params;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  let fields: Record<string, unknown> = {};
  try {
    if ((request.headers.get("content-type") ?? "").includes("application/json")) {
      fields = (await request.json()) as Record<string, unknown>;
    } else {
      fields = Object.fromEntries((await request.formData()).entries());
    }
  } catch {
    fields = {};
  }
  const reply = await handleCheckIn(code, fields, {
    address: clientAddress(request.headers),
    device: request.cookies.get(DEVICE_COOKIE)?.value,
  });
  if (wantsJson) {
    const status = { created: 201, already: 200, closed: 404, limited: 429, invalid: 422 }[reply.status];
    return NextResponse.json(reply, { status });
  }
  const url = new URL(`/hadir/${encodeURIComponent(code)}`, publicBaseUrl());
  url.searchParams.set("hasil", reply.status);
  if (reply.status === "invalid") url.searchParams.set("kolom", Object.keys(reply.fieldErrors).join(","));
  if (reply.status === "limited") url.searchParams.set("alasan", reply.reason);
  if ((reply.status === "created" || reply.status === "already") && reply.quizToken) url.searchParams.set("kuis", reply.quizToken);
  return NextResponse.redirect(url, 303);
});
