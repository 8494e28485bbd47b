import { z } from "zod";
import { cleanText, optionalId, optionalText, requiredText } from "@/lib/schema-fields";

export const MATERIAL_CATEGORY_VALUES = ["TPPO", "TPPM", "MIGRASI_AMAN", "PASPOR", "BEKERJA_PROSEDURAL"] as const;
export const LANGUAGE_VALUES = ["ID", "EN"] as const;
/** The stages of a migrant worker's journey, in the order they are lived (/perjalanan, ADR 0027). */
export const JOURNEY_STAGE_VALUES = ["CONSIDERING", "PREPARING", "DEPARTING", "ABROAD", "RETURNING"] as const;

/** Path words the public library uses itself (/materi/kategori/..., /materi/cari). */
const RESERVED_SLUGS = ["kategori", "cari", "baru"];

export const slugSchema = cleanText()
  .toLowerCase()
  .min(3, "validation.slug")
  .max(120, "validation.tooLong")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "validation.slug")
  .refine((s) => !RESERVED_SLUGS.includes(s), "validation.slugReserved");

const optionalUuid = optionalId;

export const materialFieldsSchema = z.object({
  title: requiredText(200),
  slug: slugSchema,
  summary: optionalText(300, { multiline: true }),
  category: z.enum(MATERIAL_CATEGORY_VALUES, "validation.required"),
  language: z.enum(LANGUAGE_VALUES, "validation.required"),
  /** Optional: the journey stage this material guides; empty = not on the journey page. */
  journeyStage: z
    .union([z.enum(JOURNEY_STAGE_VALUES), z.literal(""), z.null()], "validation.invalid")
    .optional()
    .transform((v) => v || null),
  body: requiredText(50_000, { multiline: true }),
});

export const createMaterialSchema = materialFieldsSchema.extend({
  /** Another material this one translates: they then share a translation group. */
  translationOfId: optionalUuid,
});
export type CreateMaterialInput = z.input<typeof createMaterialSchema>;

export const updateMaterialSchema = materialFieldsSchema.extend({ id: z.uuid() });
export type UpdateMaterialInput = z.input<typeof updateMaterialSchema>;

export const setMaterialStatusSchema = z.object({ id: z.uuid(), publish: z.boolean() });

export const publishRevisionSchema = z.object({ materialId: z.uuid(), revisionId: z.uuid() });

export const previewMaterialSchema = z.object({ body: cleanText({ multiline: true }).max(50_000, "validation.tooLong") });

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const MAX_PDF_BYTES = 10 * 1024 * 1024;
/** A spoken version of a text: a few minutes of speech is well under this at any sensible bitrate. */
export const MAX_AUDIO_BYTES = 8 * 1024 * 1024;
export const AUDIO_TYPES = ["audio/mpeg", "audio/mp4", "audio/ogg"] as const;

export const uploadMaterialFileSchema = z.object({
  materialId: z.uuid(),
  kind: z.enum(["cover", "attachment", "audio"]),
  title: optionalText(200),
  file: z.instanceof(File, { message: "validation.fileRequired" }).refine((f) => f.size > 0, "validation.fileRequired"),
});

export const removeAttachmentSchema = z.object({ materialId: z.uuid(), fileId: z.uuid() });
