import type { Kanwil, Prisma } from "@/lib/generated/prisma/client";
import type { FactoryDb } from "./util";

export type CreateKanwilOptions = Partial<Omit<Prisma.KanwilUncheckedCreateInput, "provinceCode">> & {
  provinceCode: string;
};

/**
 * The Kanwil of a province. There is exactly one per province (unique provinceCode), so this
 * returns the existing one instead of failing: tests and the seed can both ask for it freely.
 */
export async function createKanwil(db: FactoryDb, opts: CreateKanwilOptions): Promise<Kanwil> {
  const existing = await db.kanwil.findUnique({ where: { provinceCode: opts.provinceCode } });
  if (existing) return existing;
  const name = opts.name ?? (await defaultKanwilName(db, opts.provinceCode));
  // upsert, not create: parallel test files may ask for the same province at once.
  return db.kanwil.upsert({
    where: { provinceCode: opts.provinceCode },
    update: {},
    create: { ...opts, name },
  });
}

async function defaultKanwilName(db: FactoryDb, provinceCode: string): Promise<string> {
  const province = await db.province.findUniqueOrThrow({ where: { code: provinceCode } });
  return kanwilName(province.name);
}

// Kemendagri's long names read oddly in an office name; the offices use the common short forms.
const SHORT_PROVINCE_NAMES: Readonly<Record<string, string>> = {
  "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
  "Daerah Istimewa Yogyakarta": "DI Yogyakarta",
};

/** Since late 2024 the Kanwil belongs to Ditjen Imigrasi (no longer a Kemenkumham division). */
export function kanwilName(provinceName: string): string {
  return `Kantor Wilayah Direktorat Jenderal Imigrasi ${SHORT_PROVINCE_NAMES[provinceName] ?? provinceName}`;
}
