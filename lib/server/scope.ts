import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
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
  /**
   * What the person must finish before anything else (lib/features/accounts/pending.ts): a new
   * password after an administrator chose one, or a second factor their role requires.
   */
  pending?: AccountPending;
};

export type AccountPending = "password" | "second-factor" | null;

/** Throws FORBIDDEN unless the user's role grants `key` at some scope; returns that scope. */
export function requireScope(user: SessionUser, key: PermissionKey): Scope {
  const scope = scopeFor(user.role, key);
  if (!scope) throw new AppError("FORBIDDEN");
  return scope;
}

/** Where a record sits, for mayActOn: its office, that office's Kanwil, the villages it concerns. */
export type RecordPlace = { officeId: string; kanwilId: string | null; desaBinaanIds: readonly string[] };

/**
 * Whether the user may do `key` to a record already loaded: the same scope rule as the `where`
 * builders below, for one row. Queries return it (`can: { edit, ... }`) so pages only read it.
 */
export function mayActOn(user: SessionUser, key: PermissionKey, place: RecordPlace): boolean {
  switch (scopeFor(user.role, key)) {
    case "any":
      return true;
    case "own-region":
      return !!user.kanwilId && user.kanwilId === place.kanwilId;
    case "own-office":
      return !!user.officeId && user.officeId === place.officeId;
    case "own-village":
      return !!user.desaBinaanId && place.desaBinaanIds.includes(user.desaBinaanId);
    default:
      return false;
  }
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

/** Which Kanwils the user may act on for `key`: a Kanwil's own, or the one above an office. */
export function kanwilWhere(user: SessionUser, key: PermissionKey): Prisma.KanwilWhereInput {
  switch (requireScope(user, key)) {
    case "any":
      return {};
    case "own-region":
      return { id: must(user.kanwilId) };
    case "own-office":
      return { offices: { some: { id: must(user.officeId) } } };
    case "own-village":
      return { offices: { some: { villages: { some: { id: must(user.desaBinaanId) } } } } };
  }
}

/** Which desa binaan the user may act on for `key`. */
export function desaBinaanWhere(user: SessionUser, key: PermissionKey): Prisma.DesaBinaanWhereInput {
  const scope = requireScope(user, key);
  if (scope === "own-village") return { id: must(user.desaBinaanId) };
  return scope === "any" ? {} : { office: officeWhere(user, key) };
}

/** officeWhere for raw SQL: a condition on the office row aliased `o` (see desaBinaanScopeSql). */
export function officeScopeSql(user: SessionUser, key: PermissionKey): Prisma.Sql {
  switch (requireScope(user, key)) {
    case "any":
      return Prisma.sql`TRUE`;
    case "own-region":
      return Prisma.sql`o.kanwil_id = ${must(user.kanwilId)}::uuid`;
    case "own-office":
      return Prisma.sql`o.id = ${must(user.officeId)}::uuid`;
    case "own-village":
      return Prisma.sql`o.id IN (SELECT office_id FROM desa_binaan WHERE id = ${must(user.desaBinaanId)}::uuid)`;
  }
}

/**
 * desaBinaanWhere for raw SQL: a condition on the desa_binaan row aliased `d`, for the few
 * queries the ORM cannot write well. scope.test.ts checks it selects exactly what
 * desaBinaanWhere selects, for every role.
 */
export function desaBinaanScopeSql(user: SessionUser, key: PermissionKey): Prisma.Sql {
  switch (requireScope(user, key)) {
    case "any":
      return Prisma.sql`TRUE`;
    case "own-region":
      return Prisma.sql`d.office_id IN (SELECT id FROM office WHERE kanwil_id = ${must(user.kanwilId)}::uuid)`;
    case "own-office":
      return Prisma.sql`d.office_id = ${must(user.officeId)}::uuid`;
    case "own-village":
      return Prisma.sql`d.id = ${must(user.desaBinaanId)}::uuid`;
  }
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
  const scope = requireScope(user, key);
  return scope === "own-village" ? { status: "PUBLISHED" } : officeOrNationalWhere(user, scope, key === "read:material");
}

/**
 * Rows an office owns where no office means national (material, quizzes): reading includes the
 * national ones; writing never reaches another office's, and national ones only with `any`.
 */
function officeOrNationalWhere(user: SessionUser, scope: Exclude<Scope, "own-village">, reading: boolean) {
  switch (scope) {
    case "any":
      return {};
    case "own-region":
      return reading
        ? { OR: [{ officeId: null }, { office: { kanwilId: must(user.kanwilId) } }] }
        : { office: { kanwilId: must(user.kanwilId) } };
    case "own-office":
      return reading ? { OR: [{ officeId: null }, { officeId: must(user.officeId) }] } : { officeId: must(user.officeId) };
  }
}

/**
 * Which knowledge quizzes the user may act on for `key` (ADR 0025): as material, reading includes
 * national quizzes (officeId null); writing never reaches another office's, and national ones
 * only with the `any` scope.
 */
export function quizWhere(user: SessionUser, key: PermissionKey): Prisma.QuizWhereInput {
  const scope = requireScope(user, key);
  if (scope === "own-village") throw new AppError("FORBIDDEN");
  return officeOrNationalWhere(user, scope, key === "read:quiz");
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

/**
 * Which early-warning reports the user may act on for `key` (ADR 0018): the owning office's, the
 * Kanwil's (reports carry the Kanwil they sit under, including tips no office holds yet), every
 * one nationally; a village account only those it filed itself.
 */
export function warningWhere(user: SessionUser, key: PermissionKey): Prisma.WarningReportWhereInput {
  switch (requireScope(user, key)) {
    case "any":
      return {};
    case "own-region":
      return { kanwilId: must(user.kanwilId) };
    case "own-office":
      return { officeId: must(user.officeId) };
    case "own-village":
      return { filedById: user.id };
  }
}

/** warningWhere for raw SQL: a condition on the warning_report row aliased `w`. */
export function warningScopeSql(user: SessionUser, key: PermissionKey): Prisma.Sql {
  switch (requireScope(user, key)) {
    case "any":
      return Prisma.sql`TRUE`;
    case "own-region":
      return Prisma.sql`w.kanwil_id = ${must(user.kanwilId)}::uuid`;
    case "own-office":
      return Prisma.sql`w.office_id = ${must(user.officeId)}::uuid`;
    case "own-village":
      return Prisma.sql`w.filed_by_id = ${user.id}::uuid`;
  }
}
