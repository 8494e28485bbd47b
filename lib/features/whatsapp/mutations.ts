import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { officeWhere, type SessionUser } from "@/lib/server/scope";
import type { resetWhatsappTemplateSchema, saveWhatsappTemplateSchema } from "@/lib/features/whatsapp/schemas";

/** The office the actor may word messages for; another office's reads as not found. */
async function loadOffice(actor: SessionUser, officeId: string) {
  const office = await db.office.findFirst({ where: { AND: [{ id: assertId(officeId) }, officeWhere(actor, "update:template")] }, select: { id: true } });
  if (!office) throw new AppError("NOT_FOUND");
  return office;
}

/** Saves the office's own wording of one message (the schema has already checked its placeholders). */
export async function saveWhatsappTemplate(actor: SessionUser, input: z.output<typeof saveWhatsappTemplateSchema>) {
  const office = await loadOffice(actor, input.officeId);
  const key = { officeId: office.id, kind: input.kind, language: input.language };
  return db.$transaction(async (tx) => {
    const before = await tx.whatsappTemplate.findUnique({ where: { officeId_kind_language: key }, select: { body: true } });
    const saved = await tx.whatsappTemplate.upsert({
      where: { officeId_kind_language: key },
      create: { ...key, body: input.body, updatedById: actor.id },
      update: { body: input.body, updatedById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "whatsapp_template.save",
      entityType: "whatsapp_template",
      entityId: office.id,
      officeId: office.id,
      changes: { before: { kind: input.kind, language: input.language, body: before?.body ?? null }, after: { kind: input.kind, language: input.language, body: input.body } },
    });
    return { kind: saved.kind, language: saved.language };
  });
}

/** Drops the office's wording of one message: the built-in text applies again. */
export async function resetWhatsappTemplate(actor: SessionUser, input: z.output<typeof resetWhatsappTemplateSchema>) {
  const office = await loadOffice(actor, input.officeId);
  const key = { officeId: office.id, kind: input.kind, language: input.language };
  return db.$transaction(async (tx) => {
    const removed = await tx.whatsappTemplate.deleteMany({ where: key });
    if (removed.count > 0) {
      await recordAudit(tx, actor, {
        action: "whatsapp_template.reset",
        entityType: "whatsapp_template",
        entityId: office.id,
        officeId: office.id,
        changes: { before: { kind: input.kind, language: input.language }, after: null },
      });
    }
    return { kind: input.kind, language: input.language };
  });
}
