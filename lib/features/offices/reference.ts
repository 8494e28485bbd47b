import "server-only";
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/text";
import { diffFields, recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { kanwilWhere, officeWhere, requireScope, type SessionUser } from "@/lib/server/scope";
import type {
  createKanwilSchema,
  createOfficeSchema,
  updateKanwilSchema,
  updateOfficeSchema,
} from "@/lib/features/offices/schemas";

type Tx = Prisma.TransactionClient;

/** The transaction's day of effect and actor, read by the work-area history triggers (migration work_area_history). */
export async function setChangeContext(tx: Tx, actor: SessionUser, effectiveOn: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('app.effective_on', ${effectiveOn}, true), set_config('app.actor_id', ${actor.id}, true)`;
}

const stale = () => new AppError("CONFLICT", undefined, { _form: "office.errors.stale" });

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function assertProvince(client: Tx, provinceCode: string): Promise<void> {
  if (!(await client.province.findUnique({ where: { code: provinceCode }, select: { code: true } }))) {
    throw new AppError("VALIDATION", undefined, { provinceCode: "validation.invalid" });
  }
}

async function assertKanwil(client: Tx, kanwilId: string): Promise<void> {
  if (!(await client.kanwil.findUnique({ where: { id: kanwilId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", undefined, { kanwilId: "office.errors.kanwilRequired" });
  }
}

/** Name and slug are both unique: a second office of the same name is a conflict on the name field. */
async function assertOfficeNameFree(client: Tx, name: string, exceptId?: string): Promise<void> {
  const taken = await client.office.findFirst({
    where: {
      OR: [{ name: { equals: name, mode: "insensitive" } }, { slug: slugify(name) }],
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw new AppError("CONFLICT", undefined, { name: "office.errors.nameTaken" });
}

// ───────────────────────────── Kanwil ─────────────────────────────

export async function createKanwil(actor: SessionUser, input: z.output<typeof createKanwilSchema>) {
  requireScope(actor, "manage:kanwil");
  await assertProvince(db, input.provinceCode);
  const existing = await db.kanwil.findFirst({
    where: { OR: [{ provinceCode: input.provinceCode }, { name: { equals: input.name, mode: "insensitive" } }] },
    select: { provinceCode: true },
  });
  if (existing) {
    throw new AppError(
      "CONFLICT",
      undefined,
      existing.provinceCode === input.provinceCode ? { provinceCode: "office.errors.kanwilExists" } : { name: "office.errors.nameTaken" },
    );
  }
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.kanwil.create({ data: input, select: { id: true } });
      await recordAudit(tx, actor, { action: "kanwil.create", entityType: "kanwil", entityId: created.id, officeId: null, changes: { after: input } });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", undefined, { provinceCode: "office.errors.kanwilExists" });
    throw error;
  }
}

export async function updateKanwil(actor: SessionUser, input: z.output<typeof updateKanwilSchema>) {
  const { kanwilId, version, ...fields } = input;
  const kanwil = await db.kanwil.findFirst({
    where: { AND: [{ id: assertId(kanwilId) }, kanwilWhere(actor, "manage:kanwil")] },
    select: { id: true, name: true, address: true, phone: true, email: true, headName: true },
  });
  if (!kanwil) throw new AppError("NOT_FOUND");
  const sameName = await db.kanwil.findFirst({
    where: { name: { equals: fields.name, mode: "insensitive" }, id: { not: kanwil.id } },
    select: { id: true },
  });
  if (sameName) throw new AppError("CONFLICT", undefined, { name: "office.errors.nameTaken" });
  return db.$transaction(async (tx) => {
    // The version the form started from must still be the current one: a second admin's
    // save after the first one's is refused instead of silently overwriting it.
    const { count } = await tx.kanwil.updateMany({ where: { id: kanwil.id, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0) throw stale();
    await recordAudit(tx, actor, {
      action: "kanwil.update",
      entityType: "kanwil",
      entityId: kanwil.id,
      officeId: null,
      changes: diffFields(kanwil, fields),
    });
    return { id: kanwil.id, version: version + 1 };
  });
}

// ───────────────────────────── Office ─────────────────────────────

/** Regencies that exist and that no office holds; otherwise a field error naming the first problem. */
async function assertFreeRegencies(client: Tx, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const known = await client.regency.findMany({ where: { code: { in: codes } }, select: { code: true } });
  if (known.length !== codes.length) {
    throw new AppError("VALIDATION", undefined, { regencyCodes: "office.errors.unknownRegency" });
  }
  const held = await client.officeRegency.count({ where: { regencyCode: { in: codes } } });
  if (held > 0) throw new AppError("VALIDATION", undefined, { regencyCodes: "office.errors.regencyHeld" });
}

export async function createOffice(actor: SessionUser, input: z.output<typeof createOfficeSchema>) {
  requireScope(actor, "manage:office");
  const { regencyCodes, effectiveOn, ...fields } = input;
  await assertProvince(db, fields.provinceCode);
  await assertKanwil(db, fields.kanwilId);
  await assertOfficeNameFree(db, fields.name);
  try {
    return await db.$transaction(async (tx) => {
      await assertFreeRegencies(tx, regencyCodes);
      await setChangeContext(tx, actor, effectiveOn);
      const created = await tx.office.create({
        data: { ...fields, slug: slugify(fields.name), workArea: { create: regencyCodes.map((regencyCode) => ({ regencyCode })) } },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "office.create",
        entityType: "office",
        entityId: created.id,
        officeId: created.id,
        changes: { after: { ...fields, regencyCodes, effectiveOn } },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", undefined, { name: "office.errors.nameTaken" });
    throw error;
  }
}

export async function updateOffice(actor: SessionUser, input: z.output<typeof updateOfficeSchema>) {
  const { officeId, version, ...fields } = input;
  const office = await db.office.findFirst({
    where: { AND: [{ id: assertId(officeId) }, officeWhere(actor, "manage:office")] },
    select: {
      id: true,
      name: true,
      officeClass: true,
      kanwilId: true,
      provinceCode: true,
      address: true,
      phone: true,
      email: true,
      headName: true,
    },
  });
  if (!office) throw new AppError("NOT_FOUND");
  await assertProvince(db, fields.provinceCode);
  await assertKanwil(db, fields.kanwilId);
  await assertOfficeNameFree(db, fields.name, office.id);
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.office.updateMany({
        where: { id: office.id, version },
        data: { ...fields, slug: slugify(fields.name), version: { increment: 1 } },
      });
      if (count === 0) throw stale();
      await recordAudit(tx, actor, {
        action: "office.update",
        entityType: "office",
        entityId: office.id,
        officeId: office.id,
        changes: diffFields(office, fields),
      });
      return { id: office.id, version: version + 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", undefined, { name: "office.errors.nameTaken" });
    throw error;
  }
}
