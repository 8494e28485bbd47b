import "server-only";
import { unstable_cache } from "next/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Language, MaterialCategory } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { withoutControlCharacters } from "@/lib/text";
import { placeNames } from "@/lib/features/villages/selects";
import { PUBLIC_CACHE_TAG, PUBLIC_REVALIDATE_SECONDS } from "@/lib/features/site/cache-policy";
import { materialCard } from "@/lib/features/site/material-page-data";

/**
 * What the public site may read: published material, counts and stages. No query here selects
 * a person's name or phone (UU PDP): villages and sessions are shown as counts, offices by name.
 * Pages that use these are cached (docs/decisions/0008); publishing revalidates them.
 */

export { PUBLIC_CACHE_TAG, PUBLIC_REVALIDATE_SECONDS } from "@/lib/features/site/cache-policy";
export { findPublishedMaterial } from "@/lib/features/site/material-page-data";

export type SiteFigures = { villages: number; sessionsHeld: number; peopleReached: number };

/** Villages, sessions held and people reached (named attendees + head counts), in one round trip. */
export async function readSiteFigures(): Promise<SiteFigures> {
  const [row] = await db.$queryRaw<{ villages: number; sessions: number; named: number; counted: number }[]>`
      SELECT
        (SELECT count(*)::int FROM desa_binaan WHERE stage <> 'PROPOSED') AS villages,
        (SELECT count(*)::int FROM event WHERE status = 'HELD') AS sessions,
        (SELECT count(*)::int FROM attendee a JOIN event e ON e.id = a.event_id WHERE e.status = 'HELD') AS named,
        (SELECT coalesce(sum(c.male + c.female + c.unknown), 0)::int
           FROM attendance_count c JOIN event e ON e.id = c.event_id WHERE e.status = 'HELD') AS counted`;
  if (!row) return { villages: 0, sessionsHeld: 0, peopleReached: 0 };
  return { villages: row.villages, sessionsHeld: row.sessions, peopleReached: row.named + row.counted };
}

export const getSiteFigures = unstable_cache(readSiteFigures, ["site-figures"], {
  revalidate: PUBLIC_REVALIDATE_SECONDS,
  tags: [PUBLIC_CACHE_TAG],
});

export type MaterialCard = Prisma.MaterialGetPayload<{ select: typeof materialCard }>;

const published = (language: Language): Prisma.MaterialWhereInput => ({ status: "PUBLISHED", language });

export async function findLatestMaterials(language: Language, take = 6): Promise<MaterialCard[]> {
  return db.material.findMany({
    where: published(language),
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
    select: materialCard,
  });
}

/** A library search term as the reader typed it or as it came in the URL: at most 100 characters. */
export function libraryQuery(raw: string): string {
  return withoutControlCharacters(raw).trim().slice(0, 100);
}

/** The library: every published material in a language, optionally one category or a search. */
export async function findPublishedMaterials(input: {
  language: Language;
  category?: MaterialCategory;
  query?: string;
}): Promise<MaterialCard[]> {
  const q = input.query === undefined ? undefined : libraryQuery(input.query);
  return db.material.findMany({
    where: {
      ...published(input.language),
      ...(input.category ? { category: input.category } : {}),
      ...(q
        ? {
            OR: [
              { title: { contains: q, mode: "insensitive" } },
              { summary: { contains: q, mode: "insensitive" } },
              { body: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: materialCard,
  });
}

/**
 * The journey page (/perjalanan): published material in a language that staff placed on a stage
 * of the journey, in stage order, oldest first within a stage so an office's newer text adds to
 * the national one rather than pushing it down.
 */
export async function findJourneyMaterials(language: Language) {
  return db.material.findMany({
    where: { ...published(language), journeyStage: { not: null } },
    orderBy: [{ journeyStage: "asc" }, { publishedAt: "asc" }, { id: "asc" }],
    take: 100,
    select: { slug: true, title: true, summary: true, body: true, journeyStage: true, office: { select: { name: true } } },
  });
}

/** For sitemap.xml and the feed (rendered per request, so cached here; dates as ISO strings). */
export const findAllPublishedMaterials = unstable_cache(
  async () => {
    const rows = await db.material.findMany({
      where: { status: "PUBLISHED" },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 5000,
      select: { slug: true, title: true, summary: true, category: true, language: true, body: true, publishedAt: true, updatedAt: true, office: { select: { name: true, slug: true } } },
    });
    return rows.map((m) => ({
      ...m,
      officeName: m.office?.name ?? null,
      officeSlug: m.office?.slug ?? null,
      publishedAt: (m.publishedAt ?? m.updatedAt).toISOString(),
      updatedAt: m.updatedAt.toISOString(),
    }));
  },
  ["published-materials"],
  { revalidate: PUBLIC_REVALIDATE_SECONDS, tags: [PUBLIC_CACHE_TAG] },
);

/** Sessions open to the public that have not started yet, soonest first. */
export async function findUpcomingPublicEvents(take = 5) {
  return db.event.findMany({
    where: { isPublic: true, status: "SCHEDULED", startsAt: { gt: new Date() } },
    orderBy: { startsAt: "asc" },
    take,
    select: {
      id: true,
      type: true,
      title: true,
      startsAt: true,
      timeZone: true,
      venueName: true,
      office: { select: { name: true } },
    },
  });
}

const villageSelect = {
  id: true,
  villageCode: true,
  stage: true,
  office: { select: { name: true, slug: true } },
  village: {
    select: {
      name: true,
      provinceCode: true,
      ...placeNames,
    },
  },
} satisfies Prisma.DesaBinaanSelect;

/**
 * Sessions held for each village and the people they reached (event_reach: named attendees and
 * head counts, kept by triggers, ADR 0010). A session held at the district office for fifteen
 * villages reached its audience in each of them, so each village is credited with all of it;
 * the program's total (getSiteFigures) counts every session once, so villages do not add up to it.
 */
export async function villageReach(ids: string[]): Promise<Map<string, { sessionsHeld: number; peopleReached: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; sessions: number; reached: number }[]>`
    SELECT ev.desa_binaan_id AS id, count(*)::int AS sessions, coalesce(sum(r.reached), 0)::int AS reached
    FROM event_village ev
    JOIN event e ON e.id = ev.event_id AND e.status = 'HELD'
    LEFT JOIN LATERAL (SELECT sum(x.male + x.female + x.unknown) AS reached FROM event_reach x WHERE x.event_id = e.id) r ON true
    WHERE ev.desa_binaan_id = ANY(${ids}::uuid[])
    GROUP BY ev.desa_binaan_id`;
  return new Map(rows.map((r) => [r.id, { sessionsHeld: r.sessions, peopleReached: r.reached }]));
}

type VillageRow = Prisma.DesaBinaanGetPayload<{ select: typeof villageSelect }>;

function toPublicVillage(row: VillageRow, reach: Map<string, { sessionsHeld: number; peopleReached: number }>) {
  const figures = reach.get(row.id) ?? { sessionsHeld: 0, peopleReached: 0 };
  return {
    code: row.villageCode,
    name: row.village.name,
    district: row.village.district.name,
    regency: row.village.regency.name,
    province: row.village.province.name,
    provinceCode: row.village.provinceCode,
    stage: row.stage,
    officeName: row.office.name,
    officeSlug: row.office.slug,
    sessionsHeld: figures.sessionsHeld,
    peopleReached: figures.peopleReached,
  };
}

export type PublicVillage = ReturnType<typeof toPublicVillage>;

const PUBLIC_VILLAGE: Prisma.DesaBinaanWhereInput = { stage: { not: "PROPOSED" } };
const villageOrder: Prisma.DesaBinaanOrderByWithRelationInput[] = [{ village: { provinceCode: "asc" } }, { village: { name: "asc" } }, { villageCode: "asc" }];

/** Plain strings and numbers only, so the data cache can hold it for sitemap.xml. */
export const findPublicVillages = unstable_cache(findPublicVillagesUncached, ["public-villages"], {
  revalidate: PUBLIC_REVALIDATE_SECONDS,
  tags: [PUBLIC_CACHE_TAG],
});

async function findPublicVillagesUncached(): Promise<PublicVillage[]> {
  const rows = await db.desaBinaan.findMany({ where: PUBLIC_VILLAGE, orderBy: villageOrder, select: villageSelect, take: 5000 });
  const reach = await villageReach(rows.map((r) => r.id));
  return rows.map((r) => toPublicVillage(r, reach));
}

export const VILLAGE_PAGE_SIZE = 30;

export type VillageListFilter = { query?: string; provinceCode?: string; page?: number };

/**
 * One page of the public village list: by name (part of it) or Kemendagri code (a prefix, so
 * "33.14" lists a regency), optionally one province; `page` from 1.
 */
export async function findPublicVillagePage(filter: VillageListFilter, pageSize = VILLAGE_PAGE_SIZE) {
  const q = filter.query ? libraryQuery(filter.query) : "";
  const where: Prisma.DesaBinaanWhereInput = {
    ...PUBLIC_VILLAGE,
    ...(filter.provinceCode ? { village: { provinceCode: filter.provinceCode } } : {}),
    ...(q
      ? /^[\d.]+$/.test(q)
        ? { villageCode: { startsWith: q } }
        : { village: { name: { contains: q, mode: "insensitive" as const }, ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}) } }
      : {}),
  };
  const total = await db.desaBinaan.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(filter.page ?? 1)), pageCount);
  const rows = await db.desaBinaan.findMany({ where, orderBy: villageOrder, select: villageSelect, skip: (page - 1) * pageSize, take: pageSize });
  const reach = await villageReach(rows.map((r) => r.id));
  return { villages: rows.map((r) => toPublicVillage(r, reach)), total, page, pageCount };
}

/** Provinces that have at least one public desa binaan, for the list's filter. */
export const findVillageProvinces = unstable_cache(
  async () =>
    db.province.findMany({
      where: { villages: { some: { desaBinaan: PUBLIC_VILLAGE } } },
      orderBy: { code: "asc" },
      select: { code: true, name: true },
    }),
  ["public-village-provinces"],
  { revalidate: PUBLIC_REVALIDATE_SECONDS, tags: [PUBLIC_CACHE_TAG] },
);

export async function findPublicVillage(code: string): Promise<PublicVillage | null> {
  const row = await db.desaBinaan.findFirst({
    where: { villageCode: code, ...PUBLIC_VILLAGE },
    select: villageSelect,
  });
  if (!row) return null;
  return toPublicVillage(row, await villageReach([row.id]));
}

const officeContact = {
  slug: true,
  name: true,
  address: true,
  phone: true,
  email: true,
  serviceHours: true,
  province: { select: { name: true } },
  workArea: { select: { regency: { select: { code: true, name: true } } }, orderBy: { regencyCode: "asc" } },
} satisfies Prisma.OfficeSelect;

function toOfficeContact(o: Prisma.OfficeGetPayload<{ select: typeof officeContact }>) {
  return {
    slug: o.slug,
    name: o.name,
    address: o.address,
    phone: o.phone,
    email: o.email,
    serviceHours: o.serviceHours,
    province: o.province.name,
    workArea: o.workArea.map((w) => w.regency.name),
  };
}

export type OfficeContact = ReturnType<typeof toOfficeContact>;

/**
 * Immigration offices with their public switchboard, hours and work area, for the guide's
 * directory; `regency` (part of a regency or city name) keeps the offices whose work area has it.
 */
export async function findOfficeDirectory(filter: { regency?: string } = {}): Promise<OfficeContact[]> {
  const q = filter.regency ? libraryQuery(filter.regency) : "";
  const rows = await db.office.findMany({
    where: { active: true, ...(q ? { workArea: { some: { regency: { name: { contains: q, mode: "insensitive" } } } } } : {}) },
    orderBy: [{ provinceCode: "asc" }, { name: "asc" }],
    select: officeContact,
  });
  return rows.map(toOfficeContact);
}

/** One office's contact card, for the village profile. */
export async function findOfficeContact(slug: string): Promise<OfficeContact | null> {
  const row = await db.office.findUnique({ where: { slug }, select: officeContact });
  return row ? toOfficeContact(row) : null;
}
