import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMaterialFile,
  createMaterial,
  setMaterialStatus,
  updateMaterial,
} from "@/lib/features/materials/mutations";
import { findMaterials, findPublicFile, getMaterial } from "@/lib/features/materials/queries";
import { createMaterialSchema, updateMaterialSchema, uploadMaterialFileSchema } from "@/lib/features/materials/schemas";
import { findPublishedMaterial, findPublishedMaterials } from "@/lib/features/site/queries";
import { uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const draft = (overrides: Record<string, unknown> = {}) =>
  createMaterialSchema.parse({
    title: "Waspada calo",
    slug: `waspada-calo-${uniqueSuffix().toLowerCase()}`,
    category: "TPPO",
    language: "ID",
    body: "Isi **materi**.",
    ...overrides,
  });

// A 1x1 PNG and the start of a PDF: enough bytes for the type checks.
const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("material lifecycle", () => {
  it("creates a draft for the officer's office with a first revision, invisible to the public", async () => {
    const created = await createMaterial(w.officerA, draft());
    const material = await testDb.material.findUniqueOrThrow({ where: { id: created.id }, include: { revisions: true } });
    expect(material).toMatchObject({ officeId: w.officeA.id, status: "DRAFT", authorId: w.officerA.id });
    expect(material.revisions).toHaveLength(1);
    expect(await findPublishedMaterial(material.slug)).toBeNull();
    expect((await findPublishedMaterials({ language: "ID", query: material.slug })).map((m) => m.slug)).not.toContain(material.slug);
  });

  it("lets only an admin publish; unpublishing hides it again", async () => {
    const { id, slug } = await createMaterial(w.officerA, draft());
    expect(await outcome(setMaterialStatus(w.officerA, { id, publish: true }))).toBe("FORBIDDEN");
    expect(await outcome(setMaterialStatus(w.adminB, { id, publish: true }))).toBe("NOT_FOUND");
    expect(await findPublishedMaterial(slug)).toBeNull();

    expect(await outcome(setMaterialStatus(w.adminA, { id, publish: true }))).toBe("OK");
    expect((await findPublishedMaterial(slug))?.title).toBe("Waspada calo");

    expect(await outcome(setMaterialStatus(w.adminA, { id, publish: false }))).toBe("OK");
    expect(await findPublishedMaterial(slug)).toBeNull();
    const audit = await testDb.auditLog.findMany({ where: { entityId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["material.create", "material.publish", "material.unpublish"]);
  });

  it("lets the national admin write national material and publish any office's", async () => {
    const national = await createMaterial(w.national, draft());
    expect((await testDb.material.findUniqueOrThrow({ where: { id: national.id } })).officeId).toBeNull();
    const officeOwned = await createMaterial(w.officerB, draft());
    expect(await outcome(setMaterialStatus(w.national, { id: officeOwned.id, publish: true }))).toBe("OK");
  });

  it("never lets an office edit another office's or the national material", async () => {
    const ofB = await createMaterial(w.officerB, draft());
    const national = await createMaterial(w.national, draft());
    for (const target of [ofB, national]) {
      const edit = updateMaterialSchema.parse({ ...draft(), slug: target.slug, id: target.id, title: "Diubah" });
      expect(await outcome(updateMaterial(w.officerA, edit))).toBe("NOT_FOUND");
      expect(await outcome(updateMaterial(w.adminA, edit))).toBe("NOT_FOUND");
    }
    expect(await outcome(updateMaterial(w.regionalA, updateMaterialSchema.parse({ ...draft(), id: ofB.id })))).toBe("FORBIDDEN");
    expect((await testDb.material.findUniqueOrThrow({ where: { id: ofB.id } })).title).toBe("Waspada calo");
    // Office B's draft is not even listed for office A; national material is, read-only.
    const listed = (await findMaterials(w.officerA)).map((m) => m.id);
    expect(listed).not.toContain(ofB.id);
    expect(listed).toContain(national.id);
    expect(await outcome(getMaterial(w.officerA, ofB.id))).toBe("NOT_FOUND");
    expect((await getMaterial(w.officerA, national.id)).can).toEqual({ edit: false, publish: false });
  });

  it("keeps a revision per text change and refuses a taken slug", async () => {
    const created = await createMaterial(w.officerA, draft());
    const edit = updateMaterialSchema.parse({ ...draft(), id: created.id, slug: created.slug, body: "Isi baru." });
    await updateMaterial(w.officerA, edit);
    await updateMaterial(w.officerA, edit); // unchanged: no new revision
    expect(await testDb.materialRevision.count({ where: { materialId: created.id } })).toBe(2);

    const other = await createMaterial(w.officerA, draft());
    const clash = updateMaterialSchema.parse({ ...draft(), id: other.id, slug: created.slug });
    await expect(updateMaterial(w.officerA, clash)).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { slug: "validation.slugTaken" } });
  });

  it("links a translation into the original's group, one per language", async () => {
    const original = await createMaterial(w.officerA, draft());
    const english = await createMaterial(w.officerA, draft({ language: "EN", translationOfId: original.id }));
    const [a, b] = await Promise.all(
      [original.id, english.id].map((id) => testDb.material.findUniqueOrThrow({ where: { id } })),
    );
    expect(b!.translationGroupId).toBe(a!.translationGroupId);
    await expect(createMaterial(w.officerA, draft({ language: "EN", translationOfId: original.id }))).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("serves files publicly only once their material is published, and checks the bytes", async () => {
    const { id } = await createMaterial(w.officerA, draft());
    const upload = (file: File, kind: "cover" | "attachment") =>
      addMaterialFile(w.officerA, uploadMaterialFileSchema.parse({ materialId: id, kind, file }));
    const cover = await upload(new File([PNG], "sampul.png", { type: "image/png" }), "cover");
    const pdf = await upload(new File([PDF], "panduan.pdf", { type: "application/pdf" }), "attachment");
    // A script renamed to .png, and a PNG posing as a PDF, are refused.
    await expect(upload(new File(["<script>alert(1)</script>"], "x.png", { type: "image/png" }), "cover")).rejects.toMatchObject({
      fieldErrors: { file: "validation.imageType" },
    });
    await expect(upload(new File([PNG], "x.pdf", { type: "application/pdf" }), "attachment")).rejects.toMatchObject({
      fieldErrors: { file: "validation.pdfType" },
    });
    expect(await findPublicFile(cover.fileId)).toBeNull();
    expect(await findPublicFile(pdf.fileId)).toBeNull();
    await setMaterialStatus(w.adminA, { id, publish: true });
    expect((await findPublicFile(cover.fileId))?.mimeType).toBe("image/png");
    expect((await findPublicFile(pdf.fileId))?.mimeType).toBe("application/pdf");
    expect((await testDb.storedFile.findUniqueOrThrow({ where: { id: cover.fileId } })).width).toBe(1);
    expect(await findPublicFile("not-a-uuid")).toBeNull();
  });

  it("keeps one audio recording per material, replacing the old one, public once published (issue 18)", async () => {
    const { id } = await createMaterial(w.officerA, draft());
    const opus = readFileSync("lib/seed/data/audio/bekerja-ke-luar-negeri-secara-prosedural.opus");
    const upload = (file: File) => addMaterialFile(w.officerA, uploadMaterialFileSchema.parse({ materialId: id, kind: "audio", file }));
    await expect(upload(new File([PDF], "suara.mp3", { type: "audio/mpeg" }))).rejects.toMatchObject({ fieldErrors: { file: "validation.audioType" } });
    const first = await upload(new File([opus], "suara.opus", { type: "audio/ogg" }));
    const second = await upload(new File([opus], "suara-baru.opus", { type: "audio/ogg" }));
    // The first recording's bytes went with it.
    expect(await testDb.storedFile.findUnique({ where: { id: first.fileId } })).toBeNull();
    expect(await findPublicFile(second.fileId)).toBeNull();
    await setMaterialStatus(w.adminA, { id, publish: true });
    expect((await findPublicFile(second.fileId))?.mimeType).toBe("audio/ogg");
    const page = await findPublishedMaterial((await testDb.material.findUniqueOrThrow({ where: { id } })).slug);
    expect(page?.audioFile).toMatchObject({ id: second.fileId, byteSize: opus.byteLength, mimeType: "audio/ogg" });
    expect(page?.audioFile?.durationMs).toBeGreaterThan(20_000);
  });
});
