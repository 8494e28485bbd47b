import "server-only";
import { db } from "@/lib/server/db";
import { desaBinaanWhere, userWhere, type SessionUser } from "@/lib/server/scope";

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
      office: { select: { name: true } },
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
