import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { desaBinaanScopeSql, mayActOn, desaBinaanWhere, officeScopeSql, requireScope, type SessionUser } from "@/lib/server/scope";
import { select, selectTogether } from "@/lib/server/sql";
import { narrowChoices } from "@/lib/choices";
import { PAGE_SIZE, villageCodeFrom, type VillageListFilter } from "@/lib/features/villages/schemas";
import { searchVillagesOfOffice, type VillageSearchResult } from "@/lib/features/villages/search";
import { placeNames } from "@/lib/features/villages/selects";

export { escapeLike, type VillageSearchResult } from "@/lib/features/villages/search";

/**
 * Real villages by name for registration, the office's work area first. Namesakes are told
 * apart by district, regency and province. Another office's adoption shows only as "other".
 * The statement is shared with the type-ahead endpoint (lib/features/villages/search.ts).
 */
export async function searchVillages(user: SessionUser, q: string): Promise<VillageSearchResult[]> {
  requireScope(user, "create:village");
  const officeId = user.officeId;
  if (!officeId) throw new AppError("FORBIDDEN");
  const term = q.trim();
  if (term.length < 3) return [];
  return searchVillagesOfOffice(officeId, term);
}

/** One real village picked for registration, with whether this office may register it. */
export async function getRegistrableVillage(user: SessionUser, code: string) {
  requireScope(user, "create:village");
  const officeId = user.officeId;
  if (!officeId) throw new AppError("FORBIDDEN");
  const village = await db.village.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      regencyCode: true,
      ...placeNames,
      desaBinaan: { select: { id: true, officeId: true } },
    },
  });
  if (!village) throw new AppError("NOT_FOUND");
  const inWorkArea = (await db.officeRegency.count({ where: { officeId, regencyCode: village.regencyCode } })) > 0;
  const { desaBinaan, ...rest } = village;
  return {
    ...rest,
    inWorkArea,
    adoption: !desaBinaan ? null : desaBinaan.officeId === officeId ? { by: "own" as const, id: desaBinaan.id } : { by: "other" as const },
  };
}

/** Officers of the user's office who can be assigned to a village (PIMPASA). */
export async function findOfficerChoices(user: SessionUser, officeId: string) {
  requireScope(user, "update:village");
  if (user.officeId !== officeId) return [];
  return db.user.findMany({
    where: { officeId, active: true, role: { in: ["OFFICE_OFFICER", "OFFICE_ADMIN"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

function listWhere(user: SessionUser, filter: VillageListFilter): Prisma.DesaBinaanWhereInput {
  const and: Prisma.DesaBinaanWhereInput[] = [desaBinaanWhere(user, "read:village")];
  if (filter.q) {
    const code = villageCodeFrom(filter.q);
    and.push(code ? { villageCode: code } : { villageName: { contains: filter.q, mode: "insensitive" } });
  }
  if (filter.stage) and.push({ stage: filter.stage });
  // A village code starts with its regency's ("33.14" -> "33.14.01.2001"): no join needed.
  if (filter.regency) and.push({ villageCode: { startsWith: `${filter.regency}.` } });
  if (filter.province) and.push({ villageCode: { startsWith: `${filter.province}.` } });
  if (filter.office) and.push({ officeId: filter.office });
  if (filter.migranEmas) and.push({ isDesaMigranEmas: true });
  if (filter.desmigratif) and.push({ isDesmigratif: true });
  return { AND: and };
}

function listOrder(filter: VillageListFilter): Prisma.DesaBinaanOrderByWithRelationInput[] {
  const dir = filter.dir;
  const byName: Prisma.DesaBinaanOrderByWithRelationInput = { villageName: dir };
  const tie: Prisma.DesaBinaanOrderByWithRelationInput = { id: "asc" };
  switch (filter.sort) {
    case "stage":
      return [{ stage: dir }, { villageName: "asc" }, tie];
    case "stageChangedAt":
      return [{ stageChangedAt: dir }, { villageName: "asc" }, tie];
    case "regency":
      return [{ village: { regency: { name: dir } } }, { villageName: "asc" }, tie];
    case "office":
      return [{ office: { name: dir } }, { villageName: "asc" }, tie];
    case "createdAt":
      return [{ createdAt: dir }, tie];
    default:
      return [byName, tie];
  }
}

const listSelect = {
  id: true,
  stage: true,
  stageChangedAt: true,
  isDesaMigranEmas: true,
  isDesmigratif: true,
  migrantWorkerCount: true,
  createdAt: true,
  village: {
    select: {
      code: true,
      name: true,
      ...placeNames,
    },
  },
  office: { select: { id: true, name: true } },
  _count: { select: { contacts: { where: { activeUntil: null } } } },
} satisfies Prisma.DesaBinaanSelect;

/**
 * One page of the desa binaan the user may read, filtered and sorted on the server.
 * In two steps: the page's ids first (filter, sort and limit over bare rows), then the details of
 * those 25 only. In one query PostgreSQL builds every row's joined details before it sorts and
 * cuts the page: 2,000 villages' worth for 25 shown (46 ms instead of a few).
 */
export async function findVillages(user: SessionUser, filter: VillageListFilter) {
  const where = listWhere(user, filter);
  const pageOf = async (page: number) => {
    const ids = (await db.desaBinaan.findMany({ where, orderBy: listOrder(filter), skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: { id: true } })).map((r) => r.id);
    if (ids.length === 0) return [];
    const rows = await db.desaBinaan.findMany({ where: { id: { in: ids } }, select: listSelect });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  // Count and page in parallel; only a page past the end (a stale link) needs a second read.
  const [total, firstTry] = await Promise.all([db.desaBinaan.count({ where }), pageOf(filter.page)]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = page === filter.page ? firstTry : await pageOf(page);
  return { rows, total, page, pageCount };
}

/** Everything the filter shows, for CSV/XLSX; capped so one click cannot exhaust the server. */
export const EXPORT_LIMIT = 20_000;
export async function findVillagesForExport(user: SessionUser, filter: VillageListFilter) {
  return db.desaBinaan.findMany({
    where: listWhere(user, filter),
    orderBy: listOrder(filter),
    take: EXPORT_LIMIT,
    select: {
      ...listSelect,
      prospectiveCount: true,
      figuresYear: true,
      whatsappGroupUrl: true,
      declaredOn: true,
      inauguratedOn: true,
      decreeNumber: true,
      decreeDate: true,
      selectionReason: true,
    },
  });
}

/**
 * The choices of the list's filters among what the user may read: provinces (when there are
 * several), regencies and offices; long lists wait for a province (lib/choices.ts).
 */
export async function findVillageFilterOptions(user: SessionUser, filter: Pick<VillageListFilter, "province" | "regency" | "office"> = {}) {
  const scope = requireScope(user, "read:village");
  const inScope = desaBinaanScopeSql(user, "read:village");
  // A village code starts with its province's and regency's codes ("33.14.01.2001"): what is in
  // use comes from the desa binaan alone, without a pass over the 83,762 villages.
  const rows = await selectTogether({
    provinces: select<{ code: string; name: string }>`
      SELECT p.code, p.name FROM province p
      WHERE p.code IN (SELECT DISTINCT left(d.village_code, 2) FROM desa_binaan d WHERE ${inScope})
      ORDER BY p.name, p.code`,
    regencies: select<{ code: string; name: string; provinceCode: string }>`
      SELECT r.code, r.name, r.province_code AS "provinceCode" FROM regency r
      WHERE r.code IN (SELECT DISTINCT left(d.village_code, 5) FROM desa_binaan d WHERE ${inScope})
      ORDER BY r.name, r.code`,
    offices: select<{ id: string; name: string; provinceCode: string }>`
      SELECT o.id, o.name, o.province_code AS "provinceCode" FROM office o
      WHERE ${scope === "any" || scope === "own-region"}::boolean AND ${officeScopeSql(user, "read:village")}
      ORDER BY o.name, o.id`,
  });
  // With villages in one province there is no province filter: that province is the choice.
  const province = rows.provinces.length > 1 ? filter.province : rows.provinces[0]?.code;
  const regencies = narrowChoices(rows.regencies, province, (r) => r.code === filter.regency);
  const offices = narrowChoices(rows.offices, province, (o) => o.id === filter.office);
  return {
    provinces: rows.provinces.length > 1 ? rows.provinces : [],
    regencies: regencies.choices,
    regenciesNeedProvince: regencies.needsProvince,
    offices: offices.choices,
    officesNeedProvince: offices.needsProvince,
    /** Whether the user reads more than one office's villages (the office column and sort). */
    manyOffices: rows.offices.length > 0,
  };
}

/** One desa binaan with everything its page shows; another office's id reads as "not found". */
export async function getVillage(user: SessionUser, id: string, options: { language?: "ID" | "EN" } = {}) {
  const desa = await db.desaBinaan.findFirst({
    where: { AND: [{ id: assertId(id) }, desaBinaanWhere(user, "read:village")] },
    include: {
      village: {
        select: {
          code: true,
          name: true,
          district: { select: { name: true } },
          regency: { select: { name: true } },
          province: { select: { name: true, timeZone: true } },
        },
      },
      office: { select: { id: true, name: true, phone: true, email: true, kanwilId: true } },
      officers: { select: { user: { select: { id: true, name: true } } }, orderBy: { assignedOn: "asc" } },
      stageHistory: {
        orderBy: [{ effectiveOn: "desc" }, { createdAt: "desc" }],
        include: { event: { select: { id: true, title: true } } },
      },
      contacts: { orderBy: [{ activeFrom: "desc" }, { createdAt: "desc" }] },
      events: {
        orderBy: { event: { startsAt: "desc" } },
        take: 50,
        select: {
          event: {
            select: { id: true, officeId: true, title: true, type: true, status: true, startsAt: true, timeZone: true, venueName: true },
          },
        },
      },
    },
  });
  if (!desa) throw new AppError("NOT_FOUND");
  const changerIds = [...new Set(desa.stageHistory.map((s) => s.changedById).filter((v): v is string => !!v))];
  const [changers, materials] = await Promise.all([
    db.user.findMany({ where: { id: { in: changerIds } }, select: { id: true, name: true } }),
    db.material.findMany({
      where: {
        status: "PUBLISHED",
        OR: [{ officeId: null }, { officeId: desa.officeId }],
        ...(options.language ? { language: options.language } : {}),
      },
      orderBy: { publishedAt: "desc" },
      take: 20,
      select: { id: true, slug: true, title: true, summary: true, category: true, language: true, publishedAt: true },
    }),
  ]);
  const names = new Map(changers.map((u) => [u.id, u.name]));
  const place = { officeId: desa.officeId, kanwilId: desa.office.kanwilId, desaBinaanIds: [desa.id] };
  return {
    ...desa,
    /** What the user may do with this village and its contacts; pages only read it. */
    can: {
      update: mayActOn(user, "update:village", place),
      addContact: mayActOn(user, "create:contact", place),
      editContact: mayActOn(user, "update:contact", place),
      deleteContact: mayActOn(user, "delete:contact", place),
    },
    /** When the village joined the program: its first history row (entered later, it may be long before createdAt). */
    registeredOn: desa.stageHistory.at(-1)?.effectiveOn ?? desa.createdAt,
    stageHistory: desa.stageHistory.map((s) => ({ ...s, changedByName: s.changedById ? (names.get(s.changedById) ?? null) : null })),
    materials,
  };
}
