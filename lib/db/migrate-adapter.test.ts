/* eslint-disable @typescript-eslint/no-explicit-any -- probes the adapter internals that prisma.config.ts patches */
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MigratePg, pgConfigFromUrl } from "@/prisma.config";
import { localTestDatabaseUrl } from "@/tests/support/test-db";

/**
 * prisma.config.ts runs the migration engine through a subclass of @prisma/adapter-pg that
 * patches its internals (docs/decisions/0001): `config`, `onError`, `underlyingDriver()`,
 * `executeScript()`, `connectToShadowDb()`, and pg's Client.query for introspection. These
 * versions are pinned exactly in package.json; this test is what fails first if an upgrade
 * changes any of it, before `npm run db:diff` silently writes a wrong migration.
 */
const url = localTestDatabaseUrl();
const admin = new pg.Client(url);
const ready = admin.connect();
afterAll(() => admin.end());

const adapter = () => new MigratePg(pgConfigFromUrl(url));

describe("the migration adapter (prisma.config.ts)", () => {
  it("still has the internals it patches", async () => {
    const factory = adapter() as any;
    expect(factory.config).toMatchObject({ database: new URL(url).pathname.slice(1) });
    const connected = (await factory.connect()) as any;
    try {
      expect(typeof connected.onError).toBe("function");
      expect(connected.underlyingDriver()).toBeInstanceOf(pg.Pool);
      expect(typeof connected.executeScript).toBe("function");
    } finally {
      await connected.dispose();
    }
  });

  it("sends a script whole: a PL/pgSQL body and a ';' inside a literal survive", async () => {
    const connected = await adapter().connect();
    const fn = `migrate_probe_${Date.now()}`;
    try {
      await connected.executeScript(`
        CREATE FUNCTION ${fn}() RETURNS text LANGUAGE plpgsql AS $$
        BEGIN
          RETURN 'a;b';
        END;
        $$;
        SELECT 1;`);
      const result = await connected.queryRaw({ sql: `SELECT ${fn}() AS v`, args: [], argTypes: [] });
      expect(result.rows[0]?.[0]).toBe("a;b");
    } finally {
      await connected.executeScript(`DROP FUNCTION IF EXISTS ${fn}()`);
      await connected.dispose();
    }
  });

  it("reads pg_catalog's name and \"char\" columns, as introspection does", async () => {
    const connected = await adapter().connect();
    try {
      const result = await connected.queryRaw({
        sql: "SELECT relname, relkind FROM pg_class WHERE relname = 'pg_class'",
        args: [],
        argTypes: [],
      });
      expect(result.rows[0]).toEqual(["pg_class", "r"]);
    } finally {
      await connected.dispose();
    }
  });

  it("gives `migrate dev` a real, separate shadow database and drops it afterwards", async () => {
    await ready;
    const shadow = await (adapter() as any).connectToShadowDb();
    const name = (await shadow.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] })).rows[0][0] as string;
    expect(name).toMatch(/^prisma_migrate_shadow_db_/);
    expect(name).not.toBe(new URL(url).pathname.slice(1));
    await shadow.dispose();
    const { rows } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    expect(rows).toEqual([]);
  });
});
