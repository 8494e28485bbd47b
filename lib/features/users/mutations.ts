import "server-only";
import type { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { diffFields, recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { officeWhere, requireScope, type SessionUser } from "@/lib/server/scope";
import { deliverPasswordLink, type DeliveredLink } from "@/lib/features/accounts/links";
import { findManagedAccount, manageableRoles } from "@/lib/features/accounts/managed";
import { assertStrongPassword } from "@/lib/features/accounts/password";
import { issueAccountToken } from "@/lib/features/accounts/tokens";
import type { accountIdSchema, createAccountSchema, setAccountActiveSchema, updateAccountSchema } from "@/lib/features/users/schemas";

type Placement = { role: Role; officeId?: string | null; kanwilId?: string | null; desaBinaanId?: string | null };

/**
 * Where an account of `role` belongs, checked against what the actor may manage: an overseer's
 * Kanwil, an office's staff, a village account's desa binaan of that office; a national admin
 * belongs nowhere. An office admin's accounts always land in their own office.
 */
async function resolvePlacement(actor: SessionUser, input: Placement) {
  if (!manageableRoles(actor).includes(input.role)) throw new AppError("FORBIDDEN");
  const national = requireScope(actor, "manage:user") === "any";
  const none = { officeId: null, kanwilId: null, desaBinaanId: null };
  if (input.role === "NATIONAL_ADMIN") return none;
  if (input.role === "REGIONAL_OVERSEER") {
    const kanwil = input.kanwilId ? await db.kanwil.findUnique({ where: { id: input.kanwilId }, select: { id: true } }) : null;
    if (!kanwil) throw new AppError("VALIDATION", undefined, { kanwilId: "validation.kanwilRequired" });
    return { ...none, kanwilId: kanwil.id };
  }
  const officeId = national ? input.officeId : actor.officeId;
  if (!officeId) throw new AppError("VALIDATION", undefined, { officeId: "validation.required" });
  const office = await db.office.findFirst({ where: { AND: [{ id: officeId }, officeWhere(actor, "manage:user")] }, select: { id: true } });
  if (!office) throw new AppError("VALIDATION", undefined, { officeId: "validation.required" });
  if (input.role !== "VILLAGE") return { ...none, officeId };
  const village = input.desaBinaanId ? await db.desaBinaan.findFirst({ where: { id: input.desaBinaanId, officeId }, select: { id: true } }) : null;
  if (!village) throw new AppError("VALIDATION", undefined, { desaBinaanId: "validation.villageRequired" });
  return { ...none, officeId, desaBinaanId: village.id };
}

const emailTaken = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"
    ? new AppError("CONFLICT", undefined, { email: "validation.emailTaken" })
    : error;

/**
 * Creates an account of any level the actor manages. Without a password the person gets a
 * one-time invitation link (returned to be copied or sent by WhatsApp, and emailed when SMTP is
 * set); with one chosen by the administrator, they must change it at their first sign-in.
 */
export async function createAccount(
  actor: SessionUser,
  input: z.output<typeof createAccountSchema>,
): Promise<{ id: string; link: DeliveredLink | null }> {
  const place = await resolvePlacement(actor, input);
  if (input.password) assertStrongPassword(input.password, input);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  let created: { id: string; token: { token: string; expiresAt: Date } | null };
  try {
    created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          role: input.role,
          ...place,
          nip: input.nip,
          position: input.position,
          phone: input.phone,
          passwordHash,
          mustChangePassword: Boolean(passwordHash),
          createdById: actor.id,
        },
        select: { id: true },
      });
      const token = passwordHash ? null : await issueAccountToken(tx, { userId: user.id, purpose: "INVITE", createdById: actor.id });
      await recordAudit(tx, actor, {
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        officeId: place.officeId,
        changes: { after: { name: input.name, email: input.email, role: input.role, ...place, invited: !passwordHash } },
      });
      return { id: user.id, token };
    });
  } catch (error) {
    throw emailTaken(error);
  }
  const link = created.token
    ? await deliverPasswordLink({ ...created.token, purpose: "INVITE", user: { name: input.name, email: input.email, phone: input.phone } })
    : null;
  return { id: created.id, link };
}

/**
 * Changes another person's name, position, role and placement. The form sends the version it
 * saw: if someone else saved the account since, nothing is written and the second editor is
 * told. A change of role or placement ends the person's sessions at once.
 */
export async function updateAccount(actor: SessionUser, input: z.output<typeof updateAccountSchema>) {
  const target = await findManagedAccount(actor, input.userId);
  const place = await resolvePlacement(actor, input);
  const before = { name: target.name, role: target.role, officeId: target.officeId, kanwilId: target.kanwilId, desaBinaanId: target.desaBinaanId };
  const after = { name: input.name, role: input.role, ...place };
  const accessChanged = before.role !== after.role || before.officeId !== after.officeId || before.kanwilId !== after.kanwilId || before.desaBinaanId !== after.desaBinaanId;
  return db.$transaction(async (tx) => {
    await assertNotLastNationalAdmin(tx, target, input.role !== "NATIONAL_ADMIN");
    const updated = await tx.user.updateMany({
      where: { id: target.id, updatedAt: new Date(input.version) },
      data: { ...after, position: input.position ?? null, ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}) },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", undefined, { _form: "validation.editedMeanwhile" });
    await recordAudit(tx, actor, { action: "user.update", entityType: "user", entityId: target.id, officeId: place.officeId ?? target.officeId, changes: diffFields(before, after) });
    const { updatedAt } = await tx.user.findUniqueOrThrow({ where: { id: target.id }, select: { updatedAt: true } });
    return { version: updatedAt.toISOString() };
  });
}

/** Disables or re-enables an account the actor manages. A disabled account is signed out at once. */
export async function setAccountActive(actor: SessionUser, input: z.output<typeof setAccountActiveSchema>) {
  const target = await findManagedAccount(actor, input.userId);
  if (target.active === input.active) return { id: target.id, active: target.active };
  return db.$transaction(async (tx) => {
    await assertNotLastNationalAdmin(tx, target, !input.active);
    const updated = await tx.user.update({
      where: { id: target.id },
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

/**
 * A new one-time link for someone who forgot their password or never used their invitation.
 * The old password keeps working until the new one is set; earlier links stop working.
 */
export async function issuePasswordLink(actor: SessionUser, input: z.output<typeof accountIdSchema>): Promise<DeliveredLink> {
  const target = await findManagedAccount(actor, input.userId);
  if (!target.active) throw new AppError("CONFLICT", undefined, { _form: "accounts.inactive" });
  const user = await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { passwordHash: true, phone: true } });
  const purpose = user.passwordHash ? "RESET" : "INVITE";
  const token = await db.$transaction(async (tx) => {
    const issued = await issueAccountToken(tx, { userId: target.id, purpose, createdById: actor.id });
    await recordAudit(tx, actor, { action: "account.link_issued", entityType: "user", entityId: target.id, officeId: target.officeId, changes: { after: { purpose } } });
    return issued;
  });
  return deliverPasswordLink({ ...token, purpose, user: { name: target.name, email: target.email, phone: user.phone } });
}

/**
 * The portal always keeps one active national admin: the last one can be neither disabled nor
 * given another role (by someone else; nobody changes their own role at all). Counted under a
 * lock on the national admins' rows, so two such changes at once cannot both pass.
 */
export async function assertNotLastNationalAdmin(tx: Prisma.TransactionClient, target: { id: string; role: Role; active: boolean }, losing: boolean) {
  if (!losing || target.role !== "NATIONAL_ADMIN" || !target.active) return;
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM app_user WHERE role = 'NATIONAL_ADMIN' AND active FOR UPDATE`;
  if (rows.filter((r) => r.id !== target.id).length === 0) throw new AppError("CONFLICT", undefined, { _form: "accounts.lastNationalAdmin" });
}
