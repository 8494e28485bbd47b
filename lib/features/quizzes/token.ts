import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";
import { db } from "@/lib/server/db";

/**
 * The attendee's quiz link carries a token bound to their attendance row: its id and an HMAC of
 * it (ADR 0025). Nothing is stored for it and it names no one; whoever holds the link answers as
 * that attendance row, which is what the QR check-in already trusted them with.
 */
function sign(attendeeId: string): string {
  return createHmac("sha256", getAuthSecret()).update(`quiz:${attendeeId}`).digest("base64url").slice(0, 32);
}

export function quizToken(attendeeId: string): string {
  return `${attendeeId}.${sign(attendeeId)}`;
}

/** The attendee id a token was made for, or null for anything else. */
export function attendeeOfToken(token: string): string | null {
  const [id, mac, ...rest] = token.split(".");
  if (!id || !mac || rest.length > 0) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id.toLowerCase() : null;
}

/**
 * After a self check-in (new or repeated) at a session with a quiz: the link token of the
 * attendance row the form made or matched (the form's own id first, then the same person),
 * or null when the session has no quiz. Checking in again at the end gives the same token.
 */
export async function quizTokenAfterCheckIn(code: string, form: { clientId: string | null; dedupeKey: string }): Promise<string | null> {
  const [row] = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id::text FROM attendee a JOIN event e ON e.id = a.event_id
    WHERE e.check_in_code = ${code.toUpperCase()} AND (e.pre_test_quiz_id IS NOT NULL OR e.post_test_quiz_id IS NOT NULL)
      AND (a.client_id = ${form.clientId}::uuid OR a.dedupe_key = ${form.dedupeKey})
    ORDER BY (a.client_id = ${form.clientId}::uuid) DESC NULLS LAST
    LIMIT 1`;
  return row ? quizToken(row.id) : null;
}
