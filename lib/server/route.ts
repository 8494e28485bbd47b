import "server-only";
import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/catalogue";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { getCurrentUser, sessionRef, type SessionRef } from "@/lib/server/auth/session";
import { env } from "@/lib/server/env";
import { isCrossOriginRequest, requestOrigins } from "@/lib/server/same-origin";
import { clientAddressFrom } from "@/lib/server/client-address";
import { hitRateLimit } from "@/lib/server/rate-limit";
import { AppError, ERROR_STATUS } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/scope";

type RouteContext<P> = { params: P; request: NextRequest };

/**
 * The one wrapper for signed-in route handlers (downloads, files, uploads, reports): no session
 * is 401 (or the handler's own answer, e.g. a redirect to sign in, for a plain form post), and an
 * expected failure from the data layer is by default a plain 404 (another office's record, a
 * missing one, a forbidden export), so ids reveal nothing. `onError` answers otherwise (a JSON
 * message, a redirect with the outcome). The handler's queries do the scoping.
 */
export function signedInRoute<P>(
  handler: (ctx: { user: SessionUser } & RouteContext<P>) => Promise<Response>,
  options: {
    unauthenticated?: (ctx: RouteContext<P>) => Response | Promise<Response>;
    onError?: (error: AppError, ctx: RouteContext<P>) => Response | Promise<Response>;
  } = {},
): (request: NextRequest, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const ctx = { params: await context.params, request };
    const user = await getCurrentUser();
    if (!user) return options.unauthenticated ? options.unauthenticated(ctx) : new Response(null, { status: 401 });
    // An account that must first set a password or a second factor downloads nothing.
    if (user.pending) return new Response(null, { status: 403 });
    try {
      return await handler({ user, ...ctx });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return options.onError ? options.onError(error, ctx) : new Response(null, { status: 404 });
    }
  };
}

/** An expected failure as `{ error: message }` with its status from the one map (errors.ts). */
export function errorJson(error: AppError, message: string): Response {
  return privateJson({ error: message }, ERROR_STATUS[error.code]);
}

/** A JSON answer nobody may cache: it depends on who asks. */
export function privateJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}

/**
 * signedInRoute's sibling for signed-in JSON endpoints on a hot path (type-ahead search), where
 * the user row and the data come from ONE SQL statement: the wrapper verifies the session cookie
 * of the request (401 without a valid one) and hands the handler the token's user id and session
 * version only. The handler's statement must re-read that user (active, role, office, the same
 * session version; docs/decisions/0004) and the data layer throw UNAUTHENTICATED when no active
 * user has the id and version. Nothing else is taken
 * from the token. Expected failures answer `{ "error": CODE }` with their own status (400, 401,
 * 403 when the permission map grants the role nothing here, 404, ...): a search names no record
 * whose existence a 403 could reveal.
 */
export function signedInJsonRoute<P>(
  handler: (ctx: { session: SessionRef; params: P; request: NextRequest }) => Promise<Response>,
): (request: NextRequest, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, { params }) => {
    const session = await sessionRef(request.cookies);
    if (!session) return privateJson({ error: "UNAUTHENTICATED" }, 401);
    try {
      return await handler({ session, params: await params, request });
    } catch (error) {
      if (error instanceof AppError) {
        return privateJson({ error: error.code, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) }, ERROR_STATUS[error.code]);
      }
      throw error;
    }
  };
}

/** A message of the catalogue in the requester's language (the locale cookie), outside any page. */
export async function routeMessage(request: Request, key: string, values?: Record<string, string | number>): Promise<string> {
  const fromCookie = /(?:^|;\s*)NEXT_LOCALE=([a-z]{2})/.exec(request.headers.get("cookie") ?? "")?.[1];
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  return (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}

/**
 * The one wrapper for route handlers that change something (POST, PUT, PATCH, DELETE): a post
 * from a page of another origin (another site, or another port of this host) is refused with 403
 * before the handler runs, as Next refuses it for server actions. Browsers mark every such request
 * with Sec-Fetch-Site and Origin; the session cookie alone proves nothing.
 */
export function mutatingRoute<C>(
  handler: (request: NextRequest, context: C) => Promise<Response>,
): (request: NextRequest, context: C) => Promise<Response> {
  return async (request, context) => {
    if (isCrossOriginRequest(request.headers, requestOrigins(request.headers, request.url, env.APP_URL))) {
      const message = await routeMessage(request, "errors.CROSS_SITE");
      const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
      return wantsJson
        ? Response.json({ error: message }, { status: 403, headers: { "Cache-Control": "no-store" } })
        : new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
    return handler(request, context);
  };
}

/** How often one client address may call the open data API (issue 18): per minute, all endpoints. */
export const PUBLIC_API_LIMIT = { max: 120, windowSeconds: 60 };

const PUBLIC_API_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining",
  // Counts move when a session is reported; five minutes, as the public pages (ADR 0008).
  "Cache-Control": "public, max-age=300, stale-while-revalidate=600",
} as const;

/**
 * The one wrapper for the open data API (/api/publik/v1, docs/decisions/0020): no sign-in, GET
 * only, open to every origin (CORS `*`, no credentials: nothing here depends on who asks), rate
 * limited per client address in PostgreSQL (shared by every instance), a strong ETag over the
 * body with 304 on If-None-Match, and expected failures as `{ error: CODE, fields? }`. The handler
 * returns the body, or null for "not found".
 */
export function publicApiRoute<P>(
  handler: (ctx: { params: P; searchParams: Record<string, string>; request: NextRequest }) => Promise<unknown>,
  options: { limit?: { max: number; windowSeconds: number }; scope?: string } = {},
): (request: NextRequest, context: { params: Promise<P> }) => Promise<Response> {
  const limit = options.limit ?? PUBLIC_API_LIMIT;
  return async (request, { params }) => {
    const key = `api-publik:${options.scope ?? "v1"}:${clientAddressFrom(request.headers)}`;
    const hit = await hitRateLimit(key, limit.windowSeconds);
    const limitHeaders = { "RateLimit-Limit": String(limit.max), "RateLimit-Remaining": String(Math.max(0, limit.max - hit.count)) };
    const json = (body: unknown, status: number, extra: Record<string, string> = {}) =>
      Response.json(body, { status, headers: { ...PUBLIC_API_HEADERS, ...limitHeaders, "Cache-Control": "no-store", ...extra } });
    if (hit.count > limit.max) {
      const retryAfter = Math.max(1, Math.ceil((hit.resetAt.getTime() - Date.now()) / 1000));
      return json({ error: "RATE_LIMITED" }, 429, { "Retry-After": String(retryAfter) });
    }
    let body: unknown;
    try {
      body = await handler({ params: await params, searchParams: Object.fromEntries(request.nextUrl.searchParams), request });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return json({ error: error.code, ...(error.fieldErrors ? { fields: error.fieldErrors } : {}) }, ERROR_STATUS[error.code]);
    }
    if (body === null) return json({ error: "NOT_FOUND" }, 404);
    const text = JSON.stringify(body);
    const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;
    const headers = { ...PUBLIC_API_HEADERS, ...limitHeaders, ETag: etag };
    const match = (request.headers.get("if-none-match") ?? "").split(",").map((t) => t.trim().replace(/^W\//, ""));
    if (match.includes(etag) || match.includes("*")) return new Response(null, { status: 304, headers });
    return new Response(text, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  };
}

/** The CORS preflight of the open data API: any origin may GET, nothing else. */
export function publicApiOptions(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}
