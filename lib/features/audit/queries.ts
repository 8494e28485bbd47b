import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { auditWhere, type SessionUser } from "@/lib/server/scope";

export const AUDIT_ENTITY_TYPES = ["desa_binaan", "contact", "user", "office", "warning"] as const;
export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
  entity: z.enum(AUDIT_ENTITY_TYPES).optional().catch(undefined),
  entityId: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

const officeIdsOfKanwil = async (kanwilId: string) =>
  (await db.office.findMany({ where: { kanwilId }, select: { id: true } })).map((o) => o.id);

/**
 * One page of the audit log the user may read (office admin: own office; Kanwil: its region;
 * national: all), newest first, with the actor's name and the office's name.
 */
export async function findAuditEntries(user: SessionUser, filter: AuditFilter) {
  const and: Prisma.AuditLogWhereInput[] = [await auditWhere(user, officeIdsOfKanwil)];
  if (filter.entity) and.push({ entityType: filter.entity });
  if (filter.entityId) and.push({ entityId: filter.entityId });
  const where = { AND: and };
  const total = await db.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((v): v is string => !!v))];
  const officeIds = [...new Set(rows.map((r) => r.officeId).filter((v): v is string => !!v))];
  const [actors, offices] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    db.office.findMany({ where: { id: { in: officeIds } }, select: { id: true, name: true } }),
  ]);
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  return {
    rows: rows.map((r) => ({
      id: r.id.toString(),
      at: r.at,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actorName: r.actorId ? (actorName.get(r.actorId) ?? null) : null,
      actorRole: r.actorRole,
      officeName: r.officeId ? (officeName.get(r.officeId) ?? null) : null,
      changes: r.changes as { before?: Record<string, unknown>; after?: Record<string, unknown> } | null,
    })),
    total,
    page,
    pageCount,
  };
}
