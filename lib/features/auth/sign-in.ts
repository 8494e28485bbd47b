import "server-only";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { releaseAttempt, reserveAttempt, resetRateLimit, type AttemptPolicy } from "@/lib/server/rate-limit";
import { signInSchema } from "@/lib/features/auth/schemas";
import { checkSecondFactor } from "@/lib/features/accounts/second-factor";

const WINDOW_SECONDS = 15 * 60;

/**
 * Per account: five attempts at once, then each further one waits 1, 2, 4 ... seconds, at most a
 * minute. No hard lock: whoever knows an address can slow an account down but never lock its
 * owner out for longer than a minute, while a guesser gets about one try a minute.
 * Per address: 30 failures in 15 minutes, then nothing more from there until the window ends.
 */
export const SIGN_IN_LIMITS: { perAccount: AttemptPolicy; perAddress: AttemptPolicy } = {
  perAccount: { windowSeconds: WINDOW_SECONDS, max: 1_000_000, free: 5, baseDelaySeconds: 1, maxDelaySeconds: 60 },
  perAddress: { windowSeconds: WINDOW_SECONDS, max: 30, free: 30, baseDelaySeconds: 0, maxDelaySeconds: 0 },
};

export type SignInResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; code: "INVALID_CREDENTIALS" | "DISABLED" | "SECOND_FACTOR_REQUIRED" | "SECOND_FACTOR_WRONG" }
  | { ok: false; code: "RATE_LIMITED" | "SLOW_DOWN"; retryAfterSeconds: number };

/**
 * Checks a password sign-in. A wrong password and an unknown account give the same answer,
 * in the same time (a dummy hash is verified), so the answer reveals nothing about accounts.
 * Each attempt is checked and counted by one statement per counter BEFORE the password is
 * verified, so parallel attempts cannot slip past the limit; a success gives its counts back.
 */
export async function verifySignIn(input: unknown, clientAddress: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_CREDENTIALS" };
  const { email, password, otp } = parsed.data;

  const accountKey = `sign-in:account:${email}`;
  const addressKey = `sign-in:address:${clientAddress}`;
  const address = await reserveAttempt(addressKey, SIGN_IN_LIMITS.perAddress);
  if (!address.admitted) return { ok: false, code: "RATE_LIMITED", retryAfterSeconds: address.retryAfterSeconds };
  const account = await reserveAttempt(accountKey, SIGN_IN_LIMITS.perAccount);
  if (!account.admitted) {
    // A refused attempt was not a guess: it does not count against the address.
    await releaseAttempt(addressKey);
    return { ok: false, code: "SLOW_DOWN", retryAfterSeconds: account.retryAfterSeconds };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, sessionVersion: true, totpEnabledAt: true, role: true, officeId: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid || !user.passwordHash) {
    // An unknown address is nobody's: only failures against a real account are audited.
    if (user) await auditSignIn(user, SIGN_IN_AUDIT.failed);
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }
  // Only someone holding the right password learns that the account is disabled.
  if (!user.active) return { ok: false, code: "DISABLED" };
  if (user.totpEnabledAt) {
    // The right password without a code is not a failed guess: its counts are given back, and
    // the form asks for the code. A wrong code keeps them, so codes cannot be guessed freely.
    if (!otp) {
      await Promise.all([releaseAttempt(accountKey), releaseAttempt(addressKey)]);
      return { ok: false, code: "SECOND_FACTOR_REQUIRED" };
    }
    if (!(await checkSecondFactor(user.id, otp))) {
      await auditSignIn(user, SIGN_IN_AUDIT.secondFactorFailed);
      return { ok: false, code: "SECOND_FACTOR_WRONG" };
    }
  }

  await Promise.all([resetRateLimit(accountKey), releaseAttempt(addressKey)]);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await auditSignIn(user, SIGN_IN_AUDIT.signedIn);
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}

/** Sign-ins and failed ones in the audit log, under the account they concern (no address, no password). */
const SIGN_IN_AUDIT = {
  signedIn: { action: "auth.sign_in", byTheUser: true },
  failed: { action: "auth.sign_in_failed", byTheUser: false },
  secondFactorFailed: { action: "auth.second_factor_failed", byTheUser: false },
} as const;

function auditSignIn(user: { id: string; role: Role; officeId: string | null }, event: (typeof SIGN_IN_AUDIT)[keyof typeof SIGN_IN_AUDIT]) {
  return recordAudit(db, event.byTheUser ? user : null, { action: event.action, entityType: "user", entityId: user.id, officeId: user.officeId });
}
