import { readEnv } from "@/lib/env-schema";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AccountPending } from "@/lib/server/scope";

/** The roles that may change other people's accounts or see a region or the nation. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["NATIONAL_ADMIN", "REGIONAL_OVERSEER", "OFFICE_ADMIN"];

/**
 * Whether a role must use a second factor. Off in demo mode (DEMO_MODE=1, the embedded demo
 * and the end-to-end server), where shared demo logins sign in without one; anyone may still
 * enrol there. Everywhere else it is required.
 */
export function requiresSecondFactor(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role) && readEnv().DEMO_MODE !== "1";
}

/** What someone must finish before using the portal: a chosen password first, then the second factor. */
export function accountPending(user: { role: Role; mustChangePassword: boolean; hasSecondFactor: boolean }): AccountPending {
  if (user.mustChangePassword) return "password";
  if (!user.hasSecondFactor && requiresSecondFactor(user.role)) return "second-factor";
  return null;
}
