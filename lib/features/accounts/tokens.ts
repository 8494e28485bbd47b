import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How long an invitation or reset link works. */
export const TOKEN_TTL_HOURS = 72;

type Tx = Pick<Prisma.TransactionClient, "accountToken">;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The path of a set-password link; the caller puts the public base URL in front. */
export const setPasswordPath = (token: string) => `/atur-sandi/${token}`;

/**
 * Issues a one-time link for `userId`, ending every earlier unused link of the same account (the
 * newest link is the only one that works). Only the token's hash is stored: the link itself is
 * shown once, to whoever asked for it.
 */
export async function issueAccountToken(
  tx: Tx,
  input: { userId: string; purpose: AccountTokenPurpose; createdById: string | null; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_HOURS * 3600_000);
  await tx.accountToken.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: now } });
  await tx.accountToken.create({
    data: { userId: input.userId, purpose: input.purpose, tokenHash: hashToken(token), expiresAt, createdById: input.createdById },
  });
  return { token, expiresAt };
}

/** A link's state as the set-password page shows it: nothing about the account unless it is valid. */
export type TokenState =
  | { state: "valid"; tokenId: string; userId: string; purpose: AccountTokenPurpose; email: string; name: string }
  | { state: "expired" | "used" | "unknown" };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export async function readAccountToken(tx: Pick<Prisma.TransactionClient, "accountToken">, token: string, now = new Date()): Promise<TokenState> {
  if (!TOKEN_SHAPE.test(token)) return { state: "unknown" };
  const row = await tx.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true, user: { select: { email: true, name: true, active: true } } },
  });
  if (!row || !row.user.active) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "valid", tokenId: row.id, userId: row.userId, purpose: row.purpose, email: row.user.email, name: row.user.name };
}
