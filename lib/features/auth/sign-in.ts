import "server-only";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/server/db";
import { hitRateLimit, peekRateLimit, resetRateLimit } from "@/lib/server/rate-limit";
import { signInSchema } from "@/lib/features/auth/schemas";

/** Failed sign-ins allowed per account and per client address within the window. */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 30, windowSeconds: 15 * 60 } as const;

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; code: "INVALID_CREDENTIALS" | "RATE_LIMITED" | "DISABLED" };

/**
 * Checks a password sign-in. A wrong password and an unknown account give the same answer,
 * in the same time (a dummy hash is verified), so the answer reveals nothing about accounts.
 */
export async function verifySignIn(input: unknown, clientAddress: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_CREDENTIALS" };
  const { email, password } = parsed.data;

  const accountKey = `sign-in:account:${email}`;
  const addressKey = `sign-in:address:${clientAddress}`;
  const [account, address] = await Promise.all([
    peekRateLimit(accountKey, SIGN_IN_LIMITS.windowSeconds),
    peekRateLimit(addressKey, SIGN_IN_LIMITS.windowSeconds),
  ]);
  if (account.count >= SIGN_IN_LIMITS.perAccount || address.count >= SIGN_IN_LIMITS.perAddress) {
    return { ok: false, code: "RATE_LIMITED" };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid) {
    await Promise.all([
      hitRateLimit(accountKey, SIGN_IN_LIMITS.windowSeconds),
      hitRateLimit(addressKey, SIGN_IN_LIMITS.windowSeconds),
    ]);
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }
  // Only someone holding the right password learns that the account is disabled.
  if (!user.active) return { ok: false, code: "DISABLED" };

  await resetRateLimit(accountKey);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { ok: true, userId: user.id };
}
