import { beforeAll, describe, expect, it } from "vitest";
import * as mutations from "@/lib/features/materials/mutations";
import { createMaterialSchema, updateMaterialSchema } from "@/lib/features/materials/schemas";
import { findPublishedMaterial } from "@/lib/features/site/queries";
import { uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

async function publishedMaterial() {
  const fields = { title: "Waspada calo", slug: `waspada-${uniqueSuffix().toLowerCase()}`, category: "TPPO", language: "ID", body: "Teks terbit." };
  const { id, slug } = (await mutations.createMaterial(w.officerA, createMaterialSchema.parse(fields)))!;
  await mutations.setMaterialStatus(w.adminA, { id, publish: true });
  return { id, slug, fields };
}

// Issue 14, item 11: an OFFICE_OFFICER, who may not publish, changed a published page's text
// through updateMaterialAction and the public saw it at once.
describe("an officer's edit of published material", () => {
  it("becomes a revision awaiting an admin; the public keeps the published text", async () => {
    const { id, slug, fields } = await publishedMaterial();
    const result = await mutations.updateMaterial(w.officerA, updateMaterialSchema.parse({ ...fields, id, body: "Teks palsu dari petugas." }));
    expect(result).toMatchObject({ pendingReview: true });
    expect((await findPublishedMaterial(slug))?.body).toBe("Teks terbit.");
    const pending = await testDb.materialRevision.findFirstOrThrow({ where: { materialId: id, pending: true } });
    expect(pending.body).toBe("Teks palsu dari petugas.");
  });

  it("is published by an office admin, and only then reaches the public", async () => {
    const { id, slug, fields } = await publishedMaterial();
    await mutations.updateMaterial(w.officerA, updateMaterialSchema.parse({ ...fields, id, body: "Teks baru yang benar." }));
    const pending = await testDb.materialRevision.findFirstOrThrow({ where: { materialId: id, pending: true } });
    expect(await outcome(mutations.publishRevision(w.officerA, { materialId: id, revisionId: pending.id }))).toBe("FORBIDDEN");
    expect(await outcome(mutations.publishRevision(w.adminB, { materialId: id, revisionId: pending.id }))).toBe("NOT_FOUND");
    expect(await outcome(mutations.publishRevision(w.adminA, { materialId: id, revisionId: pending.id }))).toBe("OK");
    expect((await findPublishedMaterial(slug))?.body).toBe("Teks baru yang benar.");
    expect(await testDb.materialRevision.count({ where: { materialId: id, pending: true } })).toBe(0);
  });

  it("may not move the published page (slug, category, language)", async () => {
    const { id, fields } = await publishedMaterial();
    const moved = updateMaterialSchema.parse({ ...fields, id, slug: `lain-${uniqueSuffix().toLowerCase()}` });
    expect(await outcome(mutations.updateMaterial(w.officerA, moved))).toBe("VALIDATION");
  });

  it("leaves an admin's own edit live at once", async () => {
    const { id, slug, fields } = await publishedMaterial();
    await mutations.updateMaterial(w.adminA, updateMaterialSchema.parse({ ...fields, id, body: "Perbaikan admin." }));
    expect((await findPublishedMaterial(slug))?.body).toBe("Perbaikan admin.");
  });
});
