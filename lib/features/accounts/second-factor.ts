import "server-only";
import QRCode from "qrcode";
import { decryptSecret, encryptSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep } from "@/lib/auth/totp";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/scope";
import { requiresSecondFactor } from "@/lib/features/accounts/pending";
import { findManagedAccount } from "@/lib/features/accounts/managed";

/**
 * Starts (or restarts) enrolment: a new secret, stored encrypted but not yet in force, and the QR
 * code for an authenticator app. Until a code from it is confirmed, sign-in does not ask for one.
 */
export async function startSecondFactorEnrolment(user: SessionUser) {
  const current = await db.user.findUnique({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (current?.totpEnabledAt) throw new AppError("CONFLICT", undefined, { _form: "accounts.secondFactor.alreadyOn" });
  const { base32, uri } = newTotpSecret(user.email);
  await db.user.update({ where: { id: user.id }, data: { totpSecret: encryptSecret(base32), totpLastStep: null } });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret: base32.replace(/(.{4})/g, "$1 ").trim(), qrSvg };
}

/** Confirms enrolment with a first code; returns the ten recovery codes, shown this once. */
export async function confirmSecondFactor(user: SessionUser, input: { code: string }) {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true, officeId: true } });
  if (row?.totpEnabledAt) throw new AppError("CONFLICT", undefined, { _form: "accounts.secondFactor.alreadyOn" });
  if (!row?.totpSecret) throw new AppError("VALIDATION", undefined, { code: "accounts.secondFactor.startFirst" });
  const step = totpStep(decryptSecret(row.totpSecret), input.code);
  if (step === null) throw new AppError("VALIDATION", undefined, { code: "validation.totpWrong" });
  const { codes, hashes } = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpSecret: row.totpSecret },
      data: { totpEnabledAt: new Date(), totpLastStep: BigInt(step) },
    });
    if (enabled.count !== 1) throw new AppError("CONFLICT", undefined, { _form: "accounts.secondFactor.alreadyOn" });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: user.id, codeHash })) });
    await recordAudit(tx, user, { action: "account.second_factor_enabled", entityType: "user", entityId: user.id, officeId: row.officeId });
  });
  return { recoveryCodes: codes };
}

/** Someone whose role does not require a second factor may turn theirs off, with a current code. */
export async function disableOwnSecondFactor(user: SessionUser, input: { code: string }) {
  if (requiresSecondFactor(user.role)) throw new AppError("FORBIDDEN", undefined, { _form: "accounts.secondFactor.required" });
  if (!(await checkSecondFactor(user.id, input.code))) throw new AppError("VALIDATION", undefined, { code: "validation.totpWrong" });
  await clearSecondFactor(user, user.id, "account.second_factor_disabled");
}

/** An administrator resets the second factor of an account they manage (a lost phone). Audited. */
export async function resetSecondFactor(actor: SessionUser, input: { userId: string }) {
  const target = await findManagedAccount(actor, input.userId);
  await clearSecondFactor(actor, target.id, "account.second_factor_reset", target.officeId);
}

async function clearSecondFactor(actor: SessionUser, userId: string, action: string, officeId: string | null = actor.officeId) {
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, { action, entityType: "user", entityId: userId, officeId });
  });
}

/**
 * A second-factor code at sign-in: a TOTP code of a step later than the last one accepted (so a
 * code works once, even when two sign-ins race), or one of the unused recovery codes (spent).
 * Each check and its spending are one statement.
 */
export async function checkSecondFactor(userId: string, code: string, now = Date.now()): Promise<boolean> {
  const compact = code.trim();
  if (/^[a-z2-7]{5}-?[a-z2-7]{5}$/i.test(compact)) {
    const spent = await db.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(compact), usedAt: null },
      data: { usedAt: new Date(now) },
    });
    return spent.count === 1;
  }
  const row = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!row?.totpSecret || !row.totpEnabledAt) return false;
  const step = totpStep(decryptSecret(row.totpSecret), compact, now);
  if (step === null) return false;
  const accepted = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(step) } }] },
    data: { totpLastStep: BigInt(step) },
  });
  return accepted.count === 1;
}
