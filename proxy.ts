import { readEnv } from "@/lib/env-schema";
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/auth/secret";
import { isCrossOriginRequest, requestOrigins } from "@/lib/server/same-origin";
import idCommon from "@/lib/i18n/messages/id/common.json";
import enCommon from "@/lib/i18n/messages/en/common.json";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Only redirects and refuses what Next would otherwise answer with a 500: every authorisation
 * check happens in the data layer, never here.
 * - A server action posted from another origin: Next refuses it by throwing (a 500 without a
 *   word); here it is a 403 with a message in the reader's language.
 * - A visitor without a session cookie is sent to sign-in with a real 307.
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
    if (SESSION_COOKIES.some((name) => request.cookies.has(name)) || !request.nextUrl.pathname.startsWith("/portal")) {
      return NextResponse.next();
    }
  }
  const token = await getToken({ req: request, secret: getAuthSecret() });
  if (token) return NextResponse.next();
  const url = new URL("/masuk", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

/**
 * Runs for server-action posts, and for /portal only when no session cookie is sent at all
 * (plain and `__Secure-` names, as next-auth picks by NEXTAUTH_URL): a signed-in page request
 * skips the proxy entirely, which is most of them. A cookie that is present but expired or forged
 * is caught by requireUser() in the portal layout.
 */
export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/portal/:path*",
      missing: [
        { type: "cookie", key: "next-auth.session-token" },
        { type: "cookie", key: "__Secure-next-auth.session-token" },
      ],
    },
  ],
};
