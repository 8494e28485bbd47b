import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/auth/secret";

/**
 * Only redirects: a visitor without a session cookie is sent to sign-in with a real 307.
 * Every authorisation check happens in the data layer, never here.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: getAuthSecret() });
  if (token) return NextResponse.next();
  const url = new URL("/masuk", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

/**
 * Runs only when no session cookie is sent at all (plain and `__Secure-` names, as next-auth
 * picks by NEXTAUTH_URL): a signed-in request skips the proxy entirely, which is most of them.
 * A cookie that is present but expired or forged is caught by requireUser() in the portal layout.
 */
export const config = {
  matcher: [
    {
      source: "/portal/:path*",
      missing: [
        { type: "cookie", key: "next-auth.session-token" },
        { type: "cookie", key: "__Secure-next-auth.session-token" },
      ],
    },
  ],
};
