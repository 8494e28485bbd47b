import { z } from "zod";
import { normalizeIndonesianPhone } from "@/lib/phone";
import { isoDaySchema } from "@/lib/features/villages/schemas";
import { cleanText, optionalText, requiredText } from "@/lib/schema-fields";

// ───────────────────────────── Contacts (narahubung) ─────────────────────────────

export const CONTACT_ROLES = [
  "KEPALA_DESA",
  "SEKRETARIS_DESA",
  "PERANGKAT_DESA",
  "KADER",
  "CAMAT",
  "LURAH",
  "BABINSA",
  "BHABINKAMTIBMAS",
  "TOKOH_MASYARAKAT",
  "LAINNYA",
] as const;

/** An Indonesian number, normalised; a number is kept only with the person's consent (UU PDP). */
const contactPersonFields = {
  name: requiredText(120),
  role: z.enum(CONTACT_ROLES, "validation.required"),
  position: optionalText(120),
  phone: cleanText()
    .max(30, "validation.phone")
    .optional()
    .transform((v) => v ?? ""),
  hasWhatsapp: z.boolean().optional().default(true),
  consent: z.boolean().optional().default(false),
  notes: optionalText(1000, { multiline: true }),
};

/** Shared refinement: the phone must be Indonesian, and consent must be recorded for it. */
function withPhoneRules<T extends z.ZodType<{ phone: string; consent: boolean }>>(schema: T) {
  return schema.superRefine((v, ctx) => {
    if (!v.phone) return;
    if (!normalizeIndonesianPhone(v.phone)) ctx.addIssue({ code: "custom", path: ["phone"], message: "validation.phone" });
    else if (!v.consent) ctx.addIssue({ code: "custom", path: ["consent"], message: "validation.consentRequired" });
  });
}

export const createContactSchema = withPhoneRules(
  z.object({ desaBinaanId: z.uuid(), activeFrom: isoDaySchema, ...contactPersonFields }),
);
export type CreateContactInput = z.input<typeof createContactSchema>;

export const updateContactSchema = withPhoneRules(z.object({ contactId: z.uuid(), ...contactPersonFields }));
export type UpdateContactInput = z.input<typeof updateContactSchema>;

export const endContactSchema = z.object({ contactId: z.uuid(), activeUntil: isoDaySchema });
export type EndContactInput = z.input<typeof endContactSchema>;

/** A handover: the old contact ends the day before `handoverOn`, the new one starts that day. */
export const handoverContactSchema = withPhoneRules(
  z.object({ contactId: z.uuid(), handoverOn: isoDaySchema, ...contactPersonFields }),
);
export type HandoverContactInput = z.input<typeof handoverContactSchema>;

export const deleteContactSchema = z.object({ contactId: z.uuid() });
