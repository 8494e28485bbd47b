import { OfficeClass } from "@/lib/generated/prisma/enums";
import type { Office, Prisma } from "@/lib/generated/prisma/client";
import { createKanwil } from "./kanwil";
import { slugify, uniqueSuffix, type FactoryDb } from "./util";

export type CreateOfficeOptions = Partial<Omit<Prisma.OfficeUncheckedCreateInput, "workArea">> & {
  /** Regency/city codes of the work area, e.g. ["33.72", "33.14"]. */
  workArea?: string[];
};

/** An office in Jawa Tengah unless told otherwise; its Kanwil is created if missing. */
export async function createOffice(db: FactoryDb, opts: CreateOfficeOptions = {}): Promise<Office> {
  const { workArea = [], ...fields } = opts;
  const provinceCode = fields.provinceCode ?? "33";
  const kanwilId = fields.kanwilId ?? (await createKanwil(db, { provinceCode })).id;
  const name = fields.name ?? `Kantor Imigrasi Uji ${uniqueSuffix()}`;
  return db.office.create({
    data: {
      officeClass: OfficeClass.KELAS_I_TPI,
      ...fields,
      name,
      slug: fields.slug ?? slugify(name),
      provinceCode,
      kanwilId,
      workArea: { create: workArea.map((regencyCode) => ({ regencyCode })) },
    },
  });
}
