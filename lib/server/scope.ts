import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { scopeFor, type PermissionKey, type Scope } from "@/lib/auth/permissions";
import { AppError } from "@/lib/server/errors";

/** The signed-in user as the data layer sees it: re-read from the database on every request. */
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  officeId: string | null;
  kanwilId: string | null;
  desaBinaanId: string | null;
};

/** Throws FORBIDDEN unless the user's role grants `key` at some scope; returns that scope. */
export function requireScope(user: SessionUser, key: PermissionKey): Scope {
  const scope = scopeFor(user.role, key);
  if (!scope) throw new AppError("FORBIDDEN");
  return scope;
}

// A missing id must never turn into `undefined`, which Prisma reads as "no filter".
function must(id: string | null): string {
  if (!id) throw new AppError("FORBIDDEN");
  return id;
}

/** Which offices the user may act on for `key`. Another office's row then reads as "not found". */
export function officeWhere(user: SessionUser, key: PermissionKey): Prisma.OfficeWhereInput {
  switch (requireScope(user, key)) {
    case "any":
      return {};
    case "own-region":
      return { kanwilId: must(user.kanwilId) };
    case "own-office":
      return { id: must(user.officeId) };
    case "own-village":
      return { villages: { some: { id: must(user.desaBinaanId) } } };
  }
}

/** Which desa binaan the user may act on for `key`. */
export function desaBinaanWhere(user: SessionUser, key: PermissionKey): Prisma.DesaBinaanWhereInput {
  const scope = requireScope(user, key);
  if (scope === "own-village") return { id: must(user.desaBinaanId) };
  return scope === "any" ? {} : { office: officeWhere(user, key) };
}

/** Which users the user may see or manage for `key`. */
export function userWhere(user: SessionUser, key: PermissionKey): Prisma.UserWhereInput {
  switch (requireScope(user, key)) {
    case "any":
      return {};
    case "own-region":
      return { office: { kanwilId: must(user.kanwilId) } };
    case "own-office":
      return { officeId: must(user.officeId) };
    case "own-village":
      return { id: user.id };
  }
}

/**
 * Which education material the user may act on for `key`. Reading includes national material
 * (officeId null) for everyone who may read material; writing and publishing never reach
 * another office's material, and national material only with the `any` scope. A village account
 * reads published material only.
 */
export function materialWhere(user: SessionUser, key: PermissionKey): Prisma.MaterialWhereInput {
  const reading = key === "read:material";
  switch (requireScope(user, key)) {
    case "any":
      return {};
    case "own-region":
      return reading
        ? { OR: [{ officeId: null }, { office: { kanwilId: must(user.kanwilId) } }] }
        : { office: { kanwilId: must(user.kanwilId) } };
    case "own-office":
      return reading ? { OR: [{ officeId: null }, { officeId: must(user.officeId) }] } : { officeId: must(user.officeId) };
    case "own-village":
      return { status: "PUBLISHED" };
  }
}

/** Which outreach sessions (kegiatan) the user may act on for `key`. */
export function eventWhere(user: SessionUser, key: PermissionKey): Prisma.EventWhereInput {
  switch (requireScope(user, key)) {
    case "any":
      return {};
    case "own-region":
      return { office: { kanwilId: must(user.kanwilId) } };
    case "own-office":
      return { officeId: must(user.officeId) };
    case "own-village":
      return { villages: { some: { desaBinaanId: must(user.desaBinaanId) } } };
  }
}

/** Which liaison contacts the user may act on for `key`: those of the desa binaan it may act on. */
export function contactWhere(user: SessionUser, key: PermissionKey): Prisma.ContactWhereInput {
  return { desaBinaan: desaBinaanWhere(user, key) };
}

/**
 * Which audit entries the user may read. Entries carry the owning office's id, not a relation,
 * so a region's entries are those whose office belongs to its Kanwil (listed by the caller).
 */
export async function auditWhere(
  user: SessionUser,
  officeIdsOfKanwil: (kanwilId: string) => Promise<string[]>,
): Promise<Prisma.AuditLogWhereInput> {
  switch (requireScope(user, "read:audit")) {
    case "any":
      return {};
    case "own-region":
      return { officeId: { in: await officeIdsOfKanwil(must(user.kanwilId)) } };
    case "own-office":
      return { officeId: must(user.officeId) };
    case "own-village":
      throw new AppError("FORBIDDEN");
  }
}
