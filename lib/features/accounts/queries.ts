import "server-only";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/scope";
import { requiresSecondFactor } from "@/lib/features/accounts/pending";
import { readAccountToken } from "@/lib/features/accounts/tokens";

/** What the set-password page shows for a link: the form for a valid one, else why not. */
export async function getPasswordLinkState(token: string) {
  const state = await readAccountToken(db, token);
  return state.state === "valid" ? { state: "valid" as const, email: state.email, purpose: state.purpose } : { state: state.state };
}

/** The signed-in person's own security settings. */
export async function getOwnAccount(user: SessionUser) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  return { secondFactorSince: row.totpEnabledAt, secondFactorRequired: requiresSecondFactor(user.role), pending: user.pending ?? null };
}
