import "server-only";
import { subjectPath } from "@/lib/features/notifications/subjects";
import { NOTIFICATION_PAGE_SIZE } from "@/lib/features/notifications/schemas";
import { db, queryRows } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/scope";

/**
 * The user's unread count for the shell's badge: one statement on the (recipient_id, read_at)
 * index, without the ORM (it runs on every portal page; lib/server/db.ts queryRows says why).
 * Capped: the badge says "99+" beyond, and the count stops reading there.
 */
export const UNREAD_CAP = 100;
export async function countUnreadNotifications(userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    "SELECT count(*)::int AS n FROM (SELECT 1 FROM notification WHERE recipient_id = $1::uuid AND read_at IS NULL LIMIT $2) AS unread",
    [userId, UNREAD_CAP],
  );
  return row?.n ?? 0;
}

/** One page of the user's own notifications, newest first; the scope is the recipient, always. */
export async function findNotifications(user: SessionUser, filter: { page: number }) {
  const where = { recipientId: user.id };
  const [total, unread] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / NOTIFICATION_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * NOTIFICATION_PAGE_SIZE,
    take: NOTIFICATION_PAGE_SIZE,
    select: { id: true, kind: true, subjectType: true, subjectId: true, reference: true, createdAt: true, readAt: true },
  });
  return {
    rows: rows.map((r) => ({ ...r, href: subjectPath(r.subjectType, r.subjectId) })),
    total,
    unread,
    page,
    pageCount,
  };
}
