import type { Db } from "@/lib/db/create-client";
import { KANWILS, OFFICES } from "./data/organisation";

/**
 * The Kanwils and the sourced offices of lib/seed/data/organisation.ts. Idempotent, and never
 * overwrites: a Kanwil or office the national admin has renamed or moved stays as edited, and
 * an office is not re-created once it exists (by slug) or once its regencies are held by others.
 */
export async function seedOrganisation(db: Db): Promise<{ kanwils: number; offices: number }> {
  const { count: kanwils } = await db.kanwil.createMany({ data: [...KANWILS], skipDuplicates: true });
  let offices = 0;
  for (const spec of OFFICES) {
    if (await db.office.findUnique({ where: { slug: spec.slug }, select: { id: true } })) continue;
    if ((await db.officeRegency.count({ where: { regencyCode: { in: spec.workArea } } })) > 0) continue;
    const kanwil = await db.kanwil.findUnique({ where: { provinceCode: spec.provinceCode } });
    if (!kanwil) continue;
    await db.office.create({
      data: {
        slug: spec.slug,
        name: spec.name,
        officeClass: spec.officeClass,
        provinceCode: spec.provinceCode,
        kanwilId: kanwil.id,
        workArea: { create: spec.workArea.map((regencyCode) => ({ regencyCode })) },
      },
    });
    offices++;
  }
  return { kanwils, offices };
}
