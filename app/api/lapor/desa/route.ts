import type { NextRequest } from "next/server";
import { villageSearchSchema } from "@/lib/features/villages/schemas";
import { searchPublicVillages } from "@/lib/features/warnings/public-tip";

/**
 * GET /api/lapor/desa?q=<3..60 characters, a name or a Kemendagri code>: the public tip form's
 * village type-ahead, `{ results: [{ code, name, district, regency, province }] }` (at most 20).
 * Public data, the same for everyone: browsers and proxies may keep an answer for an hour.
 */
export async function GET(request: NextRequest) {
  const parsed = villageSearchSchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? undefined });
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues[0]?.message ?? "validation.required" }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const results = await searchPublicVillages(parsed.data.q);
  return Response.json({ results }, { headers: { "Cache-Control": "public, max-age=3600" } });
}
