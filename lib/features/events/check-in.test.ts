import { beforeAll, describe, expect, it } from "vitest";
import { CHECK_IN_LIMITS, handleCheckIn } from "@/lib/features/events/check-in";
import { createEvent, uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const fields = (i: number) => ({ name: `Warga ${i}`, category: "WARGA", origin: "Desa Uji", consent: "on" });

describe("handleCheckIn (the public endpoint's logic)", () => {
  it("limits one address, then lets others through", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true });
    const address = `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;
    const limits = { ...CHECK_IN_LIMITS, perAddress: { max: 3, windowSeconds: 60 } };
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push((await handleCheckIn(event.checkInCode, fields(i), { address }, limits)).status);
    expect(replies).toEqual(["created", "created", "created", "limited", "limited"]);
    expect((await handleCheckIn(event.checkInCode, fields(9), { address: `${address}-other` }, limits)).status).toBe("created");
    expect(await testDb.attendee.count({ where: { eventId: event.id } })).toBe(4);
  });

  it("limits one session across addresses", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true });
    const limits = { ...CHECK_IN_LIMITS, perSession: { max: 2, windowSeconds: 60 } };
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push((await handleCheckIn(event.checkInCode, fields(i), { address: `203.0.113.${i}-${uniqueSuffix()}` }, limits)).status);
    expect(replies).toEqual(["created", "created", "limited"]);
  });

  it("answers closed for a closed, cancelled, unknown or malformed code, and invalid for bad input", async () => {
    const closed = await createEvent(testDb, { officeId: w.officeA.id });
    const open = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true });
    const address = `192.0.2.1-${uniqueSuffix()}`;
    for (const code of [closed.checkInCode, "ZZZZZZZZ", "../../etc", ""]) {
      expect((await handleCheckIn(code, fields(1), { address })).status).toBe("closed");
    }
    const bad = await handleCheckIn(open.checkInCode, { name: "A", category: "WARGA", phone: "12345", consent: "on" }, { address });
    expect(bad).toEqual({ status: "invalid", fieldErrors: { phone: "validation.phone" } });
    const noConsent = await handleCheckIn(open.checkInCode, { name: "A", category: "WARGA" }, { address });
    expect(noConsent).toEqual({ status: "invalid", fieldErrors: { consent: "validation.checkInConsent" } });
    expect(await testDb.attendee.count({ where: { eventId: { in: [closed.id, open.id] } } })).toBe(0);
  });
});
