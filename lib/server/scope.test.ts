import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PermissionKey } from "@/lib/auth/permissions";
import { desaBinaanScopeSql, desaBinaanWhere, mayActOn, officeScopeSql, officeWhere, type SessionUser } from "@/lib/server/scope";
import { createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const KEYS: PermissionKey[] = ["read:village", "read:office", "update:village", "read:report"];

/** The two representations of a scope must select the same rows (limited to this world's offices). */
describe("scope in raw SQL", () => {
  const users = () => ({ national: w.national, regionalA: w.regionalA, adminA: w.adminA, officerA: w.officerA, villageUserA: w.villageUserA, adminB: w.adminB });
  const mine = () => [w.officeA.id, w.officeB.id];

  it("selects the same offices and desa binaan as the Prisma filters, for every role", async () => {
    let compared = 0;
    for (const [name, user] of Object.entries(users()) as [string, SessionUser][]) {
      for (const key of KEYS) {
        let viaPrisma: Prisma.OfficeWhereInput;
        try {
          viaPrisma = officeWhere(user, key);
        } catch {
          // no scope at all: both must refuse
          expect(await outcome(Promise.resolve().then(() => officeScopeSql(user, key))), `${name} ${key}`).toBe("FORBIDDEN");
          expect(await outcome(Promise.resolve().then(() => desaBinaanScopeSql(user, key))), `${name} ${key}`).toBe("FORBIDDEN");
          continue;
        }
        const offices = (await testDb.office.findMany({ where: { AND: [viaPrisma, { id: { in: mine() } }] }, select: { id: true } })).map((o) => o.id).sort();
        const officesSql = (await testDb.$queryRaw<{ id: string }[]>`SELECT o.id::text FROM office o WHERE ${officeScopeSql(user, key)} AND o.id = ANY(${mine()}::uuid[])`).map((o) => o.id).sort();
        expect(officesSql, `${name} ${key} offices`).toEqual(offices);
        const desa = (await testDb.desaBinaan.findMany({ where: { AND: [desaBinaanWhere(user, key), { officeId: { in: mine() } }] }, select: { id: true } })).map((d) => d.id).sort();
        const desaSql = (await testDb.$queryRaw<{ id: string }[]>`SELECT d.id::text FROM desa_binaan d WHERE ${desaBinaanScopeSql(user, key)} AND d.office_id = ANY(${mine()}::uuid[])`).map((d) => d.id).sort();
        expect(desaSql, `${name} ${key} desa binaan`).toEqual(desa);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(12);
  });
});

/** mayActOn answers for one loaded row what the `where` builders select: held equal here. */
describe("what a user may do with one record", () => {
  it("agrees with desaBinaanWhere for every role, key and village of this world", async () => {
    const users = { national: w.national, regionalA: w.regionalA, adminA: w.adminA, officerA: w.officerA, villageUserA: w.villageUserA, adminB: w.adminB };
    const keys: PermissionKey[] = [...KEYS, "create:contact", "update:contact", "delete:contact"];
    let compared = 0;
    for (const village of [w.villageA, w.villageB]) {
      const office = await testDb.office.findUniqueOrThrow({ where: { id: village.officeId }, select: { kanwilId: true } });
      const place = { officeId: village.officeId, kanwilId: office.kanwilId, desaBinaanIds: [village.id] };
      for (const [name, user] of Object.entries(users) as [string, SessionUser][]) {
        for (const key of keys) {
          let where: Prisma.DesaBinaanWhereInput;
          try {
            where = desaBinaanWhere(user, key);
          } catch {
            expect(mayActOn(user, key, place), `${name} ${key}`).toBe(false);
            continue;
          }
          const selected = (await testDb.desaBinaan.count({ where: { AND: [{ id: village.id }, where] } })) === 1;
          expect(mayActOn(user, key, place), `${name} ${key} ${village.id}`).toBe(selected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
