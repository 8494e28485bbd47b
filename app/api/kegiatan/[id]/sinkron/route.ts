import { offlineBatchSchema } from "@/lib/features/events/schemas";
import { syncOfflineRecords } from "@/lib/features/events/offline-sync";
import { errorJson, mutatingRoute, privateJson, routeMessage, signedInRoute } from "@/lib/server/route";
import { AppError } from "@/lib/server/errors";

/**
 * The offline attendance queue's upload (ADR 0019): a JSON batch of records for one session,
 * answered with one result per record (stored, duplicate, or refused with its reason in the
 * reader's language). Another office's session, or no right to record attendance, is a 404 and
 * nothing is written. Sent again, a batch stores nothing twice.
 */
export const POST = mutatingRoute(
  signedInRoute<{ id: string }>(
    async ({ user, params, request }) => {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        body = null;
      }
      const batch = offlineBatchSchema.safeParse(body);
      if (!batch.success) throw new AppError("VALIDATION");
      const results = await syncOfflineRecords(user, params.id, batch.data.records);
      const messages = new Map<string, string>();
      for (const r of results) if (r.reason && !messages.has(r.reason)) messages.set(r.reason, await routeMessage(request, r.reason));
      return privateJson({ results: results.map((r) => (r.reason ? { ...r, message: messages.get(r.reason) } : r)) });
    },
    {
      unauthenticated: async ({ request }) => errorJson(new AppError("UNAUTHENTICATED"), await routeMessage(request, "errors.UNAUTHENTICATED")),
      onError: async (error, { request }) => errorJson(error, await routeMessage(request, `errors.${error.code}`)),
    },
  ),
);
