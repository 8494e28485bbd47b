import { beforeAll, describe, expect, it } from "vitest";
import { getOverview } from "@/lib/features/home/queries";
import { createEvent } from "@/lib/factories";
import { createTwoOfficeWorld, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
let soonA: string;
let soonB: string;

beforeAll(async () => {
  w = await createTwoOfficeWorld();
  soonA = (await createEvent(testDb, { officeId: w.officeA.id, startsAt: new Date(Date.now() + 2 * 86_400_000) })).id;
  soonB = (await createEvent(testDb, { officeId: w.officeB.id, startsAt: new Date(Date.now() + 2 * 86_400_000) })).id;
  await createEvent(testDb, { officeId: w.officeA.id, status: "HELD", startsAt: new Date(Date.now() - 30 * 86_400_000) });
});

describe("home overview", () => {
  it("gives an office its own figures, coming sessions and name, nothing of another office", async () => {
    const o = await getOverview(w.adminA);
    expect(o.headingName).toBe(w.officeA.name);
    expect(o.officeCount).toBe(1);
    expect(o.villageCount).toBe(1);
    expect(o.heldEvents).toBe(1);
    const ids = o.upcoming.map((e) => e.id);
    expect(ids).toContain(soonA);
    expect(ids).not.toContain(soonB);
    expect(o.upcoming[0]?.startsAt).toBeInstanceOf(Date);
    expect(o.upcoming.find((e) => e.id === soonA)?.office.name).toBe(w.officeA.name);
  });

  it("heads a Kanwil's page with its name and counts its province's offices only", async () => {
    const o = await getOverview(w.regionalA);
    const kanwil = await testDb.kanwil.findUniqueOrThrow({ where: { id: w.officeA.kanwilId }, select: { name: true } });
    expect(o.headingName).toBe(kanwil.name);
    expect(o.upcoming.map((e) => e.id)).not.toContain(soonB);
  });

  it("shows the nation everything", async () => {
    const o = await getOverview(w.national);
    expect(o.headingName).toBeNull();
    expect(o.officeCount).toBeGreaterThanOrEqual(2);
  });
});
