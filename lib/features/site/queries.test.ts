import { describe, expect, it } from "vitest";
import { findPublicVillage, findPublicVillagePage, findPublishedMaterials } from "@/lib/features/site/queries";
import { createDesaBinaan, createEvent, createOffice } from "@/lib/factories";
import { testDb } from "@/tests/support/world";

describe("public village profile", () => {
  it("shows counts and stage only, and credits every session that covered a village with all it reached", async () => {
    const office = await createOffice(testDb, { provinceCode: "33", workArea: ["33.14"] });
    const [a, b] = [
      await createDesaBinaan(testDb, { officeId: office.id, stage: "MENTORING" }),
      await createDesaBinaan(testDb, { officeId: office.id, stage: "DECLARED" }),
    ];
    const held = { officeId: office.id, status: "HELD" as const, startsAt: new Date(Date.now() - 86_400_000) };
    // Own session: 10 counted. Shared session with b (the district-office sosialisasi for many
    // villages): 40 counted and one named attendee, 41 reached in each village it covered.
    await createEvent(testDb, { ...held, desaBinaanIds: [a.id], counts: [{ category: "WARGA", male: 4, female: 6 }] });
    const shared = await createEvent(testDb, { ...held, desaBinaanIds: [a.id, b.id], counts: [{ category: "KEPALA_DESA", unknown: 40 }] });
    await testDb.attendee.create({
      data: { eventId: shared.id, name: "Siti Rahayu", phone: "6281234567890", category: "CPMI", desaBinaanId: a.id, source: "STAFF", dedupeKey: "siti" },
    });
    // A scheduled session is not "held".
    await createEvent(testDb, { officeId: office.id, desaBinaanIds: [a.id], counts: [{ category: "WARGA", male: 99 }] });

    const profile = await findPublicVillage(a.villageCode);
    expect(profile).toMatchObject({ stage: "MENTORING", sessionsHeld: 2, peopleReached: 51, officeName: office.name });
    expect(Object.keys(profile!).sort()).toEqual(
      ["code", "district", "name", "officeName", "officeSlug", "peopleReached", "province", "provinceCode", "regency", "sessionsHeld", "stage"].sort(),
    );
    expect(JSON.stringify(profile)).not.toMatch(/Siti|6281234567890/);
    // Before issue 18 a session for several villages was credited to none of them: the 15
    // Tanjung Raja villages read 0 reached after a sosialisasi attended by 19 officials.
    expect(await findPublicVillage(b.villageCode)).toMatchObject({ sessionsHeld: 1, peopleReached: 41 });
  });

  it("hides villages that are only proposed", async () => {
    const office = await createOffice(testDb, { provinceCode: "33", workArea: ["33.14"] });
    const proposed = await createDesaBinaan(testDb, { officeId: office.id });
    expect(await findPublicVillage(proposed.villageCode)).toBeNull();
  });
});

describe("public village list", () => {
  it("searches by name or code prefix, filters by province and pages", async () => {
    const office = await createOffice(testDb, { provinceCode: "62", workArea: ["62.02"] });
    const villages = [];
    for (let i = 0; i < 3; i++) villages.push(await createDesaBinaan(testDb, { officeId: office.id, stage: "MENTORING" }));
    const first = villages[0]!;
    const name = (await testDb.village.findUniqueOrThrow({ where: { code: first.villageCode } })).name;

    const byCode = await findPublicVillagePage({ query: first.villageCode });
    expect(byCode.villages.map((v) => v.code)).toEqual([first.villageCode]);
    const byName = await findPublicVillagePage({ query: name.toLowerCase(), provinceCode: "62" });
    expect(byName.villages.map((v) => v.code)).toContain(first.villageCode);
    expect(byName.villages.every((v) => v.provinceCode === "62")).toBe(true);
    expect((await findPublicVillagePage({ query: name, provinceCode: "11" })).villages.map((v) => v.code)).not.toContain(first.villageCode);

    const all = await findPublicVillagePage({ provinceCode: "62" }, 2);
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.villages).toHaveLength(2);
    const second = await findPublicVillagePage({ provinceCode: "62", page: 2 }, 2);
    expect(second.page).toBe(2);
    expect(second.villages.map((v) => v.code)).not.toContain(all.villages[0]!.code);
    // A page past the end shows the last one rather than nothing.
    expect((await findPublicVillagePage({ provinceCode: "62", page: 999 }, 2)).page).toBe(all.pageCount);
  });
});

describe("public material search", () => {
  it("reads a control character in the query as a space instead of failing", async () => {
    await expect(findPublishedMaterials({ language: "ID", query: "paspor\u0000" })).resolves.toBeInstanceOf(Array);
    await expect(findPublishedMaterials({ language: "ID", query: "\u0000" })).resolves.toBeInstanceOf(Array);
  });
});
