import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notificationEmailJob } from "@/lib/features/notifications/jobs";
import { notifySchema, type Audience, type NotifyInput } from "@/lib/features/notifications/schemas";
import { db } from "@/lib/server/db";
import { assertId, notFound } from "@/lib/server/errors";
import { enqueue, type JobTx } from "@/lib/server/jobs";
import { mailConfigured } from "@/lib/server/mail";
import type { SessionUser } from "@/lib/server/scope";

type Tx = Pick<Prisma.TransactionClient, "user" | "notification"> & JobTx;

function audienceWhere(audience: Audience): Prisma.UserWhereInput {
  switch (audience.type) {
    case "office-staff":
      return { officeId: audience.officeId, role: { in: ["OFFICE_ADMIN", "OFFICE_OFFICER"] } };
    case "kanwil-overseers":
      return { kanwilId: audience.kanwilId, role: "REGIONAL_OVERSEER" };
    case "national-admins":
      return { role: "NATIONAL_ADMIN" };
  }
}

/**
 * Notifies people of an event, inside the caller's transaction: the notifications (and, when
 * SMTP_URL is set, one email job each) exist exactly when the caller's change commits. Each
 * recipient gets at most one notification per (kind, event), so calling again for the same event
 * (a retried job, a double submit) creates nothing. Disabled accounts are skipped.
 * Returns the ids of the notifications created now.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<string[]> {
  const { kind, subject, event, users, audiences, except } = notifySchema.parse(input);
  const OR: Prisma.UserWhereInput[] = [...(users.length ? [{ id: { in: users } }] : []), ...audiences.map(audienceWhere)];
  const recipients = await tx.user.findMany({
    where: { active: true, OR, ...(except.length ? { id: { notIn: except } } : {}) },
    select: { id: true },
  });
  if (recipients.length === 0) return [];
  const created = await tx.notification.createManyAndReturn({
    data: recipients.map((r) => ({
      recipientId: r.id,
      kind,
      subjectType: subject.type,
      subjectId: subject.id,
      reference: subject.reference,
      dedupeKey: `${kind}:${event}:${r.id}`,
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  if (mailConfigured()) {
    for (const { id } of created) await enqueue(tx, notificationEmailJob, { notificationId: id }, { key: id });
  }
  return created.map((n) => n.id);
}

/** Marks one of the user's own notifications read; another person's reads as not found. */
export async function markNotificationRead(user: SessionUser, input: { id: string }): Promise<void> {
  const where = { id: assertId(input.id), recipientId: user.id };
  const { count } = await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
  // already read (keeps its first reading time), or not one of the user's
  if (count === 0 && (await db.notification.count({ where })) === 0) throw notFound();
}

/** Marks all of the user's unread notifications read; returns how many. */
export async function markAllNotificationsRead(user: SessionUser): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { recipientId: user.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}
