import "server-only";
import type { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { officeWhere, requireScope, userWhere, type SessionUser } from "@/lib/server/scope";
import type { createAccountSchema, setAccountActiveSchema } from "@/lib/features/users/schemas";

/**
 * Creates an officer, village or (national admin only) office-admin account. The office is the
 * actor's own unless the actor may manage any office; the village must belong to that office.
 */
export async function createAccount(actor: SessionUser, input: z.output<typeof createAccountSchema>) {
  const scope = requireScope(actor, "manage:user");
  if (input.role === "OFFICE_ADMIN" && scope !== "any") throw new AppError("FORBIDDEN");

  const officeId = scope === "any" ? input.officeId : actor.officeId;
  if (!officeId) throw new AppError("VALIDATION", undefined, { officeId: "validation.required" });
  const office = await db.office.findFirst({
    where: { AND: [{ id: officeId }, officeWhere(actor, "manage:user")] },
    select: { id: true },
  });
  if (!office) throw new AppError("NOT_FOUND");

  let desaBinaanId: string | null = null;
  if (input.role === "VILLAGE") {
    const village = await db.desaBinaan.findFirst({
      where: { id: input.desaBinaanId ?? undefined, officeId },
      select: { id: true },
    });
    if (!village) throw new AppError("VALIDATION", undefined, { desaBinaanId: "validation.villageRequired" });
    desaBinaanId = village.id;
  }

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          role: input.role,
          officeId,
          desaBinaanId,
          nip: input.nip,
          position: input.position,
          passwordHash,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        officeId,
        changes: { after: { name: input.name, email: input.email, role: input.role, desaBinaanId } },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", undefined, { email: "validation.emailTaken" });
    }
    throw error;
  }
}

/** Disables or re-enables an account the actor manages. A disabled account is signed out at once. */
export async function setAccountActive(actor: SessionUser, input: z.output<typeof setAccountActiveSchema>) {
  if (input.userId === actor.id) throw new AppError("FORBIDDEN");
  const target = await db.user.findFirst({
    where: { AND: [{ id: input.userId }, userWhere(actor, "manage:user")] },
    select: { id: true, active: true, officeId: true, role: true },
  });
  if (!target) throw new AppError("NOT_FOUND");
  // An office admin manages officers and village accounts, not fellow admins or overseers.
  if (requireScope(actor, "manage:user") !== "any" && !["OFFICE_OFFICER", "VILLAGE"].includes(target.role)) {
    throw new AppError("NOT_FOUND");
  }
  if (target.active === input.active) return target;
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: target.id },
      // a new version ends the account's sessions: re-enabling it does not bring old cookies back
      data: { active: input.active, disabledAt: input.active ? null : new Date(), sessionVersion: { increment: 1 } },
      select: { id: true, active: true },
    });
    await recordAudit(tx, actor, {
      action: input.active ? "user.enable" : "user.disable",
      entityType: "user",
      entityId: target.id,
      officeId: target.officeId,
      changes: { before: { active: target.active }, after: { active: input.active } },
    });
    return updated;
  });
}
