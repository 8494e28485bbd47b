import "server-only";
import type { SessionUser } from "@/lib/server/scope";

/**
 * What a cached section of a signed-in page may depend on (docs/decisions/0021).
 *
 * A section cached with `"use cache"` is keyed by its arguments, so everything its result
 * depends on must be an argument and nothing else may be: the reader's scope (never who they
 * are), the filters, the language, the figures version and the minute. Next keeps the rendered
 * result in each instance's memory; no instance needs to hear of a write, because the version
 * read with the signed-in user is different on the first request after the write commits.
 */

/** The part of a reader that decides what a scoped query returns: role and the ids it is scoped by. */
export type ReaderScope = Pick<SessionUser, "role" | "officeId" | "kanwilId" | "desaBinaanId">;

export function readerScope(user: SessionUser): ReaderScope {
  return { role: user.role, officeId: user.officeId, kanwilId: user.kanwilId, desaBinaanId: user.desaBinaanId };
}

/**
 * A reader with that scope and no identity, for the data layer's scope functions inside a cached
 * section. Only for reads whose result depends on the scope alone (no audit, no "mine").
 */
export function scopeReader(scope: ReaderScope): SessionUser {
  return { id: "00000000-0000-0000-0000-000000000000", name: "", email: "", ...scope };
}

/** Now, to the minute: figures that depend on "now" (the last 90 days) share a key for a minute. */
export function currentMinute(now = Date.now()): number {
  return Math.floor(now / 60_000) * 60_000;
}
