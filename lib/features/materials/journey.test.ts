import { beforeAll, describe, expect, it } from "vitest";
import { createMaterial, setMaterialStatus, updateMaterial } from "@/lib/features/materials/mutations";
import { createMaterialSchema, updateMaterialSchema } from "@/lib/features/materials/schemas";
import { findJourneyMaterials } from "@/lib/features/site/queries";
import { uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const fields = (overrides: Record<string, unknown> = {}) => ({
  title: "Tahap perjalanan",
  slug: `tahap-${uniqueSuffix().toLowerCase()}`,
  category: "MIGRASI_AMAN",
  language: "ID",
  body: "**Daftar periksa**\n- satu",
  ...overrides,
});

async function published(actor = w.adminA, overrides: Record<string, unknown> = {}) {
  const created = await createMaterial(actor, createMaterialSchema.parse(fields(overrides)));
  await setMaterialStatus(w.adminA, { id: created!.id, publish: true });
  return created!;
}

describe("journey stages on material", () => {
  it("an empty stage in the editor is stored as none; an unknown one is refused", () => {
    expect(createMaterialSchema.parse(fields({ journeyStage: "" })).journeyStage).toBeNull();
    expect(createMaterialSchema.parse(fields()).journeyStage).toBeNull();
    expect(createMaterialSchema.safeParse(fields({ journeyStage: "HOLIDAY" })).error?.issues[0]?.message).toBe("validation.invalid");
  });

  it("the journey page lists published material of its language in stage order, not drafts or material without a stage", async () => {
    const home = await published(w.adminA, { journeyStage: "RETURNING" });
    const thinking = await published(w.adminA, { journeyStage: "CONSIDERING" });
    const english = await published(w.adminA, { journeyStage: "ABROAD", language: "EN" });
    const none = await published(w.adminA);
    const draft = await createMaterial(w.adminA, createMaterialSchema.parse(fields({ journeyStage: "PREPARING" })));
    const mine = new Set([home.slug, thinking.slug, english.slug, none.slug, draft!.slug]);
    const id = (await findJourneyMaterials("ID")).filter((m) => mine.has(m.slug));
    expect(id.map((m) => [m.slug, m.journeyStage])).toEqual([
      [thinking.slug, "CONSIDERING"],
      [home.slug, "RETURNING"],
    ]);
    expect((await findJourneyMaterials("EN")).filter((m) => mine.has(m.slug)).map((m) => m.slug)).toEqual([english.slug]);
  });

  it("an officer may not move published material to another stage without an admin", async () => {
    const m = await published(w.adminA, { journeyStage: "DEPARTING" });
    const row = await testDb.material.findUniqueOrThrow({ where: { id: m.id } });
    const edit = updateMaterialSchema.parse({ ...fields(), id: m.id, slug: row.slug, title: row.title, body: row.body, journeyStage: "ABROAD" });
    expect(await outcome(updateMaterial(w.officerA, edit))).toBe("VALIDATION");
    expect(await outcome(updateMaterial(w.adminA, edit))).toBe("OK");
    expect((await testDb.material.findUniqueOrThrow({ where: { id: m.id } })).journeyStage).toBe("ABROAD");
    const audit = await testDb.auditLog.findFirst({ where: { entityId: m.id, action: "material.update" }, orderBy: { at: "desc" } });
    expect(audit?.changes).toMatchObject({ before: { journeyStage: "DEPARTING" }, after: { journeyStage: "ABROAD" } });
  });
});
