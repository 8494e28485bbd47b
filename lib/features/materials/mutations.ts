import "server-only";
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { createStoredFile, deleteStoredFile, prepareUpload } from "@/lib/server/files";
import type {
  createMaterialSchema,
  publishRevisionSchema,
  removeAttachmentSchema,
  setMaterialStatusSchema,
  updateMaterialSchema,
  uploadMaterialFileSchema,
} from "@/lib/features/materials/schemas";
import { diffFields, recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { materialWhere, requireScope, type SessionUser } from "@/lib/server/scope";

function uniqueViolation(error: unknown): string | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const target = JSON.stringify(error.meta ?? {});
  return target.includes("slug") ? "slug" : "language";
}

function conflict(error: unknown): never {
  const field = uniqueViolation(error);
  if (field === "slug") throw new AppError("CONFLICT", undefined, { slug: "validation.slugTaken" });
  if (field) throw new AppError("CONFLICT", undefined, { language: "validation.translationExists" });
  throw error;
}

/** A material the actor may change for `key`, or NOT_FOUND (another office's reads as missing). */
async function findWritable(actor: SessionUser, id: string, key: "update:material" | "publish:material") {
  const material = await db.material.findFirst({
    where: { AND: [{ id }, materialWhere(actor, key)] },
    select: {
      id: true,
      officeId: true,
      title: true,
      summary: true,
      body: true,
      slug: true,
      category: true,
      language: true,
      journeyStage: true,
      status: true,
    },
  });
  if (!material) throw new AppError("NOT_FOUND");
  return material;
}

/**
 * A new draft. Office staff write for their own office; the national admin writes national
 * material (officeId null). A translation joins the group of the material it translates.
 */
export async function createMaterial(actor: SessionUser, input: z.output<typeof createMaterialSchema>) {
  const scope = requireScope(actor, "create:material");
  const officeId = scope === "any" ? null : actor.officeId;
  if (scope !== "any" && !officeId) throw new AppError("FORBIDDEN");

  let translationGroupId: string | undefined;
  if (input.translationOfId) {
    const original = await db.material.findFirst({
      where: { AND: [{ id: input.translationOfId }, materialWhere(actor, "read:material")] },
      select: { translationGroupId: true },
    });
    if (!original) throw new AppError("VALIDATION", undefined, { translationOfId: "validation.required" });
    translationGroupId = original.translationGroupId;
  }

  const { translationOfId: _translationOfId, ...fields } = input;
  void _translationOfId;
  try {
    return await db.$transaction(async (tx) => {
      const material = await tx.material.create({
        data: { ...fields, officeId, translationGroupId, authorId: actor.id, status: "DRAFT" },
        select: { id: true, slug: true },
      });
      await tx.materialRevision.create({
        data: { materialId: material.id, title: fields.title, summary: fields.summary, body: fields.body, createdById: actor.id },
      });
      await recordAudit(tx, actor, {
        action: "material.create",
        entityType: "material",
        entityId: material.id,
        officeId,
        changes: {
          after: { title: fields.title, slug: fields.slug, category: fields.category, language: fields.language, journeyStage: fields.journeyStage },
        },
      });
      return material;
    });
  } catch (error) {
    conflict(error);
  }
}

/** Whether the actor may publish this material (an admin of its office, or the national admin). */
async function mayPublish(actor: SessionUser, id: string): Promise<boolean> {
  try {
    return (await db.material.count({ where: { AND: [{ id }, materialWhere(actor, "publish:material")] } })) > 0;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/**
 * Saves an edit; a change of title, summary or body becomes a revision. Published material
 * changed by someone who may not publish it stays as published: the new text waits as a pending
 * revision for an admin (publishRevision), and its address, category and language cannot change.
 */
export async function updateMaterial(actor: SessionUser, input: z.output<typeof updateMaterialSchema>) {
  const before = await findWritable(actor, input.id, "update:material");
  const { id, ...fields } = input;
  const changes = diffFields(before, { ...fields, summary: fields.summary ?? null });
  if (Object.keys(changes.after).length === 0) return { id, slug: before.slug, changed: false, pendingReview: false };
  const textChanged = ["title", "summary", "body"].some((k) => k in changes.after);
  if (before.status === "PUBLISHED" && !(await mayPublish(actor, id))) {
    const moved = (["slug", "category", "language", "journeyStage"] as const).filter((k) => k in changes.after);
    if (moved.length > 0) {
      throw new AppError("VALIDATION", undefined, Object.fromEntries(moved.map((k) => [k, "validation.publishedNeedsAdmin"])));
    }
    return db.$transaction(async (tx) => {
      const revision = await tx.materialRevision.create({
        data: { materialId: id, title: fields.title, summary: fields.summary, body: fields.body, createdById: actor.id, pending: true },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "material.propose",
        entityType: "material",
        entityId: id,
        officeId: before.officeId,
        changes: { after: { revisionId: revision.id } },
      });
      return { id, slug: before.slug, changed: true, pendingReview: true };
    });
  }
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.material.update({
        where: { id },
        data: { ...fields, summary: fields.summary ?? null },
        select: { id: true, slug: true },
      });
      if (textChanged) {
        await tx.materialRevision.create({
          data: { materialId: id, title: fields.title, summary: fields.summary, body: fields.body, createdById: actor.id },
        });
      }
      await recordAudit(tx, actor, {
        action: "material.update",
        entityType: "material",
        entityId: id,
        officeId: before.officeId,
        // The body can be long: the audit notes that it changed, the revision holds the text.
        changes: {
          before: { ...changes.before, ...("body" in changes.before ? { body: "(revision)" } : {}) },
          after: { ...changes.after, ...("body" in changes.after ? { body: "(revision)" } : {}) },
        },
      });
      return { ...updated, changed: true, pendingReview: false };
    });
  } catch (error) {
    conflict(error);
  }
}

/** An admin publishes a pending revision: its text becomes the material's (and the public's). */
export async function publishRevision(actor: SessionUser, input: z.output<typeof publishRevisionSchema>) {
  const material = await findWritable(actor, input.materialId, "publish:material");
  const revision = await db.materialRevision.findFirst({
    where: { id: input.revisionId, materialId: material.id, pending: true },
    select: { id: true, title: true, summary: true, body: true },
  });
  if (!revision) throw new AppError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    await tx.material.update({
      where: { id: material.id },
      data: { title: revision.title, summary: revision.summary, body: revision.body },
    });
    // this one is now the text; older proposals are superseded by it
    await tx.materialRevision.updateMany({ where: { materialId: material.id, pending: true }, data: { pending: false } });
    await recordAudit(tx, actor, {
      action: "material.publishRevision",
      entityType: "material",
      entityId: material.id,
      officeId: material.officeId,
      changes: { after: { revisionId: revision.id } },
    });
    return { id: material.id, slug: material.slug };
  });
}

/** Publishes or unpublishes: office admins their own office's material, the national admin any. */
export async function setMaterialStatus(actor: SessionUser, input: z.output<typeof setMaterialStatusSchema>) {
  const material = await findWritable(actor, input.id, "publish:material");
  const status = input.publish ? "PUBLISHED" : "UNPUBLISHED";
  if (material.status === status) return { id: material.id, slug: material.slug, status };
  if (!input.publish && material.status === "DRAFT") throw new AppError("VALIDATION");
  return db.$transaction(async (tx) => {
    const updated = await tx.material.update({
      where: { id: material.id },
      data: input.publish
        ? { status, publishedAt: new Date(), publishedById: actor.id }
        : { status },
      select: { id: true, slug: true, status: true },
    });
    await recordAudit(tx, actor, {
      action: input.publish ? "material.publish" : "material.unpublish",
      entityType: "material",
      entityId: material.id,
      officeId: material.officeId,
      changes: { before: { status: material.status }, after: { status } },
    });
    return updated;
  });
}

/** Stores a cover image, a PDF attachment or the audio recording after checking its bytes (lib/server/files.ts). */
export async function addMaterialFile(actor: SessionUser, input: z.output<typeof uploadMaterialFileSchema>) {
  const material = await findWritable(actor, input.materialId, "update:material");
  const data = new Uint8Array(await input.file.arrayBuffer());
  const prepared = await prepareUpload(input.kind === "attachment" ? "pdf" : input.kind, { data, name: input.file.name }, "file");
  const fileName = prepared.fileName;
  return db.$transaction(async (tx) => {
    const fileId = await createStoredFile(tx, prepared, { officeId: material.officeId, createdById: actor.id });
    if (input.kind === "cover") {
      await tx.material.update({ where: { id: material.id }, data: { coverFileId: fileId } });
    } else if (input.kind === "audio") {
      // One recording per material: a new one replaces the old, whose bytes go with it.
      const previous = await tx.material.findUniqueOrThrow({ where: { id: material.id }, select: { audioFileId: true } });
      await tx.material.update({ where: { id: material.id }, data: { audioFileId: fileId } });
      if (previous.audioFileId) await deleteStoredFile(tx, previous.audioFileId);
    } else {
      await tx.materialAttachment.create({
        data: { materialId: material.id, fileId, title: input.title ?? fileName.replace(/\.pdf$/i, "") },
      });
    }
    await recordAudit(tx, actor, {
      action: input.kind === "cover" ? "material.cover" : input.kind === "audio" ? "material.audio" : "material.attach",
      entityType: "material",
      entityId: material.id,
      officeId: material.officeId,
      changes: { after: { fileId, fileName, byteSize: prepared.byteSize } },
    });
    return { fileId, slug: material.slug };
  });
}

export async function removeAttachment(actor: SessionUser, input: z.output<typeof removeAttachmentSchema>) {
  const material = await findWritable(actor, input.materialId, "update:material");
  const attachment = await db.materialAttachment.findFirst({
    where: { materialId: material.id, fileId: input.fileId },
    select: { id: true, fileId: true },
  });
  if (!attachment) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    await tx.materialAttachment.delete({ where: { id: attachment.id } });
    await deleteStoredFile(tx, attachment.fileId);
    await recordAudit(tx, actor, {
      action: "material.detach",
      entityType: "material",
      entityId: material.id,
      officeId: material.officeId,
      changes: { before: { fileId: attachment.fileId } },
    });
  });
  return { slug: material.slug };
}
