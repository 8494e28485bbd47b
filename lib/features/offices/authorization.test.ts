import { beforeAll, describe, expect, it } from "vitest";
import type { PermissionKey } from "@/lib/auth/permissions";
import { commitOfficeImport, previewOfficeImport } from "@/lib/features/offices/import";
import { createKanwil, createOffice, updateKanwil, updateOffice } from "@/lib/features/offices/reference";
import {
  changeWorkAreaSchema,
  createKanwilSchema,
  createOfficeSchema,
  importOfficesSchema,
  updateKanwilSchema,
  updateOfficeSchema,
} from "@/lib/features/offices/schemas";
import { changeWorkArea, previewWorkAreaChange } from "@/lib/features/offices/work-area";
import type { SessionUser } from "@/lib/server/scope";
import { uniqueSuffix } from "@/lib/factories";
import { freeRegencies } from "@/tests/support/regencies";
import { createTwoOfficeWorld, outcome, testDb, expectedOutcome, matrixActors, type Side } from "@/tests/support/world";

/**
 * The role x own/other matrix for every organisation action, derived from the permission map as
 * lib/features/villages/authorization.test.ts does: no permission -> FORBIDDEN; scope "any" or
 * the actor's own side -> OK; otherwise NOT_FOUND. "Own" is the actor's office and its Kanwil
 * (office A, Jawa Tengah), "other" office B and its Kanwil (Kalimantan Tengah).
 */
let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const actors = () => matrixActors(w);

const expected = expectedOutcome;

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const office = (side: Side) => (side === "own" ? w.officeA : w.officeB);

async function officeInput(side: Side) {
  const o = await testDb.office.findUniqueOrThrow({ where: { id: office(side).id } });
  return updateOfficeSchema.parse({
    officeId: o.id,
    version: o.version,
    name: o.name,
    officeClass: o.officeClass,
    kanwilId: o.kanwilId,
    provinceCode: o.provinceCode,
    address: "Jl. Matriks No. 1",
    phone: "",
    email: "",
    headName: "",
  });
}

async function kanwilInput(side: Side) {
  const k = await testDb.kanwil.findUniqueOrThrow({ where: { id: office(side).kanwilId } });
  return updateKanwilSchema.parse({ kanwilId: k.id, version: k.version, name: k.name, address: "Jl. Matriks No. 2", phone: "", email: "", headName: "" });
}

async function workAreaInput(side: Side) {
  const o = await testDb.office.findUniqueOrThrow({ where: { id: office(side).id }, include: { workArea: true } });
  return changeWorkAreaSchema.parse({ officeId: o.id, version: o.version, regencyCodes: o.workArea.map((r) => r.regencyCode), effectiveOn: today() });
}

async function importInput() {
  const [regency] = await freeRegencies(1);
  const csv = `nama,kelas,kanwil,wilayah_kerja\nKantor Imigrasi Matriks ${uniqueSuffix()},Kelas II Non TPI,${w.officeA.provinceCode},${regency!.code}\n`;
  return importOfficesSchema.parse({ fileName: "kantor.csv", content: Buffer.from(csv).toString("base64"), effectiveOn: today() });
}

const cases: { name: string; key: PermissionKey; run: (actor: SessionUser, side: Side) => Promise<unknown> }[] = [
  {
    name: "create a Kanwil",
    key: "manage:kanwil",
    run: async (a) => {
      const province = await testDb.province.findFirst({ where: { kanwil: null }, orderBy: { code: "desc" } });
      if (!province) throw new Error("no province without a Kanwil left for this test");
      const created = await createKanwil(a, createKanwilSchema.parse({ provinceCode: province.code, name: `Kanwil Matriks ${uniqueSuffix()}`, address: "", phone: "", email: "", headName: "" }));
      // Leave the province free for the next case and the next run.
      await testDb.kanwil.delete({ where: { id: created.id } });
    },
  },
  { name: "edit a Kanwil", key: "manage:kanwil", run: async (a, side) => updateKanwil(a, await kanwilInput(side)) },
  {
    name: "create an office",
    key: "manage:office",
    run: (a, side) =>
      createOffice(
        a,
        createOfficeSchema.parse({
          name: `Kantor Imigrasi Matriks ${uniqueSuffix()}`,
          officeClass: "KELAS_II_NON_TPI",
          kanwilId: office(side).kanwilId,
          provinceCode: office(side).provinceCode,
          address: "",
          phone: "",
          email: "",
          headName: "",
          regencyCodes: [],
          effectiveOn: today(),
        }),
      ),
  },
  { name: "edit an office", key: "manage:office", run: async (a, side) => updateOffice(a, await officeInput(side)) },
  { name: "preview a work-area change", key: "manage:office", run: async (a, side) => previewWorkAreaChange(a, await workAreaInput(side)) },
  { name: "change a work area", key: "manage:office", run: async (a, side) => changeWorkArea(a, await workAreaInput(side)) },
  { name: "preview an office import", key: "manage:office", run: async (a) => previewOfficeImport(a, await importInput()) },
  {
    name: "commit an office import",
    key: "manage:office",
    run: async (a) => {
      const report = await commitOfficeImport(a, await importInput());
      if (!report.committed) throw new Error(JSON.stringify(report));
    },
  },
];

describe("organisation authorization matrix", () => {
  for (const c of cases) {
    for (const role of ["national", "regional", "officeAdmin", "officer", "village"] as const) {
      for (const side of ["own", "other"] as const) {
        it(`${c.name}: ${role}, ${side} side`, async () => {
          const actor = actors()[role];
          expect(await outcome(c.run(actor, side))).toBe(expected(actor, c.key, side));
        });
      }
    }
  }

  it("leaves a forbidden edit without a trace", async () => {
    const before = await testDb.office.findUniqueOrThrow({ where: { id: w.officeA.id } });
    const audits = await testDb.auditLog.count({ where: { entityId: w.officeA.id } });
    expect(await outcome(updateOffice(w.adminA, await officeInput("own")))).toBe("FORBIDDEN");
    const after = await testDb.office.findUniqueOrThrow({ where: { id: w.officeA.id } });
    expect([after.version, after.address]).toEqual([before.version, before.address]);
    expect(await testDb.auditLog.count({ where: { entityId: w.officeA.id } })).toBe(audits);
  });
});
