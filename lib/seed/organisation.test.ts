import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { localTestDatabaseUrl } from "@/tests/support/test-db";
import { KANWILS, OFFICES } from "./data/organisation";
import { seedOrganisation } from "./organisation";

const db = createPrismaClient(localTestDatabaseUrl(), { max: 2 });
afterAll(() => db.$disconnect());

describe("the organisation's reference data", () => {
  it("names a source for every office and ships at most one Kanwil per province", () => {
    for (const office of OFFICES) expect(office.source).toMatch(/^https:\/\//);
    expect(new Set(KANWILS.map((k) => k.provinceCode)).size).toBe(KANWILS.length);
  });

  it("uses real province and regency codes", async () => {
    const provinces = await db.province.count({ where: { code: { in: KANWILS.map((k) => k.provinceCode) } } });
    expect(provinces).toBe(KANWILS.length);
    const codes = OFFICES.flatMap((o) => o.workArea);
    expect(await db.regency.count({ where: { code: { in: codes } } })).toBe(codes.length);
  });

  it("is loaded once, and a second run changes nothing", async () => {
    await seedOrganisation(db);
    expect(await seedOrganisation(db)).toEqual({ kanwils: 0, offices: 0 });
    for (const spec of OFFICES) {
      const office = await db.office.findUniqueOrThrow({ where: { slug: spec.slug }, include: { workArea: true, kanwil: true } });
      expect(office.kanwil.provinceCode).toBe(spec.provinceCode);
      expect(office.workArea.map((w) => w.regencyCode).sort()).toEqual([...spec.workArea].sort());
    }
  });
});
