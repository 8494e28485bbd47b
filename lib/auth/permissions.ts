import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Permissions are typed strings `action:entity:scope` (epic-stack ADR 028). The map below is
 * the single source of truth for who may do what; the data layer turns a scope into a `where`.
 * This module is pure so the UI can hide what a user may not do, but the server always checks.
 */
export type Action = "read" | "create" | "update" | "delete" | "publish" | "manage" | "export";
export type Entity =
  | "office"
  | "kanwil"
  | "user"
  | "village"
  | "contact"
  | "event"
  | "attendance"
  | "material"
  | "report"
  | "audit";
/** Broadest first: `any` ⊃ `own-region` ⊃ `own-office` ⊃ `own-village`. */
export type Scope = "any" | "own-region" | "own-office" | "own-village";
export type Permission = `${Action}:${Entity}:${Scope}`;
export type PermissionKey = `${Action}:${Entity}`;

const SCOPE_ORDER: Scope[] = ["any", "own-region", "own-office", "own-village"];

const OFFICE_WORK: Permission[] = [
  "read:office:own-office",
  "read:village:own-office",
  "create:village:own-office",
  "update:village:own-office",
  "read:contact:own-office",
  "create:contact:own-office",
  "update:contact:own-office",
  "read:event:own-office",
  "create:event:own-office",
  "update:event:own-office",
  "read:attendance:own-office",
  "create:attendance:own-office",
  "update:attendance:own-office",
  "delete:attendance:own-office",
  "export:attendance:own-office",
  "read:material:own-office",
  "create:material:own-office",
  "update:material:own-office",
  "read:report:own-office",
  "export:report:own-office",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  NATIONAL_ADMIN: [
    "read:office:any",
    "update:office:any",
    // Reference data of the organisation: offices (with their work areas and the moves of desa
    // binaan those imply, and the CSV/XLSX import) and Kanwils. Only the national level.
    "manage:office:any",
    "manage:kanwil:any",
    "read:user:any",
    "manage:user:any",
    "read:village:any",
    "read:contact:any",
    "read:event:any",
    "read:attendance:any",
    "export:attendance:any",
    "read:material:any",
    "create:material:any",
    "update:material:any",
    "publish:material:any",
    "read:report:any",
    "export:report:any",
    "read:audit:any",
  ],
  REGIONAL_OVERSEER: [
    "read:office:own-region",
    "read:user:own-region",
    "read:village:own-region",
    "read:contact:own-region",
    "read:event:own-region",
    "read:attendance:own-region",
    "export:attendance:own-region",
    "read:material:own-region",
    "read:report:own-region",
    "export:report:own-region",
    "read:audit:own-region",
  ],
  OFFICE_ADMIN: [
    ...OFFICE_WORK,
    "update:office:own-office",
    "read:user:own-office",
    "manage:user:own-office",
    "delete:contact:own-office",
    "delete:event:own-office",
    "publish:material:own-office",
    "read:audit:own-office",
  ],
  OFFICE_OFFICER: OFFICE_WORK,
  VILLAGE: [
    "read:village:own-village",
    "read:contact:own-village",
    "create:contact:own-village",
    "update:contact:own-village",
    "read:event:own-village",
    "read:material:own-village",
  ],
};

/**
 * The broadest scope at which `role` may perform `key`, or null if it may not at all. A role the
 * map does not know (a value added to the database before this code knows it) may do nothing.
 */
export function scopeFor(role: Role, key: PermissionKey): Scope | null {
  const granted: readonly Permission[] = Object.hasOwn(ROLE_PERMISSIONS, role) ? ROLE_PERMISSIONS[role] : [];
  for (const scope of SCOPE_ORDER) {
    if (granted.includes(`${key}:${scope}` as Permission)) return scope;
  }
  return null;
}

export function can(role: Role, key: PermissionKey): boolean {
  return scopeFor(role, key) !== null;
}
