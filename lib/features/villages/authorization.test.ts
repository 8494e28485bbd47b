import { beforeAll, describe, expect, it } from "vitest";
import { scopeFor, type PermissionKey } from "@/lib/auth/permissions";
import { findAuditEntries } from "@/lib/features/audit/queries";
import {
  createContact,
  deleteContact,
  endContact,
  handoverContact,
  updateContact,
} from "@/lib/features/contacts/mutations";
import {
  createContactSchema,
  endContactSchema,
  handoverContactSchema,
  updateContactSchema,
} from "@/lib/features/contacts/schemas";
import { changeStage, registerVillage, updateVillage } from "@/lib/features/villages/mutations";
import { findVillages, getVillage, searchVillages } from "@/lib/features/villages/queries";
import {
  changeStageSchema,
  parseVillageListFilter,
  registerVillageSchema,
  updateVillageSchema,
} from "@/lib/features/villages/schemas";
import type { SessionUser } from "@/lib/server/scope";
import { createContact as makeContact, createDesaBinaan, freeUniqueVillage } from "@/lib/factories";
import { createTwoOfficeWorld, outcome, testDb, expectedOutcome, matrixActors, type Side } from "@/tests/support/world";

/**
 * The role x own/other matrix for every village and contact action, derived from the permission
 * map: no permission -> FORBIDDEN; scope "any" or the actor's own side -> OK; otherwise the
 * other office's record is NOT_FOUND, even though its id is handed straight to the data layer.
 */
let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const actors = () => matrixActors(w);

const expected = expectedOutcome;

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86400_000).toISOString().slice(0, 10);

/** A fresh desa binaan on each side, so mutations in one case do not disturb another. */
async function freshVillage(side: Side) {
  const officeId = side === "own" ? w.officeA.id : w.officeB.id;
  return createDesaBinaan(testDb, { officeId, history: { effectiveOn: new Date(`${daysAgo(30)}T00:00:00Z`) } });
}
async function freshContact(side: Side) {
  const desa = side === "own" ? w.villageA : w.villageB;
  return makeContact(testDb, { desaBinaanId: desa.id, activeFrom: new Date(`${daysAgo(30)}T00:00:00Z`) });
}

const person = { name: "Narahubung Matriks", role: "KADER", phone: "0812-3456-7890", consent: true };

const cases: { name: string; key: PermissionKey; run: (actor: SessionUser, side: Side) => Promise<unknown> }[] = [
  {
    name: "read a village page",
    key: "read:village",
    run: (a, side) => getVillage(a, side === "own" ? w.villageA.id : w.villageB.id),
  },
  {
    name: "find a village in the list",
    key: "read:village",
    run: async (a, side) => {
      const target = side === "own" ? w.villageA : w.villageB;
      const { rows } = await findVillages(a, parseVillageListFilter({ office: target.officeId }));
      if (!rows.some((r) => r.id === target.id)) throw Object.assign(new Error(), { code: "NOT_FOUND" });
    },
  },
  {
    name: "update a village profile",
    key: "update:village",
    run: async (a, side) =>
      updateVillage(a, updateVillageSchema.parse({ id: (await freshVillage(side)).id, selectionReason: "Diperbarui" })),
  },
  {
    name: "change a village's stage",
    key: "update:village",
    run: async (a, side) =>
      changeStage(
        a,
        changeStageSchema.parse({ id: (await freshVillage(side)).id, toStage: "SOCIALISED", effectiveOn: today() }),
      ),
  },
  {
    name: "add a contact",
    key: "create:contact",
    run: (a, side) =>
      createContact(
        a,
        createContactSchema.parse({ desaBinaanId: (side === "own" ? w.villageA : w.villageB).id, activeFrom: today(), ...person }),
      ),
  },
  {
    name: "edit a contact",
    key: "update:contact",
    run: async (a, side) =>
      updateContact(a, updateContactSchema.parse({ contactId: (await freshContact(side)).id, ...person })),
  },
  {
    name: "end a contact",
    key: "update:contact",
    run: async (a, side) =>
      endContact(a, endContactSchema.parse({ contactId: (await freshContact(side)).id, activeUntil: today() })),
  },
  {
    name: "hand a contact over",
    key: "update:contact",
    run: async (a, side) =>
      handoverContact(
        a,
        handoverContactSchema.parse({ contactId: (await freshContact(side)).id, handoverOn: today(), ...person }),
      ),
  },
  {
    name: "delete a contact",
    key: "delete:contact",
    run: async (a, side) => deleteContact(a, { contactId: (await freshContact(side)).id }),
  },
];

describe("village and contact authorization matrix", () => {
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

  it("writes nothing when another office's contact id is forced into an edit", async () => {
    const contact = await freshContact("other");
    const before = await testDb.auditLog.count({ where: { entityId: contact.id } });
    expect(await outcome(updateContact(w.adminA, updateContactSchema.parse({ contactId: contact.id, ...person })))).toBe(
      "NOT_FOUND",
    );
    const after = await testDb.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(after.name).toBe(contact.name);
    expect(await testDb.auditLog.count({ where: { entityId: contact.id } })).toBe(before);
  });

  it("does not let a village account touch another village of its own office", async () => {
    const sibling = await freshVillage("own");
    const contact = await makeContact(testDb, { desaBinaanId: sibling.id });
    expect(await outcome(getVillage(w.villageUserA, sibling.id))).toBe("NOT_FOUND");
    expect(await outcome(updateContact(w.villageUserA, updateContactSchema.parse({ contactId: contact.id, ...person })))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("registering a desa binaan", () => {
  const freeVillageIn = async (regencyCode: string) => {
    const [row] = await testDb.$queryRaw<{ code: string }[]>`
      SELECT v.code FROM village v WHERE v.regency_code = ${regencyCode}
        AND NOT EXISTS (SELECT 1 FROM desa_binaan d WHERE d.village_code = v.code)
      ORDER BY random() LIMIT 1`;
    if (!row) throw new Error(`no free village in ${regencyCode}`);
    return row.code;
  };
  const input = (villageCode: string) =>
    registerVillageSchema.parse({ villageCode, selectionReason: "Pekerja migran terbanyak", migrantWorkerCount: "120" });

  for (const role of ["national", "regional", "officeAdmin", "officer", "village"] as const) {
    it(`${role}: a free village of office A's work area`, async () => {
      const actor = actors()[role];
      const code = await freeVillageIn("33.14");
      const result = await outcome(registerVillage(actor, input(code)));
      expect(result).toBe(scopeFor(actor.role, "create:village") ? "OK" : "FORBIDDEN");
      expect(await testDb.desaBinaan.count({ where: { villageCode: code } })).toBe(result === "OK" ? 1 : 0);
    });
  }

  it("refuses a village outside the work area (another office's) with a field error, writing nothing", async () => {
    const code = await freeVillageIn("62.02");
    const before = await testDb.auditLog.count();
    await expect(registerVillage(w.officerA, input(code))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { villageCode: "villages.errors.outsideWorkArea" },
    });
    expect(await testDb.desaBinaan.count({ where: { villageCode: code } })).toBe(0);
    expect(await testDb.auditLog.count()).toBe(before);
  });

  it("refuses a village already adopted, by this office or another", async () => {
    await expect(registerVillage(w.adminA, input(w.villageA.villageCode))).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { villageCode: "villages.errors.alreadyAdopted" },
    });
    // an office whose work area overlaps B's, trying to take B's village
    const rival = await testDb.officeRegency.create({ data: { officeId: w.officeA.id, regencyCode: "62.02" } });
    try {
      await expect(registerVillage(w.adminA, input(w.villageB.villageCode))).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await testDb.desaBinaan.findUniqueOrThrow({ where: { villageCode: w.villageB.villageCode } })).officeId).toBe(
        w.officeB.id,
      );
    } finally {
      await testDb.officeRegency.delete({ where: { officeId_regencyCode: { officeId: rival.officeId, regencyCode: "62.02" } } });
    }
  });

  it("records the first timeline row, the officers and an audit entry", async () => {
    const code = await freeVillageIn("33.14");
    const created = await registerVillage(
      w.adminA,
      registerVillageSchema.parse({
        villageCode: code,
        selectionReason: "Usulan Pemkab",
        isDesaMigranEmas: true,
        whatsappGroupUrl: "https://chat.whatsapp.com/AbCdEfGhIjKlMnOp12",
        officerIds: [w.officerA.id],
      }),
    );
    const desa = await testDb.desaBinaan.findUniqueOrThrow({
      where: { id: created.id },
      include: { stageHistory: true, officers: true },
    });
    expect(desa.officeId).toBe(w.officeA.id);
    expect(desa.stageHistory.map((s) => [s.fromStage, s.toStage, s.changedById])).toEqual([[null, "PROPOSED", w.adminA.id]]);
    expect(desa.officers.map((o) => o.userId)).toEqual([w.officerA.id]);
    const audit = await testDb.auditLog.findFirst({ where: { entityId: created.id, action: "desa_binaan.create" } });
    expect([audit?.entityType, audit?.officeId, audit?.actorId]).toEqual(["desa_binaan", w.officeA.id, w.adminA.id]);
  });

  it("refuses an officer of another office as PIMPASA", async () => {
    const code = await freeVillageIn("33.14");
    await expect(
      registerVillage(w.adminA, registerVillageSchema.parse({ villageCode: code, selectionReason: "x", officerIds: [w.officerB.id] })),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { officerIds: "validation.officerNotInOffice" } });
    expect(await testDb.desaBinaan.count({ where: { villageCode: code } })).toBe(0);
  });
});

describe("village search for registration", () => {
  it("finds namesakes with their places, work area first, and hides who adopted another office's village", async () => {
    const rare = await freeUniqueVillage(testDb, "62.02");
    const other = await createDesaBinaan(testDb, { officeId: w.officeB.id, villageCode: rare.code });
    const results = await searchVillages(w.adminA, rare.name);
    const hit = results.find((r) => r.code === rare.code);
    expect(hit).toMatchObject({ inWorkArea: false, adoption: { by: "other" } });
    expect(JSON.stringify(hit)).not.toContain(other.id);
    expect(JSON.stringify(hit)).not.toContain(w.officeB.id);
    expect(hit?.regency).toBeTruthy();

    const ownName = (await testDb.village.findUniqueOrThrow({ where: { code: w.villageA.villageCode } })).name;
    const own = (await searchVillages(w.adminA, ownName)).find((r) => r.code === w.villageA.villageCode);
    expect(own).toMatchObject({ inWorkArea: true, adoption: { by: "own", id: w.villageA.id } });
  });

  it("treats % and _ as letters and needs three characters", async () => {
    expect(await searchVillages(w.adminA, "%%%")).toEqual([]);
    expect(await searchVillages(w.adminA, "___")).toEqual([]);
    expect(await searchVillages(w.adminA, "ab")).toEqual([]);
  });

  it("finds Cemeng in Sambungmacan, Sragen", async () => {
    const results = await searchVillages(w.adminA, "Cemeng");
    expect(results.some((r) => r.code === "33.14.07.2003" && /Sambungmacan/i.test(r.district) && /Sragen/i.test(r.regency))).toBe(true);
  });

  it("is refused to roles that cannot register", async () => {
    for (const actor of [w.national, w.regionalA, w.villageUserA]) {
      expect(await outcome(searchVillages(actor, "Cemeng"))).toBe("FORBIDDEN");
    }
  });
});

describe("audit log visibility", () => {
  it("shows an office admin its own office's entries, Kanwil its region's, national all; others nothing", async () => {
    const contact = await freshContact("other");
    await updateContact(w.adminB, updateContactSchema.parse({ contactId: contact.id, ...person, name: "Diubah B" }));
    const seen = async (actor: SessionUser) => {
      const { rows } = await findAuditEntries(actor, { entity: "contact", entityId: contact.id, page: 1 });
      return rows.length;
    };
    expect(await seen(w.national)).toBe(1);
    expect(await seen(w.adminB)).toBe(1);
    expect(await seen(w.adminA)).toBe(0);
    expect(await seen(w.regionalA)).toBe(0);
    expect(await outcome(seen(w.officerA))).toBe("FORBIDDEN");
    expect(await outcome(seen(w.villageUserA))).toBe("FORBIDDEN");

    const ownContact = await freshContact("own");
    await endContact(w.officerA, endContactSchema.parse({ contactId: ownContact.id, activeUntil: today() }));
    const regional = await findAuditEntries(w.regionalA, { entity: "contact", entityId: ownContact.id, page: 1 });
    expect(regional.rows.map((r) => [r.action, r.actorName])).toEqual([["contact.end", w.officerA.name]]);
  });
});
