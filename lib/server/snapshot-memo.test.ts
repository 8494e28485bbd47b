import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { currentSnapshot, inSnapshot } from "@/lib/server/snapshot-memo";
import { select, selectTogether } from "@/lib/server/sql";
import { createOffice } from "@/lib/factories";
import { testDb } from "@/tests/support/world";

// Other test files write to the same database while these run, so a snapshot may change between
// any two statements: every assertion about sharing is made only where it provably did not.

const officesNamed = (name: string) => select<{ name: string }>`SELECT name FROM office WHERE name = ${name}`;

describe("results remembered per snapshot", () => {
  it("gives readers in the same snapshot the same result, without running the statement again", async () => {
    const name = `Kantor ${randomUUID()}`;
    let shared = false;
    for (let attempt = 0; attempt < 50 && !shared; attempt++) {
      const before = await currentSnapshot();
      const first = await selectTogether({ offices: officesNamed(name) }, { remember: true });
      const second = await selectTogether({ offices: officesNamed(name) }, { remember: true });
      // no commit anywhere in between: both read `before`, so the second is the first's result
      if ((await currentSnapshot()) === before) {
        expect(second).toBe(first);
        shared = true;
      }
    }
    expect(shared).toBe(true);
  });

  it("never returns a result older than a write that committed before the read", async () => {
    const name = `Kantor ${randomUUID()}`;
    expect((await selectTogether({ offices: officesNamed(name) }, { remember: true })).offices).toEqual([]);
    await createOffice(testDb, { provinceCode: "33", name });
    expect((await selectTogether({ offices: officesNamed(name) }, { remember: true })).offices).toEqual([{ name }]);
  });

  it("keeps statements with other parameters apart (another scope is another statement)", async () => {
    const name = `Kantor ${randomUUID()}`;
    await createOffice(testDb, { provinceCode: "33", name });
    const found = await selectTogether({ offices: officesNamed(name) }, { remember: true });
    const other = await selectTogether({ offices: officesNamed(`${name} lain`) }, { remember: true });
    expect(found.offices).toEqual([{ name }]);
    expect(other.offices).toEqual([]);
  });

  it("freezes what it shares, so no reader can change another's result", async () => {
    const name = `Kantor ${randomUUID()}`;
    await createOffice(testDb, { provinceCode: "33", name });
    const { offices } = await selectTogether({ offices: officesNamed(name) }, { remember: true });
    expect(() => (offices as { name: string }[]).push({ name: "x" })).toThrow(TypeError);
    expect(() => {
      (offices[0] as { name: string }).name = "x";
    }).toThrow(TypeError);
  });

  it("returns the same rows as the statement read without remembering", async () => {
    const name = `Kantor ${randomUUID()}`;
    await createOffice(testDb, { provinceCode: "62", name });
    const statement = () => ({
      offices: select<{ name: string; province: string; n: number }>`
        SELECT o.name, o.province_code AS province, COUNT(*) OVER ()::int AS n FROM office o WHERE o.name = ${name}`,
    });
    expect(await selectTogether(statement(), { remember: true })).toEqual(await selectTogether(statement()));
  });

  it("remembers no failure: a statement that failed runs again next time", async () => {
    const statement = { sql: `SELECT 'failure ${randomUUID()}'`, values: [] };
    let retried = false;
    for (let attempt = 0; attempt < 50 && !retried; attempt++) {
      let runs = 0;
      const run = async () => {
        runs += 1;
        if (runs === 1) throw new Error("the database went away");
        return { rows: "[1]" };
      };
      const before = await currentSnapshot();
      await expect(inSnapshot(statement, run)).rejects.toThrow("the database went away");
      const second = await inSnapshot<{ rows: number[] }>(statement, run);
      // in the same snapshot, a remembered failure would have been thrown again without running
      if ((await currentSnapshot()) === before) {
        expect(runs).toBe(2);
        expect(second.rows).toEqual([1]);
        retried = true;
      }
    }
    expect(retried).toBe(true);
  });
});
