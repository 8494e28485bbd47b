import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { weakPasswordReason } from "@/lib/auth/password-policy";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/scope";
import { hashToken, readAccountToken } from "@/lib/features/accounts/tokens";

function assertStrong(password: string, who: { email: string; name: string }): void {
  const reason = weakPasswordReason(password, who);
  if (reason) throw new AppError("VALIDATION", undefined, { password: reason });
}

/**
 * Sets a password through a one-time link. The link is spent in the same statement that checks
 * it (two tabs submitting at once: one wins), and only after the password passed every rule, so a
 * refused password leaves the link usable. Every session of the account ends.
 */
export async function setPasswordWithToken(input: { token: string; password: string }, now = new Date()) {
  const state = await readAccountToken(db, input.token, now);
  if (state.state !== "valid") throw new AppError("NOT_FOUND", undefined, { _form: `accounts.link.${state.state}` });
  assertStrong(input.password, state);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const spent = await tx.accountToken.updateMany({
      where: { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw new AppError("NOT_FOUND", undefined, { _form: "accounts.link.used" });
    await tx.user.update({
      where: { id: state.userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, { id: state.userId, role: null }, {
      action: state.purpose === "INVITE" ? "account.password_set" : "account.password_reset",
      entityType: "user",
      entityId: state.userId,
      officeId: null,
    });
  });
  return { email: state.email };
}

/** The signed-in person changes their own password; their sessions end (they sign in again). */
export async function changeOwnPassword(actor: SessionUser, input: { currentPassword: string; password: string }) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, email: true, name: true, officeId: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", undefined, { currentPassword: "validation.currentPasswordWrong" });
  }
  if (input.currentPassword === input.password) throw new AppError("VALIDATION", undefined, { password: "validation.passwordUnchanged" });
  assertStrong(input.password, user);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, actor, { action: "account.password_changed", entityType: "user", entityId: actor.id, officeId: user.officeId });
  });
}

/** For an administrator who chooses a password for someone: the same rules. */
export function assertStrongPassword(password: string, who: { email: string; name: string }): void {
  assertStrong(password, who);
}
