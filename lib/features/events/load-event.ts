import "server-only";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { eventWhere, type SessionUser } from "@/lib/server/scope";

/** The event the actor may act on for `key`, or NOT_FOUND (another office's reads the same). */
export async function loadEvent(actor: SessionUser, eventId: string, key: Parameters<typeof eventWhere>[1]) {
  const event = await db.event.findFirst({
    where: { AND: [{ id: assertId(eventId) }, eventWhere(actor, key)] },
    include: { villages: { select: { desaBinaanId: true } } },
  });
  if (!event) throw new AppError("NOT_FOUND");
  return event;
}
