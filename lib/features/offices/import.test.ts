import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { commitOfficeImport, previewOfficeImport } from "@/lib/features/offices/import";
import { importOfficesSchema } from "@/lib/features/offices/schemas";
import type { SessionUser } from "@/lib/server/scope";
import { createKanwil, createOffice, createUser, uniqueSuffix } from "@/lib/factories";
import { freeRegencies } from "@/tests/support/regencies";
import { asSessionUser, testDb } from "@/tests/support/world";

let national: SessionUser;
beforeAll(async () => {
  national = asSessionUser(await createUser(testDb, { role: "NATIONAL_ADMIN" }));
});

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const csvInput = (csv: string) =>
  importOfficesSchema.parse({ fileName: "kantor.csv", content: Buffer.from(csv).toString("base64"), effectiveOn: today() });

async function xlsxInput(rows: string[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Kantor");
  for (const row of rows) sheet.addRow(row);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return importOfficesSchema.parse({ fileName: "kantor.xlsx", content: buffer.toString("base64"), effectiveOn: today() });
}

/** Two free regencies of one province that has a Kanwil, and unique office names. */
async function setting() {
  const [a, b, c] = await freeRegencies(3);
  const kanwil = await createKanwil(testDb, { provinceCode: a!.provinceCode });
  const suffix = uniqueSuffix();
  return { a: a!, b: b!, c: c!, kanwil, one: `Kantor Imigrasi Impor Satu ${suffix}`, two: `Kantor Imigrasi Impor Dua ${suffix}` };
}

describe("importing offices", () => {
  it("previews a valid CSV (semicolons, Indonesian headers) without writing, then commits all rows", async () => {
    const s = await setting();
    const csv =
      `Nama;Kelas;Kanwil;Alamat;Telepon;Email;Kepala;Wilayah Kerja\n` +
      `${s.one};Kelas I TPI;${s.kanwil.provinceCode};"Jl. Satu; No. 1";0274 111111;satu@imigrasi.go.id;Kepala Satu;${s.a.code}, ${s.b.code}\n` +
      `${s.two};Kelas II Non TPI;${s.kanwil.name};;;;;${s.c.code}\n`;
    const preview = await previewOfficeImport(national, csvInput(csv));
    expect(preview.fileErrors).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.name, r.officeClass, r.errors])).toEqual([
      [2, s.one, "KELAS_I_TPI", []],
      [3, s.two, "KELAS_II_NON_TPI", []],
    ]);
    expect(preview).toMatchObject({ valid: true, committed: false });
    expect(await testDb.office.count({ where: { name: { in: [s.one, s.two] } } })).toBe(0);

    const result = await commitOfficeImport(national, csvInput(csv));
    expect(result).toMatchObject({ valid: true, committed: true, created: 2 });
    const one = await testDb.office.findUniqueOrThrow({ where: { name: s.one }, include: { workArea: true } });
    expect(one).toMatchObject({ address: "Jl. Satu; No. 1", phone: "0274 111111", headName: "Kepala Satu", kanwilId: s.kanwil.id });
    expect(one.workArea.map((w) => w.regencyCode).sort()).toEqual([s.a.code, s.b.code].sort());
    expect(await testDb.officeRegencyPeriod.count({ where: { officeId: one.id, validUntil: null } })).toBe(2);
  });

  it("reads XLSX the same way", async () => {
    const s = await setting();
    const input = await xlsxInput([
      ["name", "class", "kanwil", "work area"],
      [s.one, "KELAS_II_TPI", s.kanwil.provinceCode, s.a.code],
    ]);
    const result = await commitOfficeImport(national, input);
    expect(result).toMatchObject({ committed: true, created: 1 });
    expect((await testDb.office.findUniqueOrThrow({ where: { name: s.one } })).officeClass).toBe("KELAS_II_TPI");
  });

  it("rejects unknown regencies, duplicate offices and a regency claimed twice row by row, writing nothing", async () => {
    const s = await setting();
    const existing = await createOffice(testDb, { provinceCode: s.kanwil.provinceCode, workArea: [s.c.code] });
    const csv =
      `nama,kelas,kanwil,wilayah_kerja\n` +
      `${s.one},Kelas I TPI,${s.kanwil.provinceCode},${s.a.code};99.99\n` +
      `${s.two},Kelas I TPI,${s.kanwil.provinceCode},${s.a.code}\n` +
      `${s.one},Kelas I TPI,${s.kanwil.provinceCode},${s.b.code}\n` +
      `${existing.name},Kelas I TPI,${s.kanwil.provinceCode},${s.c.code}\n` +
      `Kantor Imigrasi Tanpa Kelas ${uniqueSuffix()},Kelas III,Kanwil Entah,${s.b.code}\n`;
    const before = await testDb.office.count();
    const auditsBefore = await testDb.auditLog.count({ where: { action: "office.create" } });
    const result = await commitOfficeImport(national, csvInput(csv));
    expect(result).toMatchObject({ valid: false, committed: false, created: 0 });
    const errors = Object.fromEntries(result.rows.map((r) => [r.line, r.errors.map((e) => [e.key, e.values ?? {}])]));
    expect(errors[2]).toEqual([["unknownRegency", { code: "99.99" }]]);
    expect(errors[3]).toEqual([["regencyTwice", { code: s.a.code, line: "2" }]]);
    expect(errors[4]).toEqual([["duplicateOffice", { line: "2" }]]);
    expect(errors[5]).toEqual([
      ["regencyHeld", { code: s.c.code, office: existing.name }],
      ["officeExists", { name: existing.name }],
    ]);
    expect(errors[6]).toEqual([
      ["officeClass", { value: "Kelas III" }],
      ["unknownKanwil", { value: "Kanwil Entah" }],
      ["regencyTwice", { code: s.b.code, line: "4" }],
    ]);
    expect(await testDb.office.count()).toBe(before);
    expect(await testDb.auditLog.count({ where: { action: "office.create" } })).toBe(auditsBefore);
  });

  it("names missing columns, an empty file and a file that is neither CSV nor XLSX", async () => {
    expect((await previewOfficeImport(national, csvInput("nama,alamat\n"))).fileErrors.map((e) => e.values?.column)).toEqual([
      "officeClass",
      "kanwil",
      "workArea",
    ]);
    expect((await previewOfficeImport(national, csvInput("nama,kelas,kanwil,wilayah kerja\n"))).fileErrors).toEqual([{ key: "empty" }]);
    await expect(
      previewOfficeImport(national, importOfficesSchema.parse({ fileName: "kantor.pdf", content: "JVBERi0=", effectiveOn: today() })),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { fileName: "office.import.fileType" } });
    await expect(
      previewOfficeImport(national, importOfficesSchema.parse({ fileName: "kantor.xlsx", content: Buffer.from("bukan xlsx").toString("base64"), effectiveOn: today() })),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { content: "office.import.unreadable" } });
  });
});
