import "server-only";
import type { EventType, Language, MaterialCategory, VillageStage } from "@/lib/generated/prisma/enums";
import type { z } from "zod";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { VILLAGE_STAGES } from "@/lib/stages";
import { filePath, materialPath, siteUrl, villagePath } from "@/lib/features/site/paths";
import { findPublicVillage, findPublicVillagePage, readSiteFigures, type PublicVillage, type VillageListFilter } from "@/lib/features/site/queries";

/**
 * What the open data API (/api/publik/v1) and the village widget may say: counts, stages, names
 * of villages, offices and places, titles and dates of public sessions, published material.
 * Never a person: no attendee, contact, speaker or user, no report notes, no draft. Every object
 * is built field by field here (no spreading of database rows), so a new column never leaks by
 * itself; app/api/publik/v1/open-data.test.ts walks every field of every answer.
 */

const localDate = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);

export async function getOpenFigures() {
  const [figures, stages, offices] = await Promise.all([
    readSiteFigures(),
    db.desaBinaan.groupBy({ by: ["stage"], where: { stage: { not: "PROPOSED" } }, _count: { _all: true } }),
    db.office.count({ where: { active: true, villages: { some: { stage: { not: "PROPOSED" } } } } }),
  ]);
  const byStage = Object.fromEntries(
    VILLAGE_STAGES.filter((s) => s !== "PROPOSED").map((s) => [s, stages.find((r) => r.stage === s)?._count._all ?? 0]),
  ) as Record<Exclude<VillageStage, "PROPOSED">, number>;
  return {
    villages: figures.villages,
    villagesByStage: byStage,
    offices,
    sessionsHeld: figures.sessionsHeld,
    peopleReached: figures.peopleReached,
  };
}

/**
 * Every province with its public desa binaan, the sessions held for them (a session for several
 * villages of a province counted once) and the people those sessions reached.
 */
export async function findOpenProvinces() {
  const rows = await db.$queryRaw<{ code: string; name: string; villages: number; sessions: number; reached: number }[]>`
    WITH v AS (
      SELECT d.id, vi.province_code FROM desa_binaan d JOIN village vi ON vi.code = d.village_code WHERE d.stage <> 'PROPOSED'
    ), s AS (
      SELECT DISTINCT v.province_code, e.id AS event_id
      FROM v JOIN event_village ev ON ev.desa_binaan_id = v.id JOIN event e ON e.id = ev.event_id AND e.status = 'HELD'
    )
    SELECT p.code, p.name,
      (SELECT count(*)::int FROM v WHERE v.province_code = p.code) AS villages,
      (SELECT count(*)::int FROM s WHERE s.province_code = p.code) AS sessions,
      (SELECT coalesce(sum(r.male + r.female + r.unknown), 0)::int FROM s JOIN event_reach r ON r.event_id = s.event_id
        WHERE s.province_code = p.code) AS reached
    FROM province p
    ORDER BY p.code`;
  return rows.map((r) => ({ code: r.code, name: r.name, villages: r.villages, sessionsHeld: r.sessions, peopleReached: r.reached }));
}

/** The latest sessions held for a village that were open to the public: date, type and title. */
export async function findVillageSessions(villageCode: string, take = 3) {
  const rows = await db.event.findMany({
    where: { status: "HELD", isPublic: true, villages: { some: { desaBinaan: { villageCode } } } },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take,
    select: { startsAt: true, timeZone: true, type: true, title: true },
  });
  return rows.map((e) => ({ date: localDate(e.startsAt, e.timeZone), type: e.type as EventType, title: e.title }));
}

export function villageLinks(code: string) {
  return {
    profile: siteUrl(villagePath("id", code)),
    widget: siteUrl(`/desa/${code}/widget`),
    badge: siteUrl(`/desa/${code}/lencana.svg`),
    guide: siteUrl("/panduan"),
  };
}

function openVillage(v: PublicVillage) {
  return {
    code: v.code,
    name: v.name,
    district: v.district,
    regency: v.regency,
    province: { code: v.provinceCode, name: v.province },
    stage: v.stage,
    office: { slug: v.officeSlug, name: v.officeName },
    sessionsHeld: v.sessionsHeld,
    peopleReached: v.peopleReached,
  };
}

/** One public desa binaan by Kemendagri code, with its latest public sessions; null if none. */
export async function getOpenVillage(code: string) {
  const village = await findPublicVillage(code);
  if (!village) return null;
  return { ...openVillage(village), lastSessions: await findVillageSessions(code), links: villageLinks(code) };
}

export async function findOpenVillages(filter: VillageListFilter) {
  const page = await findPublicVillagePage(filter, 100);
  return {
    page: page.page,
    pageCount: page.pageCount,
    total: page.total,
    villages: page.villages.map((v) => ({ ...openVillage(v), links: { profile: siteUrl(villagePath("id", v.code)) } })),
  };
}

/** Published material, newest first: title, summary, category, dates and links; never a draft. */
export async function findOpenMaterials(input: { language?: Language; category?: MaterialCategory }) {
  const rows = await db.material.findMany({
    where: { status: "PUBLISHED", ...(input.language ? { language: input.language } : {}), ...(input.category ? { category: input.category } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: 500,
    select: {
      slug: true,
      title: true,
      summary: true,
      category: true,
      language: true,
      publishedAt: true,
      updatedAt: true,
      coverFileId: true,
      office: { select: { slug: true, name: true } },
    },
  });
  return rows.map((m) => ({
    slug: m.slug,
    title: m.title,
    summary: m.summary,
    category: m.category,
    language: m.language,
    publishedAt: (m.publishedAt ?? m.updatedAt).toISOString(),
    office: m.office ? { slug: m.office.slug, name: m.office.name } : null,
    url: siteUrl(materialPath(m.language, m.slug)),
    cover: m.coverFileId ? siteUrl(filePath(m.coverFileId)) : null,
  }));
}

/** A query string through its zod schema; a bad field is a 400 naming the field and the catalogue key. */
export function parseOpenQuery<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_"), i.message]));
  throw new AppError("VALIDATION", undefined, fields);
}
