import { beforeAll, describe, expect, it } from "vitest";
import { findOffices, getOffice } from "@/lib/features/offices/queries";
import { createTwoOfficeWorld, outcome } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

describe("office visibility", () => {
  it("shows an office to its own staff and hides every other office as not found", async () => {
    expect(await outcome(getOffice(w.adminA, w.officeA.id))).toBe("OK");
    expect(await outcome(getOffice(w.officerA, w.officeA.id))).toBe("OK");
    expect(await outcome(getOffice(w.adminA, w.officeB.id))).toBe("NOT_FOUND");
    expect(await outcome(getOffice(w.officerB, w.officeA.id))).toBe("NOT_FOUND");
  });

  it("lets a Kanwil see the offices of its province only", async () => {
    expect(await outcome(getOffice(w.regionalA, w.officeA.id))).toBe("OK");
    expect(await outcome(getOffice(w.regionalA, w.officeB.id))).toBe("NOT_FOUND");
    const ids = (await findOffices(w.regionalA)).map((o) => o.id);
    expect(ids).toContain(w.officeA.id);
    expect(ids).not.toContain(w.officeB.id);
  });

  it("lets the national admin see every office", async () => {
    const ids = (await findOffices(w.national)).map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining([w.officeA.id, w.officeB.id]));
  });

  it("gives a village account no office pages", async () => {
    expect(await outcome(getOffice(w.villageUserA, w.officeA.id))).toBe("FORBIDDEN");
  });

  it("treats a malformed id as not found rather than a database error", async () => {
    expect(await outcome(getOffice(w.national, "not-a-uuid"))).toBe("NOT_FOUND");
  });
});
