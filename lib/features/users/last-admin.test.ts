import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { assertNotLastNationalAdmin } from "@/lib/features/users/mutations";
import { createUser } from "@/lib/factories";
import { localTestDatabaseUrl } from "@/tests/support/test-db";
import { withDatabase } from "@/scripts/lib/db-url";
import { applyMigrations } from "@/scripts/lib/migrate";
import { outcome } from "@/tests/support/world";

/**
 * "The last active national admin" is about the whole database, which other test files share
 * and fill with national admins: this runs on a database of its own.
 */
const base = localTestDatabaseUrl();
const name = `last_admin_${randomBytes(4).toString("hex")}`;
let db: Db;

async function admin(sql: string) {
  const client = new pg.Client(base);
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${name}"`);
  await applyMigrations(withDatabase(base, name));
  db = createPrismaClient(withDatabase(base, name), { max: 4 });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("the last national admin", () => {
  it("cannot be disabled or given another role while no other active national admin exists", async () => {
    const only = await createUser(db, { role: "NATIONAL_ADMIN" });
    const check = () => db.$transaction((tx) => assertNotLastNationalAdmin(tx, only, true));
    expect(await outcome(check())).toBe("CONFLICT");
    await createUser(db, { role: "NATIONAL_ADMIN", active: false });
    expect(await outcome(check())).toBe("CONFLICT");
    await createUser(db, { role: "NATIONAL_ADMIN" });
    expect(await outcome(check())).toBe("OK");
  });

  it("lets only one of two simultaneous demotions of the last two pass", async () => {
    await db.user.updateMany({ where: { role: "NATIONAL_ADMIN" }, data: { active: false } });
    const a = await createUser(db, { role: "NATIONAL_ADMIN" });
    const b = await createUser(db, { role: "NATIONAL_ADMIN" });
    const demote = (target: typeof a) =>
      db.$transaction(async (tx) => {
        await assertNotLastNationalAdmin(tx, target, true);
        await tx.user.update({ where: { id: target.id }, data: { active: false } });
      });
    const results = await Promise.all([outcome(demote(a)), outcome(demote(b))]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
  });
});
