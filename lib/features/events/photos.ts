import "server-only";
/** A session's photos, stored through lib/server/files.ts. */
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { type SessionUser } from "@/lib/server/scope";
import { loadEvent } from "@/lib/features/events/load-event";
import { createStoredFile, deleteStoredFile, PHOTO_MAX_BYTES, prepareUpload } from "@/lib/server/files";

// ───────────────────────────── Photos ─────────────────────────────

export { PHOTO_MAX_BYTES } from "@/lib/server/files";
const PHOTO_MAX_PER_EVENT = 30;

/**
 * Stores a session photo: the bytes must decode as a JPEG/PNG/WebP, and it is re-encoded to a
 * JPEG of at most 1600 px without metadata (GPS!) by lib/server/files.ts.
 */
export async function uploadEventPhoto(actor: SessionUser, eventId: string, file: { data: Uint8Array; name: string }, caption: string | null) {
  const event = await loadEvent(actor, eventId, "update:event");
  if (file.data.byteLength > 0 && file.data.byteLength <= PHOTO_MAX_BYTES) {
    const existing = await db.eventPhoto.count({ where: { eventId: event.id } });
    if (existing >= PHOTO_MAX_PER_EVENT) throw new AppError("VALIDATION", undefined, { photo: "events.errors.photoTooMany" });
  }
  const prepared = await prepareUpload("photo", file, "photo");
  return db.$transaction(async (tx) => {
    const fileId = await createStoredFile(tx, prepared, { officeId: event.officeId, createdById: actor.id });
    const photo = await tx.eventPhoto.create({ data: { eventId: event.id, fileId, caption }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: "event.photo.add",
      entityType: "event",
      entityId: event.id,
      officeId: event.officeId,
      changes: { after: { photoId: photo.id, bytes: prepared.byteSize } },
    });
    return photo;
  });
}

export async function deleteEventPhoto(actor: SessionUser, input: { eventId: string; photoId: string }) {
  const event = await loadEvent(actor, input.eventId, "update:event");
  const photo = await db.eventPhoto.findFirst({ where: { id: assertId(input.photoId), eventId: event.id }, select: { id: true, fileId: true } });
  if (!photo) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    await tx.eventPhoto.delete({ where: { id: photo.id } });
    await deleteStoredFile(tx, photo.fileId);
    await recordAudit(tx, actor, { action: "event.photo.delete", entityType: "event", entityId: event.id, officeId: event.officeId, changes: { before: { photoId: photo.id } } });
  });
  return { id: photo.id };
}
