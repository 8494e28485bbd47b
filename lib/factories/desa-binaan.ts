import { VillageStage } from "@/lib/generated/prisma/enums";
import type { DesaBinaan, DesaBinaanStageChange, Prisma } from "@/lib/generated/prisma/client";
import { DEMO_DISTRICTS, DEMO_VILLAGES } from "./reserved-villages";
import { today, type FactoryDb } from "./util";

type StageNote = {
  /** The day it happened (defaults to today). */
  effectiveOn?: Date;
  note?: string | null;
  decreeNumber?: string | null;
  eventId?: string | null;
  changedById?: string | null;
};

export type CreateDesaBinaanOptions = Partial<Prisma.DesaBinaanUncheckedCreateInput> & {
  officeId: string;
  /** How the first history row is annotated. */
  history?: StageNote;
};

/**
 * A desa binaan with its first history row (from nothing to `stage`). Without a villageCode it
 * takes a random village that no office has adopted (nor the demo seed will), inside the
 * office's work area if it has one.
 */
export async function createDesaBinaan(db: FactoryDb, opts: CreateDesaBinaanOptions): Promise<DesaBinaan> {
  const { history = {}, ...fields } = opts;
  const stage = fields.stage ?? VillageStage.PROPOSED;
  const effectiveOn = history.effectiveOn ?? today();
  const villageCode = fields.villageCode ?? (await freeVillageCode(db, fields.officeId));
  return db.desaBinaan.create({
    data: {
      stageChangedAt: effectiveOn,
      ...fields,
      villageCode,
      stage,
      stageHistory: {
        create: {
          fromStage: null,
          toStage: stage,
          effectiveOn,
          note: history.note ?? null,
          decreeNumber: history.decreeNumber ?? null,
          eventId: history.eventId ?? null,
          changedById: history.changedById ?? null,
        },
      },
    },
  });
}

/** Moves a desa binaan to another stage and appends the matching history row. */
export async function recordStageChange(
  db: FactoryDb,
  desaBinaanId: string,
  toStage: VillageStage,
  change: StageNote & { data?: Prisma.DesaBinaanUncheckedUpdateInput } = {},
): Promise<DesaBinaanStageChange> {
  const { data = {}, ...note } = change;
  const effectiveOn = note.effectiveOn ?? today();
  const current = await db.desaBinaan.findUniqueOrThrow({ where: { id: desaBinaanId }, select: { stage: true } });
  await db.desaBinaan.update({
    where: { id: desaBinaanId },
    data: { ...data, stage: toStage, stageChangedAt: effectiveOn },
  });
  return db.desaBinaanStageChange.create({
    data: {
      desaBinaanId,
      fromStage: current.stage,
      toStage,
      effectiveOn,
      note: note.note ?? null,
      decreeNumber: note.decreeNumber ?? null,
      eventId: note.eventId ?? null,
      changedById: note.changedById ?? null,
    },
  });
}

export async function freeVillageCode(db: FactoryDb, officeId: string): Promise<string> {
  const workArea = await db.officeRegency.findMany({ where: { officeId }, select: { regencyCode: true } });
  const regencies = workArea.map((w) => w.regencyCode);
  const reserved: string[] = Object.values(DEMO_VILLAGES);
  const reservedDistricts: string[] = Object.values(DEMO_DISTRICTS);
  const [row] = await db.$queryRaw<{ code: string }[]>`
    SELECT v.code FROM village v
    WHERE NOT EXISTS (SELECT 1 FROM desa_binaan d WHERE d.village_code = v.code)
      AND v.code <> ALL(${reserved}::text[])
      AND v.district_code <> ALL(${reservedDistricts}::text[])
      AND (cardinality(${regencies}::text[]) = 0 OR v.regency_code = ANY(${regencies}::text[]))
    ORDER BY random() LIMIT 1`;
  if (!row) throw new Error("No free village left (are the regions seeded?)");
  return row.code;
}

/**
 * A village whose name no other village in Indonesia has, in the regency, not yet adopted: a
 * search for its name finds exactly it, so namesake ordering cannot blur what a test checks.
 */
export async function freeUniqueVillage(db: FactoryDb, regencyCode: string): Promise<{ name: string; code: string }> {
  const [row] = await db.$queryRaw<{ name: string; code: string }[]>`
    SELECT v.name, min(v.code) AS code FROM village v WHERE v.regency_code = ${regencyCode}
      AND NOT EXISTS (SELECT 1 FROM desa_binaan d WHERE d.village_code = v.code)
    GROUP BY v.name HAVING count(*) = 1 AND (SELECT count(*) FROM village x WHERE x.name = v.name) = 1
    ORDER BY random() LIMIT 1`;
  if (!row) throw new Error(`no unique, unadopted village name in ${regencyCode}`);
  return row;
}
