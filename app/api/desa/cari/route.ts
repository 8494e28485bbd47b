import { villageSearchSchema } from "@/lib/features/villages/schemas";
import { searchVillagesAs } from "@/lib/features/villages/search";
import { AppError } from "@/lib/server/errors";
import { privateJson, signedInJsonRoute } from "@/lib/server/route";

/**
 * GET /api/desa/cari?q=<3..60 characters>: the registration page's type-ahead. Real villages by
 * name, the office's work area first, for users who may register villages (create:village):
 * `{ q, results: [{ code, name, district, regency, province, inWorkArea, adoption }] }`, where
 * another office's adoption is only `{ by: "other" }`. One SQL statement per request, the
 * user's row included; no page render, no translations (the combobox words it).
 */
export const GET = signedInJsonRoute<Record<string, never>>(async ({ session, request }) => {
  const parsed = villageSearchSchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? undefined });
  if (!parsed.success) {
    throw new AppError("VALIDATION", undefined, { q: parsed.error.issues[0]?.message ?? "validation.required" });
  }
  const results = await searchVillagesAs(session, parsed.data.q);
  return privateJson({ q: parsed.data.q, results });
});
