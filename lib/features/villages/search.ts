import "server-only";
import { ROLE_PERMISSIONS, scopeFor } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { requireScope, type SessionUser } from "@/lib/server/scope";
import { SEARCH_MIN_LENGTH, villageCodeFrom } from "@/lib/features/villages/schemas";

/**
 * Village search for registration: one SQL statement shared by the registration page
 * (searchVillages, lib/features/villages/queries.ts) and the type-ahead endpoint
 * (searchVillagesAs, GET /api/desa/cari), so both list the same villages in the same order.
 */

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type VillageSearchResult = {
  code: string;
  name: string;
  district: string;
  regency: string;
  province: string;
  inWorkArea: boolean;
  /** "own": already this office's (with its id); "other": another office's, nothing more said. */
  adoption: { by: "own"; id: string } | { by: "other" } | null;
};

/** What the statement returns per hit: the `me` row's columns, then the village's (null without hits). */
type HitColumns = {
  code: string | null;
  village: string;
  district: string;
  regency: string;
  province: string;
  in_work_area: boolean;
  desa_id: string | null;
  adopter_id: string | null;
};

/**
 * `me` is SQL yielding at most one row with the searching office (`office_id uuid`) and whether
 * to search at all (`allowed boolean`); no row or `allowed` false skips the village scan. The
 * trigram index serves ILIKE; work area first, exact names first. The work area is read once as
 * an array, and only the 20 villages kept look up their district, regency, province and adoption
 * by key (no joins to plan, no scan of desa_binaan). Every `me` row comes back once even without
 * hits (the village columns are then null).
 */
function searchStatement(me: Prisma.Sql, term: string): Prisma.Sql {
  const pattern = `%${escapeLike(term)}%`;
  // a code (with or without dots) is looked up by its key; names by the trigram index
  const code = villageCodeFrom(term);
  const match = code ? Prisma.sql`v.code = ${code}` : Prisma.sql`v.name ILIKE ${pattern}`;
  return Prisma.sql`
    WITH me AS (${me}),
    area AS (SELECT coalesce(array_agg(w.regency_code), '{}') AS regencies FROM office_regency w WHERE w.office_id = (SELECT office_id FROM me)),
    hits AS (
      SELECT v.code, v.name, v.district_code, v.regency_code, v.province_code,
             v.regency_code = ANY(CAST((SELECT regencies FROM area) AS varchar[])) AS in_work_area,
             lower(v.name) = lower(${term}) AS exact
      FROM village v
      WHERE ${match} AND (SELECT allowed FROM me)
      ORDER BY in_work_area DESC, exact DESC, v.name, v.code
      LIMIT 20
    )
    SELECT me.*, h.code, h.name AS village,
           (SELECT d.name FROM district d WHERE d.code = h.district_code) AS district,
           (SELECT r.name FROM regency r WHERE r.code = h.regency_code) AS regency,
           (SELECT p.name FROM province p WHERE p.code = h.province_code) AS province,
           h.in_work_area,
           (SELECT b.id::text FROM desa_binaan b WHERE b.village_code = h.code) AS desa_id,
           (SELECT b.office_id::text FROM desa_binaan b WHERE b.village_code = h.code) AS adopter_id
    FROM me LEFT JOIN hits h ON TRUE
    ORDER BY h.in_work_area DESC, h.exact DESC, h.name, h.code`;
}

function toResults(rows: HitColumns[], officeId: string): VillageSearchResult[] {
  return rows
    .filter((r): r is HitColumns & { code: string } => r.code !== null)
    .map((r) => ({
      code: r.code,
      name: r.village,
      district: r.district,
      regency: r.regency,
      province: r.province,
      inWorkArea: r.in_work_area,
      adoption:
        r.adopter_id === null ? null : r.adopter_id === officeId && r.desa_id ? { by: "own", id: r.desa_id } : { by: "other" },
    }));
}

/** For the page, which already holds the signed-in user: the office is a parameter. */
export async function searchVillagesOfOffice(officeId: string, term: string): Promise<VillageSearchResult[]> {
  const rows = await db.$queryRaw<HitColumns[]>(
    searchStatement(Prisma.sql`SELECT ${officeId}::uuid AS office_id, TRUE AS allowed`, term),
  );
  return toResults(rows, officeId);
}

/** The roles the permission map lets register villages: only they make the statement search. */
const REGISTERING_ROLES = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => scopeFor(role, "create:village"));

type UserColumns = {
  id: string;
  name: string;
  email: string;
  role: string;
  office_id: string | null;
  kanwil_id: string | null;
  desa_binaan_id: string | null;
};

/**
 * The registration search for the user id of a verified session cookie, in ONE statement that
 * also re-reads that user (active, role, office; docs/decisions/0004) instead of a query for the
 * user and another for the villages. The statement searches only for a role the permission map
 * lets register villages; the map is then applied to the row read, as searchVillages does.
 * Throws UNAUTHENTICATED when no active user has the id, FORBIDDEN without create:village.
 */
export async function searchVillagesAs(session: { userId: string; sessionVersion: number }, q: string): Promise<VillageSearchResult[]> {
  const term = q.trim();
  const rows = await db.$queryRaw<(UserColumns & HitColumns)[]>(
    searchStatement(
      Prisma.sql`
        SELECT u.id, u.name, u.email, u.role::text AS role, u.office_id, u.kanwil_id, u.desa_binaan_id,
               u.role::text = ANY(${REGISTERING_ROLES}::text[]) AND u.office_id IS NOT NULL
                 AND ${term.length >= SEARCH_MIN_LENGTH} AS allowed
        FROM app_user u WHERE u.id = ${session.userId}::uuid AND u.session_version = ${session.sessionVersion} AND u.active`,
      term,
    ),
  );
  const me = rows[0];
  if (!me) throw new AppError("UNAUTHENTICATED");
  const user: SessionUser = {
    id: me.id,
    name: me.name,
    email: me.email,
    role: me.role as Role,
    officeId: me.office_id,
    kanwilId: me.kanwil_id,
    desaBinaanId: me.desa_binaan_id,
  };
  requireScope(user, "create:village");
  if (!user.officeId) throw new AppError("FORBIDDEN");
  return toResults(rows, user.officeId);
}
