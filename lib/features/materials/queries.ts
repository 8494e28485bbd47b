import "server-only";
import { assertId, AppError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { scopeFor } from "@/lib/auth/permissions";
import { materialWhere, type SessionUser } from "@/lib/server/scope";

/** What the user may do to a material owned by `officeId` (null = national); the server re-checks. */
export function materialAbilities(user: SessionUser, officeId: string | null) {
  const may = (key: "update:material" | "publish:material") => {
    const scope = scopeFor(user.role, key);
    return scope === "any" || (scope === "own-office" && officeId !== null && officeId === user.officeId);
  };
  return { edit: may("update:material"), publish: may("publish:material") };
}

/** Material the user may read: their office's and the national ones, newest first. */
export async function findMaterials(user: SessionUser) {
  return db.material.findMany({
    where: materialWhere(user, "read:material"),
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      slug: true,
      title: true,
      category: true,
      language: true,
      journeyStage: true,
      status: true,
      officeId: true,
      updatedAt: true,
      office: { select: { name: true } },
    },
  });
}

/** One material with its revisions, files and translations; NOT_FOUND outside the user's scope. */
export async function getMaterial(user: SessionUser, id: string) {
  const material = await db.material.findFirst({
    where: { AND: [{ id: assertId(id) }, materialWhere(user, "read:material")] },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      body: true,
      category: true,
      language: true,
      journeyStage: true,
      status: true,
      officeId: true,
      translationGroupId: true,
      publishedAt: true,
      coverFileId: true,
      audioFile: { select: { id: true, byteSize: true, durationMs: true, mimeType: true } },
      updatedAt: true,
      office: { select: { name: true } },
      attachments: { select: { title: true, file: { select: { id: true, byteSize: true, fileName: true } } } },
      revisions: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, title: true, createdAt: true, createdById: true, pending: true },
      },
    },
  });
  if (!material) throw new AppError("NOT_FOUND");
  const [translations, authors] = await Promise.all([
    db.material.findMany({
      where: { AND: [{ translationGroupId: material.translationGroupId, NOT: { id: material.id } }, materialWhere(user, "read:material")] },
      select: { id: true, title: true, language: true, status: true },
    }),
    db.user.findMany({
      where: { id: { in: material.revisions.map((r) => r.createdById).filter((v): v is string => !!v) } },
      select: { id: true, name: true },
    }),
  ]);
  const authorName = new Map(authors.map((a) => [a.id, a.name]));
  return {
    ...material,
    can: materialAbilities(user, material.officeId),
    translations,
    revisions: material.revisions.map((r) => ({ ...r, authorName: r.createdById ? authorName.get(r.createdById) ?? null : null })),
  };
}

/** One revision's text, for the history view. */
export async function getMaterialRevision(user: SessionUser, materialId: string, revisionId: string) {
  const revision = await db.materialRevision.findFirst({
    where: { id: assertId(revisionId), material: { AND: [{ id: assertId(materialId) }, materialWhere(user, "read:material")] } },
    select: { id: true, title: true, summary: true, body: true, createdAt: true },
  });
  if (!revision) throw new AppError("NOT_FOUND");
  return revision;
}

/**
 * A stored file the public may download: the cover or an attachment of a PUBLISHED material.
 * Anything else (drafts, event photos, unknown ids) is null, the same as missing.
 */
export async function findPublicFile(id: string) {
  try {
    assertId(id);
  } catch {
    return null;
  }
  return db.storedFile.findFirst({
    where: {
      id,
      OR: [
        { coverOf: { some: { status: "PUBLISHED" } } },
        { audioOf: { status: "PUBLISHED" } },
        { attachment: { material: { status: "PUBLISHED" } } },
      ],
    },
    select: { id: true, mimeType: true, byteSize: true, sha256: true, fileName: true, data: true },
  });
}

/** A cover or attachment of a material the user may read (drafts included), for the editor. */
export async function getMaterialFile(user: SessionUser, materialId: string, fileId: string) {
  const material = { AND: [{ id: assertId(materialId) }, materialWhere(user, "read:material")] };
  const file = await db.storedFile.findFirst({
    where: { id: assertId(fileId), OR: [{ coverOf: { some: material } }, { audioOf: material }, { attachment: { material } }] },
    select: { id: true, mimeType: true, byteSize: true, sha256: true, fileName: true, data: true },
  });
  if (!file) throw new AppError("NOT_FOUND");
  return file;
}
