import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/scope";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

/**
 * Appends one entry to the audit log, inside the caller's transaction so that the change
 * and its record commit together. The table refuses UPDATE and DELETE (see the migration).
 */
/** Who acted: a signed-in user, a person using their own one-time link (no role yet), or nobody (a command). */
export type AuditActor = Pick<SessionUser, "id"> & { role: SessionUser["role"] | null };

export async function recordAudit(
  tx: Tx,
  actor: AuditActor | null,
  entry: {
    action: string;
    entityType: string;
    entityId: string;
    officeId: string | null;
    changes?: { before?: unknown; after?: unknown };
  },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      officeId: entry.officeId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: (entry.changes ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

/** Only the fields whose values differ, as { before, after }. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/**
 * A download of a session's attendee list (personal data): who took it, and when. Its own small
 * write, outside any transaction: the download itself changes nothing.
 */
export async function recordAttendeeDownload(actor: SessionUser, input: { eventId: string; format: string }) {
  const event = await db.event.findUnique({ where: { id: input.eventId }, select: { officeId: true } });
  await recordAudit(db, actor, {
    action: "attendance.downloaded",
    entityType: "event",
    entityId: input.eventId,
    officeId: event?.officeId ?? null,
    changes: { after: { format: input.format } },
  });
}
