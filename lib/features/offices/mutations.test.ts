import { beforeAll, describe, expect, it } from "vitest";
import { updateOfficeProfile } from "@/lib/features/offices/mutations";
import { updateOfficeProfileSchema } from "@/lib/features/offices/schemas";
import { createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const input = (officeId: string) =>
  updateOfficeProfileSchema.parse({ officeId, headName: "Kepala <b>Baru</b>", address: "", phone: "0271 123456", email: "" });

describe("updateOfficeProfile", () => {
  it("lets an office admin edit their own office, stores text as typed, and audits it", async () => {
    expect(await outcome(updateOfficeProfile(w.adminA, input(w.officeA.id)))).toBe("OK");
    const office = await testDb.office.findUniqueOrThrow({ where: { id: w.officeA.id } });
    expect(office.headName).toBe("Kepala <b>Baru</b>");
    expect(office.address).toBeNull();
    const audit = await testDb.auditLog.findFirst({ where: { entityId: w.officeA.id, action: "office.update" } });
    expect(audit?.changes).toMatchObject({ after: { headName: "Kepala <b>Baru</b>", phone: "0271 123456" } });
  });

  it("answers not found for another office and forbidden for roles that may not edit", async () => {
    expect(await outcome(updateOfficeProfile(w.adminA, input(w.officeB.id)))).toBe("NOT_FOUND");
    expect(await outcome(updateOfficeProfile(w.officerA, input(w.officeA.id)))).toBe("FORBIDDEN");
    expect(await outcome(updateOfficeProfile(w.regionalA, input(w.officeA.id)))).toBe("FORBIDDEN");
    expect(await outcome(updateOfficeProfile(w.villageUserA, input(w.officeA.id)))).toBe("FORBIDDEN");
    const untouched = await testDb.office.findUniqueOrThrow({ where: { id: w.officeB.id } });
    expect(untouched.headName).toBeNull();
  });

  it("rejects a phone that is not a phone and an invalid email", () => {
    const result = updateOfficeProfileSchema.safeParse({
      officeId: w.officeA.id,
      headName: "",
      address: "",
      phone: "abc",
      email: "x@",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).sort()).toEqual(["validation.email", "validation.phone"]);
  });
});
