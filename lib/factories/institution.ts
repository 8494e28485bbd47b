import { InstitutionKind } from "@/lib/generated/prisma/enums";
import type { Institution, Prisma } from "@/lib/generated/prisma/client";
import { uniqueSuffix, type FactoryDb } from "./util";

export type CreateInstitutionOptions = Partial<Prisma.InstitutionUncheckedCreateInput>;

/** A partner institution; national (officeId null) unless an office is given. */
export async function createInstitution(db: FactoryDb, opts: CreateInstitutionOptions = {}): Promise<Institution> {
  return db.institution.create({
    data: { name: `Instansi Uji ${uniqueSuffix()}`, kind: InstitutionKind.LAINNYA, ...opts },
  });
}

/**
 * Finds an institution by name within its office (or nationally), else creates it. Needed because
 * the unique (name, officeId) constraint does not apply when officeId is null (NULLs are distinct).
 */
export async function findOrCreateInstitution(
  db: FactoryDb,
  opts: CreateInstitutionOptions & { name: string },
): Promise<Institution> {
  const existing = await db.institution.findFirst({ where: { name: opts.name, officeId: opts.officeId ?? null } });
  return existing ?? createInstitution(db, opts);
}
