import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Permissions are typed strings `action:entity:scope` (epic-stack ADR 028). The map below is
 * the single source of truth for who may do what; the data layer turns a scope into a `where`.
 * This module is pure so the UI can hide what a user may not do, but the server always checks.
 */
/**
 * `route` sends an early-warning report to the office that should handle it, `remind` is a
 * Kanwil's tegur about an overdue one, `answer` is the reporter's reply to the office's question.
 */
export type Action = "read" | "create" | "update" | "delete" | "publish" | "manage" | "export" | "route" | "remind" | "answer";
export type Entity =
  | "office"
  | "kanwil"
  | "user"
  | "village"
  | "contact"
  | "event"
  | "attendance"
  | "material"
  /** A knowledge quiz on a material (issue 17, ADR 0025); answers count as attendance. */
  | "quiz"
  | "report"
  /** An early-warning report or public tip (deteksi dini, ADR 0018); not the activity reports of "report". */
  | "warning"
  /** An office's wording of the prefilled WhatsApp messages of its sessions (ADR 0026). */
  | "template"
  /** The list of licensed placement agencies (P3MI) the public searches (ADR 0027). */
  | "agency"
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
  "read:quiz:own-office",
  "create:quiz:own-office",
  "update:quiz:own-office",
  "read:report:own-office",
  "export:report:own-office",
  "read:warning:own-office",
  "create:warning:own-office",
  "update:warning:own-office",
  // The office's WhatsApp invitation, reminder and follow-up texts: the officers who send them word them.
  "update:template:own-office",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  NATIONAL_ADMIN: [
    "read:office:any",
    "update:office:any",
    // Reference data of the organisation: offices (with their work areas and the moves of desa
    // binaan those imply, and the CSV/XLSX import) and Kanwils. Only the national level.
    "manage:office:any",
    "manage:kanwil:any",
    // The official list of licensed placement agencies (P3MI), loaded by CSV: one national list.
    "manage:agency:any",
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
    // National quizzes (officeId null) for every office; reads every office's for the hardest questions.
    "read:quiz:any",
    "create:quiz:any",
    "update:quiz:any",
    "delete:quiz:any",
    "read:report:any",
    "export:report:any",
    // Sees every report; routes the tips that no office or Kanwil holds.
    "read:warning:any",
    "route:warning:any",
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
    "read:quiz:own-region",
    "read:report:own-region",
    "export:report:own-region",
    // Watches its offices' response times: routes tips that reached the Kanwil, reminds (tegur).
    "read:warning:own-region",
    "route:warning:own-region",
    "remind:warning:own-region",
    "read:audit:own-region",
  ],
  OFFICE_ADMIN: [
    ...OFFICE_WORK,
    "update:office:own-office",
    "read:user:own-office",
    "manage:user:own-office",
    "delete:contact:own-office",
    "delete:event:own-office",
    // a quiz nobody has answered (answers would lose their questions)
    "delete:quiz:own-office",
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
    // The village is the office's early-warning network: it files reports and sees those it filed.
    "read:warning:own-village",
    "create:warning:own-village",
    "answer:warning:own-village",
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
