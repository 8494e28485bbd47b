import "server-only";
import { unstable_cache } from "next/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Language, MaterialCategory } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { withoutControlCharacters } from "@/lib/text";
import { placeNames } from "@/lib/features/villages/selects";

/**
 * What the public site may read: published material, counts and stages. No query here selects
 * a person's name or phone (UU PDP): villages and sessions are shown as counts, offices by name.
 * Pages that use these are cached (docs/decisions/0008); publishing revalidates them.
 */

export const PUBLIC_CACHE_TAG = "public-site";
export const PUBLIC_REVALIDATE_SECONDS = 300;

export type SiteFigures = { villages: number; sessionsHeld: number; peopleReached: number };

/** Villages, sessions held and people reached (named attendees + head counts), in one round trip. */
export const getSiteFigures = unstable_cache(
  async (): Promise<SiteFigures> => {
    const [row] = await db.$queryRaw<{ villages: number; sessions: number; named: number; counted: number }[]>`
      SELECT
        (SELECT count(*)::int FROM desa_binaan WHERE stage <> 'PROPOSED') AS villages,
        (SELECT count(*)::int FROM event WHERE status = 'HELD') AS sessions,
        (SELECT count(*)::int FROM attendee a JOIN event e ON e.id = a.event_id WHERE e.status = 'HELD') AS named,
        (SELECT coalesce(sum(c.male + c.female + c.unknown), 0)::int
           FROM attendance_count c JOIN event e ON e.id = c.event_id WHERE e.status = 'HELD') AS counted`;
    if (!row) return { villages: 0, sessionsHeld: 0, peopleReached: 0 };
    return { villages: row.villages, sessionsHeld: row.sessions, peopleReached: row.named + row.counted };
  },
  ["site-figures"],
  { revalidate: PUBLIC_REVALIDATE_SECONDS, tags: [PUBLIC_CACHE_TAG] },
);

const materialCard = {
  slug: true,
  title: true,
  summary: true,
  category: true,
  language: true,
  publishedAt: true,
  coverFileId: true,
  office: { select: { name: true } },
} satisfies Prisma.MaterialSelect;

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

/** One published material by slug, with its published translations and public files; else null. */
export async function findPublishedMaterial(slug: string) {
  const material = await db.material.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      ...materialCard,
      id: true,
      body: true,
      updatedAt: true,
      translationGroupId: true,
      coverFile: { select: { id: true, width: true, height: true } },
      attachments: { select: { title: true, file: { select: { id: true, byteSize: true, fileName: true } } } },
    },
  });
  if (!material) return null;
  const translations = await db.material.findMany({
    where: { translationGroupId: material.translationGroupId, status: "PUBLISHED", NOT: { id: material.id } },
    select: { slug: true, language: true, title: true },
  });
  return { ...material, translations };
}

/** For sitemap.xml and the feed (rendered per request, so cached here; dates as ISO strings). */
export const findAllPublishedMaterials = unstable_cache(
  async () => {
    const rows = await db.material.findMany({
      where: { status: "PUBLISHED" },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 5000,
      select: { slug: true, title: true, summary: true, language: true, body: true, publishedAt: true, updatedAt: true, office: { select: { name: true } } },
    });
    return rows.map((m) => ({
      ...m,
      officeName: m.office?.name ?? null,
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
  office: { select: { name: true } },
  village: {
    select: {
      name: true,
      ...placeNames,
    },
  },
  _count: {
    select: {
      events: { where: { event: { status: "HELD" } } },
      attendees: { where: { event: { status: "HELD" } } },
    },
  },
} satisfies Prisma.DesaBinaanSelect;

/**
 * Head counts (AttendanceCount) belong to a session, not a village: they are credited to a
 * village only when the session covered that village alone, so that a session at the district
 * office for fifteen villages does not count its audience fifteen times.
 */
async function countedPeopleByVillage(ids?: string[]): Promise<Map<string, number>> {
  const filter = ids ? Prisma.sql`AND ev.desa_binaan_id = ANY(${ids}::uuid[])` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string; n: number }[]>`
    SELECT ev.desa_binaan_id AS id, coalesce(sum(c.male + c.female + c.unknown), 0)::int AS n
    FROM attendance_count c
    JOIN event e ON e.id = c.event_id AND e.status = 'HELD'
    JOIN event_village ev ON ev.event_id = e.id
    WHERE (SELECT count(*) FROM event_village x WHERE x.event_id = e.id) = 1 ${filter}
    GROUP BY ev.desa_binaan_id`;
  return new Map(rows.map((r) => [r.id, r.n]));
}

type VillageRow = Prisma.DesaBinaanGetPayload<{ select: typeof villageSelect }>;

function toPublicVillage(row: VillageRow, counted: Map<string, number>) {
  return {
    code: row.villageCode,
    name: row.village.name,
    district: row.village.district.name,
    regency: row.village.regency.name,
    province: row.village.province.name,
    stage: row.stage,
    officeName: row.office.name,
    sessionsHeld: row._count.events,
    peopleReached: row._count.attendees + (counted.get(row.id) ?? 0),
  };
}

export type PublicVillage = ReturnType<typeof toPublicVillage>;

/** Plain strings and numbers only, so the data cache can hold it for sitemap.xml. */
export const findPublicVillages = unstable_cache(findPublicVillagesUncached, ["public-villages"], {
  revalidate: PUBLIC_REVALIDATE_SECONDS,
  tags: [PUBLIC_CACHE_TAG],
});

async function findPublicVillagesUncached(): Promise<PublicVillage[]> {
  const [rows, counted] = await Promise.all([
    db.desaBinaan.findMany({
      where: { stage: { not: "PROPOSED" } },
      orderBy: [{ village: { provinceCode: "asc" } }, { village: { name: "asc" } }],
      select: villageSelect,
      take: 5000,
    }),
    countedPeopleByVillage(),
  ]);
  return rows.map((r) => toPublicVillage(r, counted));
}

export async function findPublicVillage(code: string): Promise<PublicVillage | null> {
  const row = await db.desaBinaan.findFirst({
    where: { villageCode: code, stage: { not: "PROPOSED" } },
    select: villageSelect,
  });
  if (!row) return null;
  return toPublicVillage(row, await countedPeopleByVillage([row.id]));
}

/** Immigration offices with their public switchboard, for the hotline directory. */
export async function findOfficeDirectory() {
  return db.office.findMany({
    where: { active: true },
    orderBy: [{ provinceCode: "asc" }, { name: "asc" }],
    select: { slug: true, name: true, address: true, phone: true, email: true, province: { select: { name: true } } },
  });
}
