import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContactRole } from "@/lib/generated/prisma/enums";
import { normalizeIndonesianPhone } from "@/lib/phone";
import { diffFields, recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { contactWhere, desaBinaanWhere, type SessionUser } from "@/lib/server/scope";
import type {
  createContactSchema,
  deleteContactSchema,
  endContactSchema,
  handoverContactSchema,
  updateContactSchema,
} from "@/lib/features/contacts/schemas";

type PersonInput = {
  name: string;
  role: string;
  position: string | null;
  phone: string;
  hasWhatsapp: boolean;
  consent: boolean;
  notes: string | null;
};

/** The stored form of a person: phone as E.164 digits, kept only with consent (UU PDP). */
function personFields(input: PersonInput, consentAt: Date | null) {
  const phone = input.phone ? normalizeIndonesianPhone(input.phone) : null;
  if (input.phone && !phone) throw new AppError("VALIDATION", undefined, { phone: "validation.phone" });
  if (phone && !input.consent) throw new AppError("VALIDATION", undefined, { consent: "validation.consentRequired" });
  return {
    name: input.name,
    role: input.role as ContactRole,
    position: input.position,
    phone,
    hasWhatsapp: phone ? input.hasWhatsapp : false,
    consentAt: phone ? (consentAt ?? new Date()) : null,
    notes: input.notes,
  };
}

const auditable = (c: Record<string, unknown>) => ({
  name: c.name,
  role: c.role,
  position: c.position,
  phone: c.phone,
  hasWhatsapp: c.hasWhatsapp,
  notes: c.notes,
  activeFrom: c.activeFrom instanceof Date ? c.activeFrom.toISOString().slice(0, 10) : c.activeFrom,
  activeUntil: c.activeUntil instanceof Date ? c.activeUntil.toISOString().slice(0, 10) : (c.activeUntil ?? null),
});

async function audit(
  tx: Prisma.TransactionClient,
  actor: SessionUser,
  action: string,
  contactId: string,
  officeId: string,
  changes: { before?: unknown; after?: unknown },
) {
  await recordAudit(tx, actor, { action, entityType: "contact", entityId: contactId, officeId, changes });
}

/** Adds a liaison to a desa binaan the actor may add contacts to. */
export async function createContact(actor: SessionUser, input: z.output<typeof createContactSchema>) {
  const desa = await db.desaBinaan.findFirst({
    where: { AND: [{ id: input.desaBinaanId }, desaBinaanWhere(actor, "create:contact")] },
    select: { id: true, officeId: true },
  });
  if (!desa) throw new AppError("NOT_FOUND");
  const fields = personFields(input, null);
  return db.$transaction(async (tx) => {
    const contact = await tx.contact.create({
      data: { ...fields, desaBinaanId: desa.id, activeFrom: input.activeFrom, createdById: actor.id },
    });
    await audit(tx, actor, "contact.create", contact.id, desa.officeId, { after: auditable(contact) });
    return { id: contact.id };
  });
}

/** Loads a contact the actor may act on for `key`, with its village's office, or "not found". */
async function scopedContact(actor: SessionUser, contactId: string, key: "update:contact" | "delete:contact") {
  const contact = await db.contact.findFirst({
    where: { AND: [{ id: contactId }, contactWhere(actor, key)] },
    include: { desaBinaan: { select: { officeId: true } } },
  });
  if (!contact) throw new AppError("NOT_FOUND");
  return contact;
}

/** Corrects a contact's details (a different person is a handover, not an edit). */
export async function updateContact(actor: SessionUser, input: z.output<typeof updateContactSchema>) {
  const current = await scopedContact(actor, input.contactId, "update:contact");
  const fields = personFields(input, current.phone && current.consentAt ? current.consentAt : null);
  return db.$transaction(async (tx) => {
    const updated = await tx.contact.update({ where: { id: current.id }, data: fields });
    const changes = diffFields(auditable(current), auditable(updated));
    if (Object.keys(changes.after).length > 0) {
      await audit(tx, actor, "contact.update", current.id, current.desaBinaan.officeId, changes);
    }
    return { id: current.id };
  });
}

/** Ends an active contact's period (they left the role, no successor yet). */
export async function endContact(actor: SessionUser, input: z.output<typeof endContactSchema>) {
  const current = await scopedContact(actor, input.contactId, "update:contact");
  if (current.activeUntil) throw new AppError("VALIDATION", undefined, { activeUntil: "contacts.errors.alreadyEnded" });
  if (input.activeUntil < current.activeFrom) {
    throw new AppError("VALIDATION", undefined, { activeUntil: "contacts.errors.endBeforeStart" });
  }
  return db.$transaction(async (tx) => {
    await tx.contact.update({ where: { id: current.id }, data: { activeUntil: input.activeUntil } });
    await audit(tx, actor, "contact.end", current.id, current.desaBinaan.officeId, {
      before: { activeUntil: null },
      after: { activeUntil: input.activeUntil.toISOString().slice(0, 10) },
    });
    return { id: current.id };
  });
}

/**
 * Hands a liaison role over: the old contact ends the day before `handoverOn`, the new one
 * starts on it, and the old one points at its successor, so the history reads as a chain.
 */
export async function handoverContact(actor: SessionUser, input: z.output<typeof handoverContactSchema>) {
  const current = await scopedContact(actor, input.contactId, "update:contact");
  if (current.activeUntil || current.replacedById) {
    throw new AppError("VALIDATION", undefined, { handoverOn: "contacts.errors.alreadyEnded" });
  }
  if (input.handoverOn <= current.activeFrom) {
    throw new AppError("VALIDATION", undefined, { handoverOn: "contacts.errors.endBeforeStart" });
  }
  const fields = personFields(input, null);
  const endsOn = new Date(input.handoverOn.getTime() - 24 * 3600 * 1000);
  return db.$transaction(async (tx) => {
    const successor = await tx.contact.create({
      data: { ...fields, desaBinaanId: current.desaBinaanId, activeFrom: input.handoverOn, createdById: actor.id },
    });
    await tx.contact.update({ where: { id: current.id }, data: { activeUntil: endsOn, replacedById: successor.id } });
    const officeId = current.desaBinaan.officeId;
    await audit(tx, actor, "contact.create", successor.id, officeId, { after: { ...auditable(successor), replaces: current.id } });
    await audit(tx, actor, "contact.handover", current.id, officeId, {
      before: { activeUntil: null, replacedById: null },
      after: { activeUntil: endsOn.toISOString().slice(0, 10), replacedById: successor.id },
    });
    return { id: successor.id };
  });
}

/** Removes a contact entered by mistake (office admins only); the audit log keeps what it was. */
export async function deleteContact(actor: SessionUser, input: z.output<typeof deleteContactSchema>) {
  const current = await scopedContact(actor, input.contactId, "delete:contact");
  return db.$transaction(async (tx) => {
    // A predecessor that pointed at this contact becomes an ended contact without successor.
    await tx.contact.updateMany({ where: { replacedById: current.id }, data: { replacedById: null } });
    await tx.contact.delete({ where: { id: current.id } });
    await audit(tx, actor, "contact.delete", current.id, current.desaBinaan.officeId, { before: auditable(current) });
    return { id: current.id };
  });
}
