import { beforeAll, describe, expect, it } from "vitest";
import { findVillages, searchVillages } from "@/lib/features/villages/queries";
import { parseVillageListFilter } from "@/lib/features/villages/schemas";
import { createDesaBinaan, createOffice, createUser } from "@/lib/factories";
import { asSessionUser, testDb } from "@/tests/support/world";
import type { SessionUser } from "@/lib/server/scope";

/**
 * The village list sorts and searches by desa_binaan.village_name, a copy of the village's name
 * that triggers keep (migration 20261124010000): these tests pin that copy to the real name.
 */
let admin: SessionUser;
let codes: { code: string; name: string; regency: string }[];

beforeAll(async () => {
  // Three real villages in each of two regencies of Jawa Tengah (Sragen 33.14, Karanganyar 33.13).
  const office = await createOffice(testDb, { provinceCode: "33", workArea: ["33.14", "33.13"] });
  const free = (regencyCode: string) =>
    testDb.village.findMany({ where: { regencyCode, desaBinaan: null }, orderBy: { code: "desc" }, take: 3, select: { code: true, name: true, regencyCode: true } });
  const picked = [...(await free("33.14")), ...(await free("33.13"))];
  codes = picked.map((v) => ({ code: v.code, name: v.name, regency: v.regencyCode }));
  for (const v of picked) await createDesaBinaan(testDb, { officeId: office.id, villageCode: v.code, stage: v.regencyCode === "33.14" ? "MENTORING" : "PROPOSED" });
  admin = asSessionUser(await createUser(testDb, { role: "OFFICE_ADMIN", officeId: office.id }));
});

const names = async (query: Record<string, string>) => (await findVillages(admin, parseVillageListFilter(query))).rows.map((r) => r.village.name);

describe("village list", () => {
  it("keeps each desa binaan's copy of its village's name", async () => {
    const rows = await testDb.desaBinaan.findMany({ where: { villageCode: { in: codes.map((c) => c.code) } }, select: { villageName: true, village: { select: { name: true } } } });
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r.villageName).toBe(r.village.name);
  });

  it("sorts by village name, both ways, and pages", async () => {
    const asc = await names({});
    expect(asc).toHaveLength(6);
    // PostgreSQL's collation decides; compare with the same order the database gave for the names.
    const expected = (await testDb.village.findMany({ where: { code: { in: codes.map((c) => c.code) } }, orderBy: [{ name: "asc" }, { code: "asc" }], select: { name: true } })).map((v) => v.name);
    expect(asc).toEqual(expected);
    expect(new Set(expected).size).toBe(6);
    expect(await names({ dir: "desc" })).toEqual([...expected].reverse());
  });

  it("searches by name and filters by regency and province without joining the villages", async () => {
    const one = codes[0]!;
    expect(await names({ q: one.name.slice(0, 4).toLowerCase() })).toContain(one.name);
    const inRegency = await findVillages(admin, parseVillageListFilter({ regency: "33.13" }));
    expect(inRegency.rows.map((r) => r.village.code).sort()).toEqual(codes.filter((c) => c.regency === "33.13").map((c) => c.code).sort());
    expect((await findVillages(admin, parseVillageListFilter({ regency: "33.15" }))).rows).toHaveLength(0);
    expect((await findVillages(admin, parseVillageListFilter({ province: "33" }))).total).toBe(6);
    expect((await findVillages(admin, parseVillageListFilter({ province: "62" }))).total).toBe(0);
    // A NUL or other control character in the URL is a space, not a database error.
    expect((await findVillages(admin, parseVillageListFilter({ q: `${one.name.slice(0, 3)}\u0000` }))).rows.map((r) => r.village.name)).toContain(one.name);
  });

  it("finds a village by its Kemendagri code, with or without dots", async () => {
    const one = codes[2]!;
    expect(await names({ q: one.code })).toEqual([one.name]);
    expect(await names({ q: one.code.replace(/\./g, "") })).toEqual([one.name]);
    expect(await names({ q: ` ${one.code} ` })).toEqual([one.name]);
  });

  it("offers a village for registration by its code, with or without dots", async () => {
    const free = await testDb.village.findFirstOrThrow({ where: { regencyCode: "33.14", desaBinaan: null }, select: { code: true, name: true } });
    for (const q of [free.code, free.code.replace(/\./g, "")]) {
      expect((await searchVillages(admin, q)).map((r) => r.code)).toEqual([free.code]);
    }
  });

  it("follows a rename of the village in the reference data", async () => {
    const one = codes[1]!;
    await testDb.village.update({ where: { code: one.code }, data: { name: `${one.name} Baru` } });
    try {
      const row = await testDb.desaBinaan.findUniqueOrThrow({ where: { villageCode: one.code }, select: { villageName: true } });
      expect(row.villageName).toBe(`${one.name} Baru`);
    } finally {
      await testDb.village.update({ where: { code: one.code }, data: { name: one.name } });
    }
  });
});
