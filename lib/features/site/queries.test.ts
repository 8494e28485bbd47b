import { describe, expect, it } from "vitest";
import { findPublicVillage, findPublishedMaterials } from "@/lib/features/site/queries";
import { createDesaBinaan, createEvent, createOffice } from "@/lib/factories";
import { testDb } from "@/tests/support/world";

describe("public village profile", () => {
  it("shows counts and stage only, and credits head counts to a village only for its own sessions", async () => {
    const office = await createOffice(testDb, { provinceCode: "33", workArea: ["33.14"] });
    const [a, b] = [
      await createDesaBinaan(testDb, { officeId: office.id, stage: "MENTORING" }),
      await createDesaBinaan(testDb, { officeId: office.id, stage: "DECLARED" }),
    ];
    const held = { officeId: office.id, status: "HELD" as const, startsAt: new Date(Date.now() - 86_400_000) };
    // Own session: 10 counted. Shared session with b: 40 counted, credited to neither.
    await createEvent(testDb, { ...held, desaBinaanIds: [a.id], counts: [{ category: "WARGA", male: 4, female: 6 }] });
    const shared = await createEvent(testDb, { ...held, desaBinaanIds: [a.id, b.id], counts: [{ category: "KEPALA_DESA", unknown: 40 }] });
    await testDb.attendee.create({
      data: { eventId: shared.id, name: "Siti Rahayu", phone: "6281234567890", category: "CPMI", desaBinaanId: a.id, source: "STAFF", dedupeKey: "siti" },
    });
    // A scheduled session is not "held".
    await createEvent(testDb, { officeId: office.id, desaBinaanIds: [a.id], counts: [{ category: "WARGA", male: 99 }] });

    const profile = await findPublicVillage(a.villageCode);
    expect(profile).toMatchObject({ stage: "MENTORING", sessionsHeld: 2, peopleReached: 11, officeName: office.name });
    expect(Object.keys(profile!).sort()).toEqual(
      ["code", "district", "name", "officeName", "peopleReached", "province", "regency", "sessionsHeld", "stage"].sort(),
    );
    expect(JSON.stringify(profile)).not.toMatch(/Siti|6281234567890/);
    expect((await findPublicVillage(b.villageCode))?.peopleReached).toBe(0);
  });

  it("hides villages that are only proposed", async () => {
    const office = await createOffice(testDb, { provinceCode: "33", workArea: ["33.14"] });
    const proposed = await createDesaBinaan(testDb, { officeId: office.id });
    expect(await findPublicVillage(proposed.villageCode)).toBeNull();
  });
});

describe("public material search", () => {
  it("reads a control character in the query as a space instead of failing", async () => {
    await expect(findPublishedMaterials({ language: "ID", query: "paspor\u0000" })).resolves.toBeInstanceOf(Array);
    await expect(findPublishedMaterials({ language: "ID", query: "\u0000" })).resolves.toBeInstanceOf(Array);
  });
});
