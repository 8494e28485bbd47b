import "server-only";
import { db } from "@/lib/server/db";
import { requireScope, type SessionUser } from "@/lib/server/scope";
import { searchForm } from "@/lib/features/agencies/schemas";

/** Below this many letters a search would match most of the list. */
export const AGENCY_QUERY_MIN = 2;
const AGENCY_RESULTS_MAX = 50;

/** The list the public searches: the latest import, or null while none has been loaded. */
export async function findCurrentAgencyList() {
  return db.agencyImport.findFirst({
    orderBy: [{ importedAt: "desc" }, { id: "asc" }],
    select: { source: true, sourceDate: true, rowCount: true, importedAt: true },
  });
}

/**
 * Licensed agencies whose name contains the query, compared without case, accents or
 * punctuation (the trigram index on search_name). Public data of companies: no person in it.
 */
export async function searchLicensedAgencies(query: string) {
  const q = searchForm(query).slice(0, 100);
  if (q.length < AGENCY_QUERY_MIN) return [];
  return db.licensedAgency.findMany({
    where: { searchName: { contains: q } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: AGENCY_RESULTS_MAX,
    select: { name: true, licenceNumber: true, address: true, province: true },
  });
}

/** Every list loaded so far, newest first, for the national admin. */
export async function findAgencyImports(actor: SessionUser) {
  requireScope(actor, "manage:agency");
  return db.agencyImport.findMany({
    orderBy: [{ importedAt: "desc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      source: true,
      sourceDate: true,
      fileName: true,
      rowCount: true,
      importedAt: true,
      importedBy: { select: { name: true } },
    },
  });
}
