import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/common.json";
import id from "@/lib/i18n/messages/id/common.json";
import { saveWhatsappTemplateSchema } from "@/lib/features/whatsapp/schemas";
import { DEFAULT_TEMPLATES, PLACEHOLDERS, renderTemplate, TEMPLATE_KINDS, templateProblems, type TemplateValues } from "@/lib/features/whatsapp/template";

const values = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `<${p}>`])) as TemplateValues;
const officeId = "00000000-0000-4000-8000-000000000001";

describe("WhatsApp template rendering", () => {
  it("fills every placeholder, Indonesian and English names alike, and keeps the rest as written", () => {
    expect(renderTemplate("Kegiatan *{judul}* di {tempat}, {jam} {zona}.", "INVITATION", values)).toBe("Kegiatan *<judul>* di <tempat>, <jam> <zona>.");
    expect(renderTemplate("{title} in {village} on {date}: {check_in_link}", "REMINDER", values)).toBe("<judul> in <desa> on <tanggal>: <tautan_hadir>");
    expect(renderTemplate("{ Judul } / {DESA}", "INVITATION", values)).toBe("<judul> / <desa>");
    expect(renderTemplate("Materi: {materi}", "FOLLOW_UP", values)).toBe("Materi: <materi>");
  });

  it("has built-in texts in both languages that parse for their kind", () => {
    for (const language of ["ID", "EN"] as const) {
      for (const kind of TEMPLATE_KINDS) {
        expect(templateProblems(DEFAULT_TEMPLATES[language][kind], kind)).toEqual([]);
      }
    }
    expect(DEFAULT_TEMPLATES.ID.FOLLOW_UP).toContain("{materi}");
    expect(DEFAULT_TEMPLATES.EN.INVITATION).toContain("{check_in_link}");
  });

  it("refuses to render a template that does not parse", () => {
    expect(() => renderTemplate("Halo {nama}", "INVITATION", values)).toThrow();
  });
});

describe("WhatsApp template validation", () => {
  it("names each unknown placeholder once, in order", () => {
    expect(templateProblems("{judl} {judul} {nama lengkap} {judl}", "INVITATION")).toEqual([
      { key: "validation.whatsappPlaceholderUnknown", placeholder: "judl" },
      { key: "validation.whatsappPlaceholderUnknown", placeholder: "nama lengkap" },
    ]);
  });

  it("allows the material link only in the follow-up", () => {
    expect(templateProblems("Materi: {materi}", "INVITATION")).toEqual([{ key: "validation.whatsappPlaceholderNotForKind", placeholder: "materi" }]);
    expect(templateProblems("Material: {material}", "REMINDER")).toEqual([{ key: "validation.whatsappPlaceholderNotForKind", placeholder: "material" }]);
    expect(templateProblems("Materi: {materi}", "FOLLOW_UP")).toEqual([]);
  });

  it.each(["Halo {judul", "Halo judul}", "Kosong {}", "{ }", "{{judul}}", "Baris {\njudul}"])("refuses a stray brace in %j", (body) => {
    expect(templateProblems(body, "INVITATION").map((p) => p.key)).toContain("validation.whatsappBrace");
  });

  it("does not take an object's built-in names for placeholders", () => {
    expect(templateProblems("{constructor} {toString} {__proto__}", "INVITATION").map((p) => "placeholder" in p && p.placeholder)).toEqual([
      "constructor",
      "toString",
      "__proto__",
    ]);
  });

  it("reports each problem on the body field with the placeholder as a parameter", () => {
    const result = saveWhatsappTemplateSchema.safeParse({ officeId, kind: "INVITATION", language: "ID", body: "Halo {judl}, {materi}" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message, params: (i as { params?: unknown }).params }))).toEqual([
      { path: ["body"], message: "validation.whatsappPlaceholderUnknown", params: { placeholder: "judl" } },
      { path: ["body"], message: "validation.whatsappPlaceholderNotForKind", params: { placeholder: "materi" } },
    ]);
    expect(saveWhatsappTemplateSchema.safeParse({ officeId, kind: "INVITATION", language: "ID", body: "   " }).error?.issues[0]?.message).toBe("validation.required");
  });

  it("says which placeholder is wrong, in Indonesian and in English", () => {
    const tId = createTranslator({ locale: "id", messages: id });
    const tEn = createTranslator({ locale: "en", messages: en });
    expect(tId("validation.whatsappPlaceholderUnknown", { placeholder: "judl" })).toBe(
      "{judl} bukan isian yang dikenal. Pakai salah satu isian dari daftar, misalnya {judul}.",
    );
    expect(tEn("validation.whatsappPlaceholderUnknown", { placeholder: "judl" })).toBe("{judl} is not a known placeholder. Use one from the list, for example {title}.");
    expect(tId("validation.whatsappPlaceholderNotForKind", { placeholder: "materi" })).toMatch(/^\{materi\} hanya bisa dipakai di pesan tindak lanjut/);
    expect(tEn("validation.whatsappBrace")).toBe("A curly brace { or } does not form a placeholder. Write a whole placeholder such as {title}, or remove the brace.");
    expect(tId("validation.whatsappBrace")).toMatch(/^Ada tanda kurung kurawal \{ atau \} yang/);
  });
});
