import { readEnv } from "@/lib/env-schema";
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/auth/secret";
import { isCrossOriginRequest, requestOrigins } from "@/lib/server/same-origin";
import { HSTS, newNonce, strictCsp, wantsNonce } from "@/lib/server/security-headers";
import { DEVICE_COOKIE, newDeviceId } from "@/lib/features/events/device";
import idCommon from "@/lib/i18n/messages/id/common.json";
import enCommon from "@/lib/i18n/messages/en/common.json";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Only redirects and refuses what Next would otherwise answer with a 500: every authorisation
 * check happens in the data layer, never here.
 * - A server action posted from another origin: Next refuses it by throwing (a 500 without a
 *   word); here it is a 403 with a message in the reader's language.
 * - A visitor without a session cookie is sent to sign-in with a real 307.
 * - Pages rendered per request (portal, sign-in, check-in) get a Content-Security-Policy with a
 *   fresh nonce (lib/server/security-headers.ts).
 */
export async function proxy(request: NextRequest) {
  if (request.headers.has("next-action")) {
    if (isCrossOriginRequest(request.headers, requestOrigins(request.headers, request.url, readEnv().APP_URL))) {
      const messages = request.cookies.get("NEXT_LOCALE")?.value === "en" ? enCommon : idCommon;
      return new NextResponse(messages.errors.CROSS_SITE, {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    }
  }
  const { pathname } = request.nextUrl;
  const signedOut = !SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (pathname.startsWith("/portal") && signedOut && !(await getToken({ req: request, secret: getAuthSecret() }))) {
    const url = new URL("/masuk", request.url);
    url.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  if (!wantsNonce(pathname)) return NextResponse.next();
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  const csp = strictCsp(newNonce(), readEnv().NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Each phone that opens a check-in page gets its own id, so one shared address is not one limit
  // for a whole village hall (lib/features/events/check-in.ts).
  if (pathname.startsWith("/hadir/") && !request.cookies.has(DEVICE_COOKIE)) {
    response.cookies.set(DEVICE_COOKIE, newDeviceId(), {
      httpOnly: true,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
      path: "/",
      maxAge: 365 * 24 * 3600,
    });
  }
  if (request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:") {
    response.headers.set("Strict-Transport-Security", HSTS);
  }
  return response;
}

/**
 * Runs for server-action posts and the pages rendered per request. The session token is verified
 * only when no session cookie is sent at all (plain and `__Secure-` names, as next-auth picks by
 * NEXTAUTH_URL); a cookie that is present but expired or forged is caught by requireUser() in the
 * portal layout. Prefetches carry no page of their own to protect.
 */
export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/portal/:path*" },
    { source: "/portal" },
    { source: "/masuk" },
    { source: "/hadir/:path*" },
  ],
};
