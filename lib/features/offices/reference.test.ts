import { beforeAll, describe, expect, it } from "vitest";
import { updateOfficeProfile } from "@/lib/features/offices/mutations";
import { createOffice, updateKanwil, updateOffice } from "@/lib/features/offices/reference";
import { createOfficeSchema, updateKanwilSchema, updateOfficeProfileSchema, updateOfficeSchema } from "@/lib/features/offices/schemas";
import type { SessionUser } from "@/lib/server/scope";
import { createKanwil as makeKanwil, createUser, uniqueSuffix } from "@/lib/factories";
import { freeRegencies } from "@/tests/support/regencies";
import { asSessionUser, testDb } from "@/tests/support/world";

let national: SessionUser;
let otherAdmin: SessionUser;
beforeAll(async () => {
  national = asSessionUser(await createUser(testDb, { role: "NATIONAL_ADMIN" }));
  otherAdmin = asSessionUser(await createUser(testDb, { role: "NATIONAL_ADMIN" }));
});

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

async function newOffice(regencyCodes: string[] = []) {
  const [r] = await freeRegencies(1);
  const kanwil = await makeKanwil(testDb, { provinceCode: r!.provinceCode });
  const name = `Kantor Imigrasi Kelas II Non TPI Uji ${uniqueSuffix()}`;
  const created = await createOffice(
    national,
    createOfficeSchema.parse({
      name,
      officeClass: "KELAS_II_NON_TPI",
      kanwilId: kanwil.id,
      provinceCode: r!.provinceCode,
      address: "Jl. Uji No. 1",
      phone: "0274 123456",
      email: "kanim.uji@imigrasi.go.id",
      headName: "Kepala Uji",
      regencyCodes,
      effectiveOn: today(),
    }),
  );
  return testDb.office.findUniqueOrThrow({ where: { id: created.id }, include: { workArea: true } });
}

const editOf = (o: { id: string; version: number; name: string; kanwilId: string; provinceCode: string }, extra: Record<string, unknown> = {}) =>
  updateOfficeSchema.parse({
    officeId: o.id,
    version: o.version,
    name: o.name,
    officeClass: "KELAS_II_TPI",
    kanwilId: o.kanwilId,
    provinceCode: o.provinceCode,
    address: "",
    phone: "",
    email: "",
    headName: "",
    ...extra,
  });

describe("creating an office", () => {
  it("stores every field, the work area with its start, and an audit entry", async () => {
    const [r] = await freeRegencies(1);
    const office = await newOffice([r!.code]);
    expect(office).toMatchObject({ officeClass: "KELAS_II_NON_TPI", headName: "Kepala Uji", email: "kanim.uji@imigrasi.go.id", version: 1 });
    expect(office.slug).toMatch(/^kantor-imigrasi-kelas-ii-non-tpi-uji-/);
    expect(office.workArea.map((a) => a.regencyCode)).toEqual([r!.code]);
    const period = await testDb.officeRegencyPeriod.findFirstOrThrow({ where: { officeId: office.id } });
    expect([period.validFrom.toISOString().slice(0, 10), period.validUntil, period.changedById]).toEqual([today(), null, national.id]);
    expect(await testDb.auditLog.count({ where: { entityId: office.id, action: "office.create" } })).toBe(1);
  });

  it("refuses a second office of the same name, whatever its case", async () => {
    const office = await newOffice();
    await expect(
      createOffice(
        national,
        createOfficeSchema.parse({
          name: office.name.toUpperCase(),
          officeClass: "KELAS_I_TPI",
          kanwilId: office.kanwilId,
          provinceCode: office.provinceCode,
          address: "",
          phone: "",
          email: "",
          headName: "",
          regencyCodes: [],
          effectiveOn: today(),
        }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { name: "office.errors.nameTaken" } });
  });

  it("refuses a regency another office holds or one that does not exist, writing nothing", async () => {
    const [r] = await freeRegencies(1);
    await newOffice([r!.code]);
    const name = `Kantor Imigrasi Ditolak ${uniqueSuffix()}`;
    const base = { name, officeClass: "KELAS_I_TPI", kanwilId: (await makeKanwil(testDb, { provinceCode: r!.provinceCode })).id, provinceCode: r!.provinceCode, address: "", phone: "", email: "", headName: "", effectiveOn: today() };
    await expect(createOffice(national, createOfficeSchema.parse({ ...base, regencyCodes: [r!.code] }))).rejects.toMatchObject({
      fieldErrors: { regencyCodes: "office.errors.regencyHeld" },
    });
    await expect(createOffice(national, createOfficeSchema.parse({ ...base, regencyCodes: ["99.98"] }))).rejects.toMatchObject({
      fieldErrors: { regencyCodes: "office.errors.unknownRegency" },
    });
    expect(await testDb.office.count({ where: { name } })).toBe(0);
  });
});

describe("editing an office or a Kanwil at the same time", () => {
  it("saves the first edit and refuses the second with a conflict, not an overwrite", async () => {
    const office = await newOffice();
    const first = editOf(office, { headName: "Kepala Pertama" });
    const second = editOf(office, { headName: "Kepala Kedua" });
    expect(await updateOffice(national, first)).toEqual({ id: office.id, version: 2 });
    await expect(updateOffice(otherAdmin, second)).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { _form: "office.errors.stale" } });
    const stored = await testDb.office.findUniqueOrThrow({ where: { id: office.id } });
    expect([stored.headName, stored.officeClass, stored.version]).toEqual(["Kepala Pertama", "KELAS_II_TPI", 2]);
  });

  it("counts an office admin's profile edit as a newer version", async () => {
    const office = await newOffice();
    const admin = asSessionUser(await createUser(testDb, { role: "OFFICE_ADMIN", officeId: office.id }));
    await updateOfficeProfile(admin, updateOfficeProfileSchema.parse({ officeId: office.id, headName: "Dari Kantor", address: "", phone: "", email: "" }));
    await expect(updateOffice(national, editOf(office))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("does the same for a Kanwil", async () => {
    // Sulawesi Selatan's: no other test file edits it (the matrix edits Jawa Tengah's and Kalimantan Tengah's).
    const kanwil = await makeKanwil(testDb, { provinceCode: "73" });
    const current = await testDb.kanwil.findUniqueOrThrow({ where: { id: kanwil.id } });
    const input = (address: string) =>
      updateKanwilSchema.parse({ kanwilId: current.id, version: current.version, name: current.name, address, phone: "", email: "", headName: "" });
    const first = `Alamat Pertama ${uniqueSuffix()}`;
    await updateKanwil(national, input(first));
    await expect(updateKanwil(otherAdmin, input("Alamat Kedua"))).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await testDb.kanwil.findUniqueOrThrow({ where: { id: kanwil.id } })).address).toBe(first);
  });
});
