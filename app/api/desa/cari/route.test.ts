import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/desa/cari/route";
import { can } from "@/lib/auth/permissions";
import { getAuthSecret } from "@/lib/auth/secret";
import { searchVillages } from "@/lib/features/villages/queries";
import { db } from "@/lib/server/db";
import { createDesaBinaan, createUser, freeUniqueVillage } from "@/lib/factories";
import { createTwoOfficeWorld, testDb } from "@/tests/support/world";

/**
 * GET /api/desa/cari against the real database, through the real session cookie check: a
 * next-auth token is minted with the app's secret, exactly as sign-in does.
 */
let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});
afterEach(() => vi.restoreAllMocks());

const COOKIE = "next-auth.session-token";
const tokenFor = (sub: string, over: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: { sub, sv: 0 }, secret: over.secret ?? getAuthSecret(), maxAge: over.maxAge });

async function search(q: string | null, cookie?: string) {
  const url = new URL("http://127.0.0.1/api/desa/cari");
  if (q !== null) url.searchParams.set("q", q);
  const request = new NextRequest(url, { headers: cookie === undefined ? {} : { cookie } });
  const response = await GET(request, { params: Promise.resolve({}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}
const as = async (user: { id: string }, q: string | null) => search(q, `${COOKIE}=${await tokenFor(user.id)}`);

/** A name only one village in Indonesia has, in office B's work area, free to adopt. */
const uniqueNameInB = () => freeUniqueVillage(testDb, "62.02");

describe("GET /api/desa/cari: scoping", () => {
  it("lists namesakes with their places, work area first, the same as the registration page", async () => {
    const res = await as(w.adminA, "Cemeng");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.body.q).toBe("Cemeng");
    const cemeng = res.body.results.find((r: { code: string }) => r.code === "33.14.07.2003");
    expect(cemeng).toMatchObject({ name: "Cemeng", inWorkArea: true });
    expect(cemeng.district).toMatch(/Sambungmacan/i);
    expect(cemeng.regency).toMatch(/Sragen/i);
    expect(cemeng.province).toMatch(/Jawa Tengah/i);
    const firstOutside = res.body.results.findIndex((r: { inWorkArea: boolean }) => !r.inWorkArea);
    expect(res.body.results.slice(firstOutside).every((r: { inWorkArea: boolean }) => !r.inWorkArea)).toBe(true);
    expect(res.body.results).toEqual(JSON.parse(JSON.stringify(await searchVillages(w.adminA, "Cemeng"))));
  });

  it("shows another office's adoption only as 'other', and the office's own with its id", async () => {
    const rare = await uniqueNameInB();
    const other = await createDesaBinaan(testDb, { officeId: w.officeB.id, villageCode: rare.code });
    const res = await as(w.officerA, rare.name);
    expect(res.status).toBe(200);
    expect(res.body.results.find((r: { code: string }) => r.code === rare.code)).toEqual({
      code: rare.code,
      name: rare.name,
      district: expect.any(String),
      regency: expect.any(String),
      province: expect.any(String),
      inWorkArea: false,
      adoption: { by: "other" },
    });
    expect(res.text).not.toContain(other.id);
    expect(res.text).not.toContain(w.officeB.id);
    // office B sees the same village as its own
    const mine = (await as(w.adminB, rare.name)).body.results.find((r: { code: string }) => r.code === rare.code);
    expect(mine).toMatchObject({ inWorkArea: true, adoption: { by: "own", id: other.id } });

    const ownName = (await testDb.village.findUniqueOrThrow({ where: { code: w.villageA.villageCode } })).name;
    const own = (await as(w.adminA, ownName)).body.results.find((r: { code: string }) => r.code === w.villageA.villageCode);
    expect(own).toMatchObject({ inWorkArea: true, adoption: { by: "own", id: w.villageA.id } });
  });

  it("answers each role as the permission map says: create:village or 403, and never a result to the others", async () => {
    const actors = {
      national: w.national,
      regional: w.regionalA,
      officeAdmin: w.adminA,
      officer: w.officerA,
      village: w.villageUserA,
    };
    for (const [name, actor] of Object.entries(actors)) {
      const res = await as(actor, "Cemeng");
      const allowed = can(actor.role, "create:village");
      expect(res.status, name).toBe(allowed ? 200 : 403);
      if (!allowed) expect(res.body, name).toEqual({ error: "FORBIDDEN" });
    }
    expect(can("VILLAGE", "create:village") || can("REGIONAL_OVERSEER", "create:village")).toBe(false);
  });

  it("refuses a role the permission map does not know (403, not a crash)", async () => {
    // The role column is an enum, so the database cannot hold an unknown role today; this is
    // the row an older instance would read after a migration adds one.
    vi.spyOn(db, "$queryRaw").mockResolvedValueOnce([
      { ...w.adminA, role: "AUDITOR", office_id: w.adminA.officeId, kanwil_id: null, desa_binaan_id: null, allowed: false, code: null },
    ] as never);
    expect(await as(w.adminA, "Cemeng")).toMatchObject({ status: 403, body: { error: "FORBIDDEN" } });
  });

  it("uses one SQL statement per request, the user's row included", async () => {
    await as(w.adminA, "Suka"); // a warm pool, as in service
    const query = vi.spyOn(pg.Pool.prototype, "query");
    const res = await as(w.adminA, "Sumber");
    expect(res.status).toBe(200);
    expect(query).toHaveBeenCalledTimes(1);
  });
});

describe("GET /api/desa/cari: sessions", () => {
  it("is 401 without a session cookie, with a forged, foreign or expired one", async () => {
    expect(await search("Cemeng")).toMatchObject({ status: 401, body: { error: "UNAUTHENTICATED" } });
    expect((await search("Cemeng", `${COOKIE}=not-a-token`)).status).toBe(401);
    const foreign = await tokenFor(w.adminA.id, { secret: "another-deployment-secret-0123456789abcdef" });
    expect((await search("Cemeng", `${COOKIE}=${foreign}`)).status).toBe(401);
    const expired = await tokenFor(w.adminA.id, { maxAge: -60 });
    expect((await search("Cemeng", `${COOKIE}=${expired}`)).status).toBe(401);
    expect((await search("Cemeng", `${COOKIE}=${await tokenFor("not-a-uuid")}`)).status).toBe(401);
  });

  it("is 401 for a valid token whose user is gone or disabled: the row is re-read on every request", async () => {
    expect((await as({ id: "00000000-0000-4000-8000-000000000000" }, "Cemeng")).status).toBe(401);
    const disabled = await createUser(testDb, { role: "OFFICE_ADMIN", officeId: w.officeA.id });
    expect((await as(disabled, "Cemeng")).status).toBe(200);
    await testDb.user.update({ where: { id: disabled.id }, data: { active: false, disabledAt: new Date() } });
    expect(await as(disabled, "Cemeng")).toMatchObject({ status: 401, body: { error: "UNAUTHENTICATED" } });
  });
});

describe("GET /api/desa/cari: input", () => {
  it("refuses a missing, too short or too long term with 400 and a catalogue key", async () => {
    expect(await as(w.adminA, null)).toMatchObject({ status: 400, body: { error: "VALIDATION", fieldErrors: { q: "validation.required" } } });
    for (const q of ["", "ab", "  ab  ", "\u0000ab"]) {
      expect(await as(w.adminA, q), JSON.stringify(q)).toMatchObject({
        status: 400,
        body: { error: "VALIDATION", fieldErrors: { q: "validation.searchTooShort" } },
      });
    }
    expect(await as(w.adminA, "a".repeat(61))).toMatchObject({ status: 400, body: { fieldErrors: { q: "validation.tooLong" } } });
    expect((await as(w.adminA, `  ${"a".repeat(60)}  `)).status).toBe(200);
  });

  it("takes HTML, script, quotes and wildcards as plain text", async () => {
    for (const q of ['<script>alert("x")</script>', "<img src=x onerror=alert(1)>", "' OR 1=1 --", "%%%", "___", "Ce%g", "x\u0000yz"]) {
      const res = await as(w.adminA, q);
      expect(res.status, q).toBe(200);
      expect(res.headers.get("content-type"), q).toMatch(/^application\/json/);
      expect(res.body.results, q).toEqual([]);
    }
    const res = await as(w.adminA, '<script>alert("x")</script>');
    expect(res.body.q).toBe('<script>alert("x")</script>');
    // a wildcard is a letter: "Ceme_g" matches no Cemeng
    expect((await as(w.adminA, "Ceme_g")).body.results).toEqual([]);
  });

  it("trims the term and finds names case-insensitively", async () => {
    const res = await as(w.adminA, "  cEMENG ");
    expect(res.body.q).toBe("cEMENG");
    expect(res.body.results.some((r: { code: string }) => r.code === "33.14.07.2003")).toBe(true);
  });
});
