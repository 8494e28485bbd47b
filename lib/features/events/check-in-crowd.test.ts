import { beforeAll, describe, expect, it } from "vitest";
import { handleCheckIn } from "@/lib/features/events/check-in";
import { createEvent, uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const person = (i: number) => ({ name: `Warga Balai ${i}`, category: "WARGA", origin: "Desa Uji", consent: "on" });
const deviceId = (i: number) => `d${String(i).padStart(3, "0")}${uniqueSuffix().replace(/[^a-z0-9]/gi, "").toLowerCase()}`.padEnd(22, "x").slice(0, 22);

// Issue 14, item 15: 200 people checking in from one shared mobile address got 60 through and
// 140 refused with 429.
describe("a village hall behind one address", () => {
  it("lets 200 phones check in within a minute", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true });
    const address = `198.51.100.200-${uniqueSuffix()}`;
    const replies = [];
    for (let i = 0; i < 200; i += 20) {
      replies.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, j) => handleCheckIn(event.checkInCode, person(i + j), { address, device: deviceId(i + j) })),
        )),
      );
    }
    expect(replies.filter((r) => r.status === "created")).toHaveLength(200);
  }, 60_000);

  it("still stops one device sending many, and says what to do", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true });
    const address = `198.51.100.201-${uniqueSuffix()}`;
    const device = deviceId(999);
    const replies = [];
    for (let i = 0; i < 15; i++) replies.push(await handleCheckIn(event.checkInCode, person(i), { address, device }));
    expect(replies.filter((r) => r.status === "created").length).toBeLessThanOrEqual(10);
    expect(replies.at(-1)).toMatchObject({ status: "limited", reason: "device" });
  });
});
