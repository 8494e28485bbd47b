import { createPrismaClient } from "@/lib/db/create-client";
import { scopeFor, type PermissionKey } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/server/scope";
import { createDesaBinaan, createOffice, createUser } from "@/lib/factories";

/** A client for test setup; the code under test uses its own (lib/server/db.ts), same database. */
export const testDb = createPrismaClient(process.env.DATABASE_URL!, { max: 4 });

export function asSessionUser(user: {
  id: string;
  name: string;
  email: string;
  role: Role;
  officeId: string | null;
  kanwilId: string | null;
  desaBinaanId: string | null;
}): SessionUser {
  const { id, name, email, role, officeId, kanwilId, desaBinaanId } = user;
  return { id, name, email, role, officeId, kanwilId, desaBinaanId };
}

/**
 * Two offices in different provinces (A in Jawa Tengah, B in Kalimantan Tengah), each with a
 * village, and one user of every role. Unique names, so test files can share one database.
 */
export async function createTwoOfficeWorld() {
  const officeA = await createOffice(testDb, { provinceCode: "33", workArea: ["33.14"] });
  const officeB = await createOffice(testDb, { provinceCode: "62", workArea: ["62.02"] });
  const villageA = await createDesaBinaan(testDb, { officeId: officeA.id });
  const villageB = await createDesaBinaan(testDb, { officeId: officeB.id });
  const user = async (role: Role, scope: { officeId?: string; kanwilId?: string; desaBinaanId?: string }) =>
    asSessionUser(await createUser(testDb, { role, ...scope }));
  return {
    officeA,
    officeB,
    villageA,
    villageB,
    national: await user("NATIONAL_ADMIN", {}),
    regionalA: await user("REGIONAL_OVERSEER", { kanwilId: officeA.kanwilId }),
    adminA: await user("OFFICE_ADMIN", { officeId: officeA.id }),
    officerA: await user("OFFICE_OFFICER", { officeId: officeA.id }),
    villageUserA: await user("VILLAGE", { officeId: officeA.id, desaBinaanId: villageA.id }),
    adminB: await user("OFFICE_ADMIN", { officeId: officeB.id }),
    officerB: await user("OFFICE_OFFICER", { officeId: officeB.id }),
  };
}

/** The AppError code a promise rejects with, or "OK". */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
    throw error;
  }
}

/** Which office's record an authorization matrix acts on: the actor's own (A) or the other (B). */
export type Side = "own" | "other";

/** The five actors of every authorization matrix, all on office A's side of createTwoOfficeWorld. */
export function matrixActors(w: Awaited<ReturnType<typeof createTwoOfficeWorld>>) {
  return {
    national: w.national,
    regional: w.regionalA,
    officeAdmin: w.adminA,
    officer: w.officerA,
    village: w.villageUserA,
  } satisfies Record<string, SessionUser>;
}

/**
 * What an action must come to, from the permission map: no permission -> FORBIDDEN; scope "any"
 * or the actor's own side -> OK; otherwise the other office's record reads as NOT_FOUND.
 */
export function expectedOutcome(actor: SessionUser, key: PermissionKey, side: Side): string {
  const scope = scopeFor(actor.role, key);
  if (!scope) return "FORBIDDEN";
  return scope === "any" || side === "own" ? "OK" : "NOT_FOUND";
}
