import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { localTestDatabaseUrl } from "@/tests/support/test-db";
import { countRegions, loadRegionRows, provinceTimeZone, REGION_COUNTS, seedRegions } from "./regions";

const db = createPrismaClient(localTestDatabaseUrl(), { max: 2 });
afterAll(() => db.$disconnect());

// Parsing and inserting 83,762 villages takes 1-3 s on PostgreSQL, longer on a busy machine.
const SLOW = 120_000;

describe("seedRegions", () => {
  it("loads every province, regency, district and village of idn-area-data", { timeout: SLOW }, async () => {
    const result = await seedRegions(db);
    expect(result).toMatchObject(REGION_COUNTS);
    expect(await countRegions(db)).toEqual({ provinces: 38, regencies: 514, districts: 7285, villages: 83762 });
  });

  it("changes nothing when run again, with or without the parse", { timeout: SLOW }, async () => {
    await seedRegions(db);
    const before = await countRegions(db);
    const fast = await seedRegions(db);
    expect(fast.skipped).toBe(true);
    const forced = await seedRegions(db, { force: true });
    expect(forced.skipped).toBe(false);
    expect(await countRegions(db)).toEqual(before);
  });

  it("knows Desa Cemeng with its district, regency and province", { timeout: SLOW }, async () => {
    await seedRegions(db);
    const cemeng = await db.village.findUniqueOrThrow({
      where: { code: "33.14.07.2003" },
      include: { district: true, regency: true, province: true },
    });
    expect(cemeng.name).toBe("Cemeng");
    expect(cemeng.district).toMatchObject({ code: "33.14.07", name: "Sambungmacan", regencyCode: "33.14", provinceCode: "33" });
    expect(cemeng.regency).toMatchObject({ code: "33.14", name: "Kabupaten Sragen" });
    expect(cemeng.province).toMatchObject({ code: "33", name: "Jawa Tengah", timeZone: "Asia/Jakarta" });
  });

  it("gives each province the zone it lies in", { timeout: SLOW }, async () => {
    await seedRegions(db);
    const zones = Object.fromEntries((await db.province.findMany()).map((p) => [p.code, p.timeZone]));
    expect(zones).toMatchObject({
      "16": "Asia/Jakarta",
      "61": "Asia/Jakarta",
      "62": "Asia/Jakarta",
      "51": "Asia/Makassar",
      "63": "Asia/Makassar",
      "65": "Asia/Makassar",
      "76": "Asia/Makassar",
      "81": "Asia/Jayapura",
      "96": "Asia/Jayapura",
    });
    expect(() => provinceTimeZone("99")).toThrow(/No time zone/);
  });
});

describe("loadRegionRows", () => {
  it("reads quoted names with commas and stray quotes", () => {
    const { villages } = loadRegionRows();
    expect(villages.code).toHaveLength(83762);
    const name = (code: string) => villages.name[villages.code.indexOf(code)];
    expect(name("12.07.28.1007")).toBe("Lubuk Pakam I,II");
    expect(name("35.13.15.2017")).toBe('Soka"an');
    // parents derived from the code
    const i = villages.code.indexOf("33.14.07.2003");
    expect([villages.districtCode[i], villages.regencyCode[i], villages.provinceCode[i]]).toEqual(["33.14.07", "33.14", "33"]);
  });
});
