import "server-only";
import { db } from "@/lib/server/db";
import { scopeFor } from "@/lib/auth/permissions";
import { assertId } from "@/lib/server/errors";
import { desaBinaanWhere, userWhere, type SessionUser } from "@/lib/server/scope";
import { findManagedAccount } from "@/lib/features/accounts/managed";

/** Accounts the user may manage, newest first. */
export async function findManagedAccounts(user: SessionUser) {
  return db.user.findMany({
    where: userWhere(user, "manage:user"),
    orderBy: [{ active: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      position: true,
      lastSignInAt: true,
      totpEnabledAt: true,
      office: { select: { name: true } },
      kanwil: { select: { name: true } },
      desaBinaan: { select: { village: { select: { name: true } } } },
    },
    take: 500,
  });
}

/** Desa binaan a village account can be attached to (for the account form). */
export async function findVillageChoices(user: SessionUser) {
  const rows = await db.desaBinaan.findMany({
    where: desaBinaanWhere(user, "update:village"),
    orderBy: { village: { name: "asc" } },
    select: { id: true, village: { select: { name: true, district: { select: { name: true } } } } },
  });
  return rows.map((r) => ({ id: r.id, label: `${r.village.name}, ${r.village.district.name}` }));
}

/** One account the actor manages, for its edit page (NOT_FOUND otherwise, themselves included). */
export async function getManagedAccount(actor: SessionUser, userId: string) {
  const target = await findManagedAccount(actor, assertId(userId));
  const extra = await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { position: true, totpEnabledAt: true, lastSignInAt: true } });
  return { ...target, ...extra, version: target.updatedAt.toISOString() };
}

/** Kanwils a national admin can place an overseer in. */
export async function findKanwilChoices(user: SessionUser) {
  if (scopeFor(user.role, "manage:user") !== "any") return [];
  const rows = await db.kanwil.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return rows.map((k) => ({ id: k.id, label: k.name }));
}
