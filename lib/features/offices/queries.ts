import "server-only";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { kanwilWhere, officeWhere, requireScope, type SessionUser } from "@/lib/server/scope";

/** Offices the user may see, with their village and session counts. */
export async function findOffices(user: SessionUser) {
  return db.office.findMany({
    where: officeWhere(user, "read:office"),
    orderBy: [{ provinceCode: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      officeClass: true,
      province: { select: { name: true } },
      _count: { select: { villages: true, events: true } },
    },
  });
}

/** One office's profile; another office's id reads as "not found". */
export async function getOffice(user: SessionUser, id: string) {
  const office = await db.office.findFirst({
    where: { AND: [{ id: assertId(id) }, officeWhere(user, "read:office")] },
    include: {
      kanwil: { select: { name: true } },
      province: { select: { name: true, timeZone: true } },
      workArea: {
        select: { regency: { select: { code: true, name: true } } },
        orderBy: { regencyCode: "asc" },
      },
    },
  });
  if (!office) throw new AppError("NOT_FOUND");
  const [stages, heldEvents, upcomingEvents] = await Promise.all([
    db.desaBinaan.groupBy({ by: ["stage"], where: { officeId: id }, _count: { _all: true } }),
    db.event.count({ where: { officeId: id, status: "HELD" } }),
    db.event.count({ where: { officeId: id, status: "SCHEDULED", startsAt: { gte: new Date() } } }),
  ]);
  return {
    ...office,
    villagesByStage: Object.fromEntries(stages.map((s) => [s.stage, s._count._all])),
    heldEvents,
    upcomingEvents,
  };
}

// ───────────────────────────── Reference data (national admin) ─────────────────────────────

/** Kanwils with their office counts, for the national admin. */
export async function findKanwils(user: SessionUser) {
  return db.kanwil.findMany({
    where: kanwilWhere(user, "manage:kanwil"),
    orderBy: { provinceCode: "asc" },
    select: { id: true, name: true, provinceCode: true, province: { select: { name: true } }, _count: { select: { offices: true } } },
  });
}

export async function getKanwilForEdit(user: SessionUser, id: string) {
  const kanwil = await db.kanwil.findFirst({
    where: { AND: [{ id: assertId(id) }, kanwilWhere(user, "manage:kanwil")] },
    include: { province: { select: { name: true } } },
  });
  if (!kanwil) throw new AppError("NOT_FOUND");
  return kanwil;
}

/** Provinces without a Kanwil yet (for the new-Kanwil form); needs manage:kanwil. */
export async function findProvincesWithoutKanwil(user: SessionUser) {
  requireScope(user, "manage:kanwil");
  return db.province.findMany({ where: { kanwil: null }, orderBy: { code: "asc" }, select: { code: true, name: true } });
}

/** What the office forms choose from: Kanwils, provinces, classes. */
export async function getOfficeFormChoices(user: SessionUser) {
  requireScope(user, "manage:office");
  const [kanwils, provinces] = await Promise.all([
    db.kanwil.findMany({ orderBy: { provinceCode: "asc" }, select: { id: true, name: true, provinceCode: true } }),
    db.province.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } }),
  ]);
  return { kanwils, provinces };
}

export async function getOfficeForEdit(user: SessionUser, id: string) {
  const office = await db.office.findFirst({
    where: { AND: [{ id: assertId(id) }, officeWhere(user, "manage:office")] },
    include: { workArea: { select: { regencyCode: true }, orderBy: { regencyCode: "asc" } } },
  });
  if (!office) throw new AppError("NOT_FOUND");
  return office;
}

/** Every regency with the office(s) holding it, grouped by province, for the work-area picker. */
export async function findRegencyChoices(user: SessionUser) {
  requireScope(user, "manage:office");
  const [provinces, holders] = await Promise.all([
    db.province.findMany({
      orderBy: { code: "asc" },
      select: { code: true, name: true, regencies: { orderBy: { code: "asc" }, select: { code: true, name: true } } },
    }),
    db.officeRegency.findMany({ select: { regencyCode: true, office: { select: { id: true, name: true } } } }),
  ]);
  const heldBy = new Map<string, { id: string; name: string }[]>();
  for (const h of holders) heldBy.set(h.regencyCode, [...(heldBy.get(h.regencyCode) ?? []), h.office]);
  return provinces.map((p) => ({
    code: p.code,
    name: p.name,
    regencies: p.regencies.map((r) => ({ ...r, heldBy: heldBy.get(r.code) ?? [] })),
  }));
}

/**
 * The history of an office's work area and of the desa binaan that came or went, newest first.
 * Scoped like the office page: whoever may read the office may read its history.
 */
export async function findWorkAreaHistory(user: SessionUser, officeId: string) {
  const office = await db.office.findFirst({ where: { AND: [{ id: assertId(officeId) }, officeWhere(user, "read:office")] }, select: { id: true } });
  if (!office) throw new AppError("NOT_FOUND");
  const [periods, transfers] = await Promise.all([
    db.officeRegencyPeriod.findMany({
      where: { officeId: office.id },
      orderBy: [{ validFrom: "desc" }, { regencyCode: "asc" }],
      take: 200,
      select: { id: true, validFrom: true, validUntil: true, regency: { select: { code: true, name: true } } },
    }),
    db.desaBinaanTransfer.findMany({
      where: { fromOfficeId: { not: null }, OR: [{ toOfficeId: office.id }, { fromOfficeId: office.id }] },
      orderBy: [{ effectiveOn: "desc" }, { createdAt: "desc" }],
      take: 200,
      select: {
        id: true,
        effectiveOn: true,
        desaBinaan: { select: { villageName: true, villageCode: true } },
        fromOffice: { select: { name: true } },
        toOffice: { select: { name: true } },
      },
    }),
  ]);
  return { periods, transfers };
}
