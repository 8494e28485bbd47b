import { afterAll, describe, expect, it } from "vitest";
import { createPool, createPrismaClient, PREPARED_PER_CONNECTION } from "@/lib/db/create-client";
import { localTestDatabaseUrl } from "@/tests/support/test-db";

/**
 * The app's connections prepare each parameterised statement once (docs/decisions/0031). One
 * connection per pool here, so that what a statement left behind can be read from
 * pg_prepared_statements on the same connection.
 */
const url = localTestDatabaseUrl();
const pool = createPool(url, 1);
afterAll(() => pool.end());

const preparedTexts = async () =>
  (await pool.query<{ statement: string }>("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")).rows.map((r) => r.statement);

describe("prepared statements per connection", () => {
  it("prepares a statement with values once and reuses it", async () => {
    const text = `SELECT $1::int + 1 AS n /* ${crypto.randomUUID()} */`;
    expect((await pool.query(text, [1])).rows).toEqual([{ n: 2 }]);
    expect((await pool.query(text, [41])).rows).toEqual([{ n: 42 }]);
    expect((await preparedTexts()).filter((t) => t === text)).toHaveLength(1);
  });

  it("leaves a text without values to the simple protocol: several statements still run at once", async () => {
    const text = `SELECT 1; SELECT 2 /* ${crypto.randomUUID()} */`;
    await expect(pool.query(text)).resolves.toBeDefined();
    expect(await preparedTexts()).not.toContain(text);
  });

  it("prepares Prisma's statements too, and reads the same rows as before", async () => {
    const db = createPrismaClient(url, { pool });
    const code = "33";
    const first = await db.province.findUnique({ where: { code }, select: { code: true, name: true } });
    const again = await db.province.findUnique({ where: { code }, select: { code: true, name: true } });
    expect(again).toEqual(first);
    expect(first?.code).toBe(code);
    expect((await preparedTexts()).some((t) => t.includes(`"public"."province"`))).toBe(true);
  });

  it(`keeps at most ${PREPARED_PER_CONNECTION} per connection; later statements still run, unnamed`, async () => {
    const tag = crypto.randomUUID();
    for (let i = 0; i < PREPARED_PER_CONNECTION + 5; i++) {
      expect((await pool.query(`SELECT $1::int AS n /* ${tag} ${i} */`, [i])).rows).toEqual([{ n: i }]);
    }
    const texts = await preparedTexts();
    expect(texts.length).toBeLessThanOrEqual(PREPARED_PER_CONNECTION);
    expect(texts).not.toContain(`SELECT $1::int AS n /* ${tag} ${PREPARED_PER_CONNECTION + 4} */`);
  });

  it("a failed statement leaves the connection usable and can be run again", async () => {
    const text = `SELECT 1 / $1::int AS n /* ${crypto.randomUUID()} */`;
    await expect(pool.query(text, [0])).rejects.toThrow(/division by zero/);
    expect((await pool.query(text, [1])).rows).toEqual([{ n: 1 }]);
  });
});

describe("without prepared statements (DATABASE_PREPARED_STATEMENTS=0)", () => {
  it("sends every statement unnamed", async () => {
    const plain = createPool(url, 1, false);
    try {
      const text = `SELECT $1::int AS n /* ${crypto.randomUUID()} */`;
      await plain.query(text, [1]);
      await plain.query(text, [2]);
      const { rows } = await plain.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1", [text]);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await plain.end();
    }
  });
});
