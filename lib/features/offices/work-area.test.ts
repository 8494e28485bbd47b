import { beforeAll, describe, expect, it } from "vitest";
import { changeWorkAreaSchema } from "@/lib/features/offices/schemas";
import { changeWorkArea, previewWorkAreaChange } from "@/lib/features/offices/work-area";
import { createDesaBinaan, createOffice, createUser } from "@/lib/factories";
import { freeRegencies, freeVillageIn } from "@/tests/support/regencies";
import { asSessionUser, outcome, testDb } from "@/tests/support/world";
import type { SessionUser } from "@/lib/server/scope";

let national: SessionUser;
beforeAll(async () => {
  national = asSessionUser(await createUser(testDb, { role: "NATIONAL_ADMIN" }));
});

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const version = async (id: string) => (await testDb.office.findUniqueOrThrow({ where: { id } })).version;
const input = async (officeId: string, regencyCodes: string[], extra: Record<string, unknown> = {}) =>
  changeWorkAreaSchema.parse({ officeId, version: await version(officeId), regencyCodes, effectiveOn: today(), ...extra });

/** Office "old" holds two regencies with a desa binaan in each; "new" holds one of its own. */
async function scene() {
  const [r1, r2, r3] = await freeRegencies(3);
  const old = await createOffice(testDb, { provinceCode: r1!.provinceCode, workArea: [r1!.code, r2!.code] });
  const fresh = await createOffice(testDb, { provinceCode: r3!.provinceCode, workArea: [r3!.code] });
  const v1 = await createDesaBinaan(testDb, { officeId: old.id, villageCode: await freeVillageIn(r1!.code) });
  const v2 = await createDesaBinaan(testDb, { officeId: old.id, villageCode: await freeVillageIn(r2!.code) });
  const villager = await createUser(testDb, { role: "VILLAGE", officeId: old.id, desaBinaanId: v1.id });
  const officer = await createUser(testDb, { role: "OFFICE_OFFICER", officeId: old.id });
  await testDb.desaBinaanOfficer.create({ data: { desaBinaanId: v1.id, userId: officer.id } });
  return { r1: r1!, r2: r2!, r3: r3!, old, fresh, v1, v2, villager };
}

describe("changing a work area", () => {
  it("previews which desa binaan move, from which office to which, and writes nothing", async () => {
    const s = await scene();
    const plan = await previewWorkAreaChange(national, await input(s.fresh.id, [s.r3.code, s.r1.code]));
    expect(plan.added).toEqual([{ code: s.r1.code, name: s.r1.name, from: [{ id: s.old.id, name: s.old.name }] }]);
    expect(plan.removed).toEqual([]);
    expect(plan.blocked).toEqual([]);
    expect(plan.moves.map((m) => [m.id, m.from.id, m.to.id])).toEqual([[s.v1.id, s.old.id, s.fresh.id]]);
    expect((await testDb.desaBinaan.findUniqueOrThrow({ where: { id: s.v1.id } })).officeId).toBe(s.old.id);
  });

  it("moves the regency, its desa binaan and village accounts in one go, with history and audit", async () => {
    const s = await scene();
    const preview = await previewWorkAreaChange(national, await input(s.fresh.id, [s.r3.code, s.r1.code]));
    const result = await changeWorkArea(
      national,
      await input(s.fresh.id, [s.r3.code, s.r1.code], { expectedMoves: preview.moves.map((m) => m.id) }),
    );
    expect(result.moved).toBe(1);
    expect((await testDb.desaBinaan.findUniqueOrThrow({ where: { id: s.v1.id } })).officeId).toBe(s.fresh.id);
    expect((await testDb.desaBinaan.findUniqueOrThrow({ where: { id: s.v2.id } })).officeId).toBe(s.old.id);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: s.villager.id } })).officeId).toBe(s.fresh.id);
    expect(await testDb.desaBinaanOfficer.count({ where: { desaBinaanId: s.v1.id } })).toBe(0);
    const holders = await testDb.officeRegency.findMany({ where: { regencyCode: s.r1.code } });
    expect(holders.map((h) => h.officeId)).toEqual([s.fresh.id]);

    const periods = await testDb.officeRegencyPeriod.findMany({ where: { regencyCode: s.r1.code }, orderBy: { createdAt: "asc" } });
    expect(periods.map((p) => [p.officeId, p.validUntil?.toISOString().slice(0, 10) ?? null])).toEqual([
      [s.old.id, today()],
      [s.fresh.id, null],
    ]);
    const transfers = await testDb.desaBinaanTransfer.findMany({ where: { desaBinaanId: s.v1.id }, orderBy: { createdAt: "asc" } });
    expect(transfers.map((t) => [t.fromOfficeId, t.toOfficeId, t.changedById])).toEqual([
      [null, s.old.id, null],
      [s.old.id, s.fresh.id, national.id],
    ]);
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { entityId: s.fresh.id, action: "office.work_area_change" } });
    expect(audit.changes).toMatchObject({ after: { regencyCodes: [s.r1.code], movedVillages: [{ id: s.v1.id, from: s.old.name }] } });
    expect(await testDb.auditLog.count({ where: { entityId: s.old.id, action: "office.work_area_transfer_out" } })).toBe(1);
    expect(await version(s.old.id)).toBe(s.old.version + 1);
  });

  it("refuses to give up a regency that still has the office's desa binaan, writing nothing", async () => {
    const s = await scene();
    const plan = await previewWorkAreaChange(national, await input(s.old.id, [s.r1.code]));
    expect(plan.blocked).toEqual([{ code: s.r2.code, name: s.r2.name, villages: 1 }]);
    await expect(changeWorkArea(national, await input(s.old.id, [s.r1.code]))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { regencyCodes: "office.errors.wouldOrphan" },
    });
    expect(await testDb.officeRegency.count({ where: { officeId: s.old.id } })).toBe(2);
  });

  it("gives the second of two concurrent editors a conflict", async () => {
    const s = await scene();
    const first = await input(s.fresh.id, [s.r3.code, s.r1.code]);
    const second = await input(s.fresh.id, [s.r3.code, s.r2.code]);
    await changeWorkArea(national, first);
    await expect(changeWorkArea(national, second)).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { _form: "office.errors.stale" } });
    expect((await testDb.desaBinaan.findUniqueOrThrow({ where: { id: s.v2.id } })).officeId).toBe(s.old.id);
  });

  it("refuses to confirm when the villages that would move differ from the preview", async () => {
    const s = await scene();
    await expect(
      changeWorkArea(national, await input(s.fresh.id, [s.r3.code, s.r1.code], { expectedMoves: [] })),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { _form: "office.errors.planChanged" } });
    expect((await testDb.desaBinaan.findUniqueOrThrow({ where: { id: s.v1.id } })).officeId).toBe(s.old.id);
  });

  it("refuses a date before the current responsibility began, an unknown regency, an empty area", async () => {
    const s = await scene();
    await expect(
      changeWorkArea(national, await input(s.fresh.id, [s.r3.code, s.r1.code], { effectiveOn: "2020-01-01" })),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { effectiveOn: "office.errors.effectiveTooEarly" } });
    await expect(changeWorkArea(national, await input(s.fresh.id, ["99.99"]))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { regencyCodes: "office.errors.unknownRegency" },
    });
    expect(changeWorkAreaSchema.safeParse({ officeId: s.fresh.id, version: 1, regencyCodes: [], effectiveOn: today() }).success).toBe(false);
    expect(await outcome(changeWorkArea(national, await input(s.fresh.id, [s.r3.code])))).toBe("OK");
  });
});
