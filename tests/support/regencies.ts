import { testDb } from "@/tests/support/world";

/**
 * Regencies no office holds, picked at random so that test files sharing one database (and
 * re-runs on it) do not step on each other. Regencies the demo offices hold are never free.
 * Only in provinces with a Kanwil, so that the provinces without one stay free for Kanwil tests.
 */
export async function freeRegencies(count: number): Promise<{ code: string; name: string; provinceCode: string }[]> {
  const rows = await testDb.$queryRaw<{ code: string; name: string; province_code: string }[]>`
    SELECT r.code, r.name, r.province_code FROM regency r
     WHERE NOT EXISTS (SELECT 1 FROM office_regency o WHERE o.regency_code = r.code)
       -- provinces that have a Kanwil already: the office factory would otherwise create one
       AND EXISTS (SELECT 1 FROM kanwil k WHERE k.province_code = r.province_code)
     ORDER BY random() LIMIT ${count}`;
  if (rows.length < count) throw new Error(`only ${rows.length} free regencies left`);
  return rows.map((r) => ({ code: r.code, name: r.name, provinceCode: r.province_code }));
}

/** A village of `regencyCode` that no office has adopted. */
export async function freeVillageIn(regencyCode: string): Promise<string> {
  const [row] = await testDb.$queryRaw<{ code: string }[]>`
    SELECT v.code FROM village v WHERE v.regency_code = ${regencyCode}
       AND NOT EXISTS (SELECT 1 FROM desa_binaan d WHERE d.village_code = v.code)
     ORDER BY random() LIMIT 1`;
  if (!row) throw new Error(`no free village in ${regencyCode}`);
  return row.code;
}
