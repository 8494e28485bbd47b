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

export const config = { matcher: ["/portal/:path*"] };
