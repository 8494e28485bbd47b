import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { requireScope, userWhere, type SessionUser } from "@/lib/server/scope";

/** The roles an administrator may give and manage: the national admin all, an office admin its staff and villages. */
export function manageableRoles(actor: SessionUser): readonly Role[] {
  return requireScope(actor, "manage:user") === "any"
    ? ["NATIONAL_ADMIN", "REGIONAL_OVERSEER", "OFFICE_ADMIN", "OFFICE_OFFICER", "VILLAGE"]
    : ["OFFICE_OFFICER", "VILLAGE"];
}

/**
 * Another person's account that `actor` may manage, or NOT_FOUND: outside their scope, or a role
 * above what they manage. Their own account is FORBIDDEN here: it is changed on their own pages,
 * so nobody raises their own role or locks themselves out.
 */
export async function findManagedAccount(actor: SessionUser, userId: string) {
  const roles = manageableRoles(actor); // FORBIDDEN first for a role that manages nobody
  // their own account is no secret to them: refused, not hidden
  if (userId === actor.id) throw new AppError("FORBIDDEN");
  const target = await db.user.findFirst({
    where: { AND: [{ id: userId }, userWhere(actor, "manage:user"), { role: { in: [...roles] } }] },
    select: { id: true, name: true, email: true, role: true, active: true, officeId: true, kanwilId: true, desaBinaanId: true, updatedAt: true },
  });
  if (!target) throw new AppError("NOT_FOUND");
  return target;
}
