import "server-only";
import { getCurrentUser } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/scope";

/**
 * The one wrapper for signed-in GET downloads (exports, PDFs, files): no session is 401, and any
 * expected failure from the data layer (another office's record, a missing one, a forbidden
 * export) is a plain 404, so ids reveal nothing. The handler's queries do the scoping.
 */
export function signedInRoute<P>(
  handler: (ctx: { user: SessionUser; params: P; request: Request }) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, { params }) => {
    const user = await getCurrentUser();
    if (!user) return new Response(null, { status: 401 });
    try {
      return await handler({ user, params: await params, request });
    } catch (error) {
      if (error instanceof AppError) return new Response(null, { status: 404 });
      throw error;
    }
  };
}
