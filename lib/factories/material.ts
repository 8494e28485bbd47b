import { Language, MaterialCategory, MaterialStatus } from "@/lib/generated/prisma/enums";
import type { Material, Prisma } from "@/lib/generated/prisma/client";
import { uniqueSuffix, type FactoryDb } from "./util";

export type CreateMaterialOptions = Partial<Prisma.MaterialUncheckedCreateInput>;

/** Education material; a draft by Ditjen (officeId null) unless told otherwise. */
export async function createMaterial(db: FactoryDb, opts: CreateMaterialOptions = {}): Promise<Material> {
  const suffix = uniqueSuffix();
  const status = opts.status ?? MaterialStatus.DRAFT;
  return db.material.create({
    data: {
      slug: `materi-uji-${suffix}`,
      title: `Materi Uji ${suffix}`,
      category: MaterialCategory.MIGRASI_AMAN,
      language: Language.ID,
      body: "Isi materi uji.",
      // A published material without a publication time would sort nowhere in the public list.
      publishedAt: status === MaterialStatus.PUBLISHED ? new Date() : null,
      ...opts,
      status,
    },
  });
}
