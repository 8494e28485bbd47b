import { beforeAll, describe, expect, it } from "vitest";
import { createAccount, setAccountActive } from "@/lib/features/users/mutations";
import { createAccountSchema } from "@/lib/features/users/schemas";
import { uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const input = (over: Record<string, unknown> = {}) =>
  createAccountSchema.parse({
    name: "Petugas Baru",
    email: `baru.${uniqueSuffix()}@uji.imigrasi.test`,
    role: "OFFICE_OFFICER",
    password: "rahasia-panjang-1",
    ...over,
  });

describe("createAccount", () => {
  it("lets an office admin create an officer of their own office, with an audit entry", async () => {
    const created = await createAccount(w.adminA, input());
    const user = await testDb.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.officeId).toBe(w.officeA.id);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await testDb.auditLog.findFirst({ where: { entityId: created.id, action: "user.create" } });
    expect(audit?.actorId).toBe(w.adminA.id);
  });

  it("ignores an office id an office admin sends: the account lands in their own office", async () => {
    const created = await createAccount(w.adminA, input({ officeId: w.officeB.id }));
    const user = await testDb.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.officeId).toBe(w.officeA.id);
  });

  it("creates a village account only for a village of the same office", async () => {
    expect(await outcome(createAccount(w.adminA, input({ role: "VILLAGE", desaBinaanId: w.villageA.id })))).toBe("OK");
    const email = `desa.${uniqueSuffix()}@uji.imigrasi.test`;
    expect(
      await outcome(createAccount(w.adminA, input({ email, role: "VILLAGE", desaBinaanId: w.villageB.id }))),
    ).toBe("VALIDATION");
    expect(await testDb.user.count({ where: { email } })).toBe(0);
  });

  it("refuses every role that may not manage accounts, and office admins creating admins", async () => {
    for (const actor of [w.officerA, w.regionalA, w.villageUserA]) {
      expect(await outcome(createAccount(actor, input()))).toBe("FORBIDDEN");
    }
    expect(await outcome(createAccount(w.adminA, input({ role: "OFFICE_ADMIN" })))).toBe("FORBIDDEN");
  });

  it("lets the national admin create an office admin for any office", async () => {
    const created = await createAccount(w.national, input({ role: "OFFICE_ADMIN", officeId: w.officeB.id }));
    const user = await testDb.user.findUniqueOrThrow({ where: { id: created.id } });
    expect([user.role, user.officeId]).toEqual(["OFFICE_ADMIN", w.officeB.id]);
  });

  it("answers a taken email with a field error and writes nothing", async () => {
    const before = await testDb.auditLog.count();
    const result = await outcome(createAccount(w.adminA, input({ email: w.officerA.email })));
    expect(result).toBe("CONFLICT");
    expect(await testDb.auditLog.count()).toBe(before);
  });
});

describe("setAccountActive", () => {
  it("disables and re-enables an officer of the admin's own office", async () => {
    await setAccountActive(w.adminA, { userId: w.officerA.id, active: false });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: w.officerA.id } })).active).toBe(false);
    await setAccountActive(w.adminA, { userId: w.officerA.id, active: true });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: w.officerA.id } })).active).toBe(true);
  });

  it("answers not found for another office's account and for a fellow admin", async () => {
    expect(await outcome(setAccountActive(w.adminA, { userId: w.officerB.id, active: false }))).toBe("NOT_FOUND");
    expect(await outcome(setAccountActive(w.adminB, { userId: w.adminA.id, active: false }))).toBe("NOT_FOUND");
    expect((await testDb.user.findUniqueOrThrow({ where: { id: w.officerB.id } })).active).toBe(true);
  });

  it("does not let an admin disable themselves", async () => {
    expect(await outcome(setAccountActive(w.adminA, { userId: w.adminA.id, active: false }))).toBe("FORBIDDEN");
  });
});
