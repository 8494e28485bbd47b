import { describe, expect, it } from "vitest";
import { createContact, createDesaBinaan, createEvent, createOffice, createUser } from "@/lib/factories";
import { testDb } from "@/tests/support/world";

// docs/decisions/0021: every committed write to what the figures read bumps its office's count
// in the same transaction; other writes leave the counts alone.

async function versionOf(officeId: string): Promise<bigint> {
  const row = await testDb.figuresVersion.findUnique({ where: { officeId } });
  return row?.version ?? 0n;
}

describe("figures_version", () => {
  it("counts a session, its attendees and its villages under the session's office, and no other", async () => {
    const office = await createOffice(testDb, { provinceCode: "33" });
    const other = await createOffice(testDb, { provinceCode: "33" });
    const otherBefore = await versionOf(other.id);

    const before = await versionOf(office.id);
    const event = await createEvent(testDb, { officeId: office.id, status: "HELD", startsAt: new Date(Date.now() - 86_400_000) });
    const afterEvent = await versionOf(office.id);
    expect(afterEvent).toBeGreaterThan(before);

    await testDb.attendee.create({
      data: { eventId: event.id, name: "Peserta", category: "WARGA", source: "STAFF", dedupeKey: `peserta|${event.id}` },
    });
    const afterAttendee = await versionOf(office.id);
    expect(afterAttendee).toBeGreaterThan(afterEvent);

    await testDb.event.update({ where: { id: event.id }, data: { status: "CANCELLED" } });
    expect(await versionOf(office.id)).toBeGreaterThan(afterAttendee);
    expect(await versionOf(other.id)).toBe(otherBefore);
  });

  it("counts a village moved to another office under both offices", async () => {
    const from = await createOffice(testDb, { provinceCode: "33" });
    const to = await createOffice(testDb, { provinceCode: "33" });
    const village = await createDesaBinaan(testDb, { officeId: from.id });
    const [fromBefore, toBefore] = [await versionOf(from.id), await versionOf(to.id)];
    await testDb.desaBinaan.update({ where: { id: village.id }, data: { officeId: to.id } });
    expect(await versionOf(from.id)).toBeGreaterThan(fromBefore);
    expect(await versionOf(to.id)).toBeGreaterThan(toBefore);
  });

  it("counts a village's new contact under its office (the village list shows how many it has)", async () => {
    const office = await createOffice(testDb, { provinceCode: "33" });
    const village = await createDesaBinaan(testDb, { officeId: office.id });
    const before = await versionOf(office.id);
    await createContact(testDb, { desaBinaanId: village.id });
    expect(await versionOf(office.id)).toBeGreaterThan(before);
  });

  it("leaves the counts alone on writes that no figure reads (accounts, sign-in)", async () => {
    const office = await createOffice(testDb, { provinceCode: "33" });
    const before = await versionOf(office.id);
    const user = await createUser(testDb, { role: "OFFICE_ADMIN", officeId: office.id });
    await testDb.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await versionOf(office.id)).toBe(before);
  });

  it("takes back a bump whose transaction rolls back", async () => {
    const office = await createOffice(testDb, { provinceCode: "33" });
    const before = await versionOf(office.id);
    await expect(
      testDb.$transaction(async (tx) => {
        await createEvent(tx, { officeId: office.id });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await versionOf(office.id)).toBe(before);
  });
});
