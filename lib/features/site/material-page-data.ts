import type { Prisma } from "@/lib/generated/prisma/client";
import { processDb } from "@/lib/db/process-db";

/**
 * What a material page reads: published material only, never a person (UU PDP). Free of
 * "server-only" because the material pages are rendered by the Pages Router
 * (docs/decisions/0032), which refuses that module even on the server; it is only imported by
 * server code (queries.ts and the pages' getStaticProps).
 */

/** A material as the library lists it. */
export const materialCard = {
  slug: true,
  title: true,
  summary: true,
  category: true,
  language: true,
  publishedAt: true,
  coverFileId: true,
  office: { select: { name: true } },
} satisfies Prisma.MaterialSelect;

/** One published material by slug, with its published translations and public files; else null. */
export async function findPublishedMaterial(slug: string) {
  const { db } = processDb();
  const material = await db.material.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      ...materialCard,
      id: true,
      body: true,
      updatedAt: true,
      translationGroupId: true,
      coverFile: { select: { id: true, width: true, height: true } },
      audioFile: { select: { id: true, byteSize: true, durationMs: true, mimeType: true } },
      attachments: { select: { title: true, file: { select: { id: true, byteSize: true, fileName: true } } } },
    },
  });
  if (!material) return null;
  const translations = await db.material.findMany({
    where: { translationGroupId: material.translationGroupId, status: "PUBLISHED", NOT: { id: material.id } },
    select: { slug: true, language: true, title: true },
  });
  return { ...material, translations };
}
