import { beforeAll, describe, expect, it } from "vitest";
import { importAgencies } from "@/lib/features/agencies/import";
import { findAgencyImports, findCurrentAgencyList, searchLicensedAgencies } from "@/lib/features/agencies/queries";
import { importAgenciesSchema, searchForm } from "@/lib/features/agencies/schemas";
import { uniqueSuffix } from "@/lib/factories";
import type { SessionUser } from "@/lib/server/scope";
import { createTwoOfficeWorld, expectedOutcome, matrixActors, outcome, testDb } from "@/tests/support/world";

/**
 * The agency list is one national list that each import replaces, so everything that imports
 * lives in this one file and runs in order: a second file importing in parallel would replace
 * the list under these assertions.
 */
let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
let national: SessionUser;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
  national = w.national;
});

const input = (csv: string | Buffer, overrides: Partial<{ fileName: string; source: string; sourceDate: string }> = {}) =>
  importAgenciesSchema.parse({
    source: "Daftar uji P3MI",
    sourceDate: "2026-11-30",
    fileName: "p3mi.csv",
    content: Buffer.from(csv).toString("base64"),
    ...overrides,
  });

describe("searchForm", () => {
  it("drops case, accents and punctuation", () => {
    expect(searchForm("PT. Séhat-Jaya  Abadi")).toBe("pt sehat jaya abadi");
    expect(searchForm("pt sehat jaya")).toBe("pt sehat jaya");
  });
});

describe("importing the licensed agency list", () => {
  it("loads a valid list (semicolons, Indonesian headers, quoted fields), replacing the one before, and the public finds names without case or accents", async () => {
    const s = uniqueSuffix();
    const first = `nama,nomor_izin\nPT Lama ${s},LAMA/${s}\n`;
    const before = await importAgencies(national, input(first, { source: "Daftar lama" }));
    expect(before).toEqual({ committed: true, rowCount: 1, errors: [] });

    const csv =
      `Nama;Nomor Izin;Alamat;Provinsi\n` +
      `PT Sinar Jaya ${s};B.123/${s};"Jl. Merdeka; No. 5, Sragen";Jawa Tengah\n` +
      `PT Bintang Éxport ${s};B.124/${s};;\n` +
      `\n`;
    const report = await importAgencies(national, input(csv, { source: "Daftar P3MI uji", sourceDate: "2026-11-28" }));
    expect(report).toEqual({ committed: true, rowCount: 2, errors: [] });

    expect(await findCurrentAgencyList()).toMatchObject({ source: "Daftar P3MI uji", rowCount: 2, sourceDate: new Date("2026-11-28T00:00:00Z") });
    expect(await searchLicensedAgencies(`sinar JAYA ${s}`)).toEqual([
      { name: `PT Sinar Jaya ${s}`, licenceNumber: `B.123/${s}`, address: "Jl. Merdeka; No. 5, Sragen", province: "Jawa Tengah" },
    ]);
    expect(await searchLicensedAgencies(`pt. bintang export ${s}`)).toHaveLength(1);
    // The earlier list is replaced: its agency is gone, its batch stays as a record.
    expect(await searchLicensedAgencies(`PT Lama ${s}`)).toEqual([]);
    const batches = await findAgencyImports(national);
    expect(batches.slice(0, 2).map((b) => [b.source, b.rowCount, b.importedBy?.name])).toEqual([
      ["Daftar P3MI uji", 2, national.name],
      ["Daftar lama", 1, national.name],
    ]);
    const audit = await testDb.auditLog.findFirst({ where: { action: "agency.import", entityId: batches[0]!.id } });
    expect(audit).toMatchObject({ actorId: national.id, entityType: "agency_import" });
    // One character is not a search.
    expect(await searchLicensedAgencies("p")).toEqual([]);
  });

  it("writes nothing when one line is wrong, and names every wrong line by its number", async () => {
    const s = uniqueSuffix();
    await importAgencies(national, input(`nama,nomor_izin\nPT Tetap ${s},TETAP/${s}\n`));
    const batchesBefore = await testDb.agencyImport.count();
    const csv =
      `nama,nomor_izin,alamat\n` +
      `PT Baik ${s},A/1/${s},Jl. Satu\n` + // line 2
      `,A/2/${s},Jl. Dua\n` + // line 3: no name
      `PT Ganda ${s},a/1/${s},\n` + // line 4: the licence of line 2 again
      `PT Tanpa Izin ${s},,\n`; // line 5: no licence number
    const report = await importAgencies(national, input(csv));
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual([
      { line: 3, key: "field", values: { field: "name", message: "validation.required" } },
      { line: 4, key: "duplicateLicence", values: { number: `a/1/${s}`, line: "2" } },
      { line: 5, key: "field", values: { field: "licenceNumber", message: "validation.required" } },
    ]);
    expect(await testDb.agencyImport.count()).toBe(batchesBefore);
    expect(await testDb.licensedAgency.count({ where: { name: { contains: s } } })).toBe(1);
    expect(await searchLicensedAgencies(`PT Tetap ${s}`)).toHaveLength(1);
  });

  it("refuses a file without the required columns, an unclosed quote, another encoding, and a file too large", async () => {
    expect((await importAgencies(national, input("perusahaan;alamat\nPT X;Jl. Y\n"))).errors).toEqual([
      { line: 1, key: "missingColumn", values: { column: "licenceNumber" } },
    ]);
    const unclosed = await importAgencies(national, input(`nama,nomor_izin\nPT A,1\n"PT B,2\n`));
    expect(unclosed).toMatchObject({ committed: false, errors: [{ key: "unreadable" }] });
    const latin1 = await importAgencies(national, input(Buffer.from("nama,nomor_izin\nPT S\xe9hat,1\n", "latin1")));
    expect(latin1.errors).toEqual([{ line: null, key: "notUtf8" }]);
    expect((await importAgencies(national, input("nama,nomor_izin\n"))).errors).toEqual([{ line: null, key: "empty" }]);
    const big = `nama,nomor_izin\n${"PT Besar Sekali,1\n".repeat(70_000)}`;
    expect(importAgenciesSchema.safeParse({ source: "x", sourceDate: "2026-11-30", fileName: "p3mi.csv", content: Buffer.from(big).toString("base64") }).success).toBe(false);
    await expect(importAgencies(national, input("nama,nomor_izin\nPT A,1\n", { fileName: "p3mi.xlsx" }))).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("refuses a list dated in the future and a missing source", () => {
    const csv = Buffer.from("nama,nomor_izin\nPT A,1\n").toString("base64");
    const base = { source: "Daftar", sourceDate: "2026-11-30", fileName: "p3mi.csv", content: csv };
    expect(importAgenciesSchema.safeParse({ ...base, sourceDate: "2999-01-01" }).success).toBe(false);
    expect(importAgenciesSchema.safeParse({ ...base, source: "  " }).error?.issues[0]?.message).toBe("validation.required");
  });
});

/** Derived from the permission map (tests/support/world.ts): only the national admin keeps the list. */
describe("authorization matrix: the agency list", () => {
  const cases = [
    {
      name: "import the list",
      run: (actor: SessionUser) => importAgencies(actor, input(`nama,nomor_izin\nPT Matriks ${uniqueSuffix()},M/${uniqueSuffix()}\n`)),
    },
    { name: "see the imports", run: (actor: SessionUser) => findAgencyImports(actor) },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      for (const [who, actor] of Object.entries(matrixActors(w))) {
        expect([who, await outcome(c.run(actor))]).toEqual([who, expectedOutcome(actor, "manage:agency", "own")]);
      }
    });
  }
  it("leaves the list unchanged when refused", async () => {
    const before = await testDb.agencyImport.count();
    await outcome(importAgencies(w.adminA, input(`nama,nomor_izin\nPT Ditolak,D/1\n`)));
    expect(await testDb.agencyImport.count()).toBe(before);
  });
});
