import "server-only";
import type { Db } from "@/lib/db/create-client";
import { recordAudit } from "@/lib/server/audit";
import { issueAccountToken, setPasswordPath } from "@/lib/features/accounts/tokens";

export type BootstrapResult =
  | { status: "created" | "invited-again" | "reset"; userId: string; path: string; expiresAt: Date }
  | { status: "exists"; userId: string }
  | { status: "other-role"; role: string };

/**
 * The first national admin of a new installation (`npm run admin:create`), or the same command
 * run again: idempotent. An account that never set its password gets a fresh invitation link (the
 * earlier ones stop working); one that did is left alone unless `reset` asks for a reset link.
 * Recorded in the audit log without an actor: it came from the server's command line.
 */
export async function bootstrapNationalAdmin(db: Db, input: { email: string; name: string; reset?: boolean }): Promise<BootstrapResult> {
  const email = input.email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, passwordHash: true, active: true } });
    if (existing && existing.role !== "NATIONAL_ADMIN") return { status: "other-role", role: existing.role };
    if (existing && existing.passwordHash && !input.reset) return { status: "exists", userId: existing.id };
    const user =
      existing ??
      (await tx.user.create({ data: { email, name: input.name.trim(), role: "NATIONAL_ADMIN" }, select: { id: true, role: true, passwordHash: true, active: true } }));
    if (!user.active) await tx.user.update({ where: { id: user.id }, data: { active: true, disabledAt: null } });
    const purpose = user.passwordHash ? "RESET" : "INVITE";
    const { token, expiresAt } = await issueAccountToken(tx, { userId: user.id, purpose, createdById: null });
    const status = !existing ? "created" : purpose === "RESET" ? "reset" : "invited-again";
    await recordAudit(tx, null, { action: `account.bootstrap`, entityType: "user", entityId: user.id, officeId: null, changes: { after: { status } } });
    return { status, userId: user.id, path: setPasswordPath(token), expiresAt };
  });
}
