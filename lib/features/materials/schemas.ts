import { z } from "zod";

export const MATERIAL_CATEGORY_VALUES = ["TPPO", "TPPM", "MIGRASI_AMAN", "PASPOR", "BEKERJA_PROSEDURAL"] as const;
export const LANGUAGE_VALUES = ["ID", "EN"] as const;

/** Path words the public library uses itself (/materi/kategori/..., /materi/cari). */
const RESERVED_SLUGS = ["kategori", "cari", "baru"];

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "validation.slug")
  .max(120, "validation.tooLong")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "validation.slug")
  .refine((s) => !RESERVED_SLUGS.includes(s), "validation.slugReserved");

const optionalUuid = z
  .union([z.uuid("validation.required"), z.literal("")])
  .transform((v) => v || undefined)
  .optional();

export const materialFieldsSchema = z.object({
  title: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  slug: slugSchema,
  summary: z
    .string()
    .trim()
    .max(300, "validation.tooLong")
    .transform((v) => v || undefined)
    .optional(),
  category: z.enum(MATERIAL_CATEGORY_VALUES, "validation.required"),
  language: z.enum(LANGUAGE_VALUES, "validation.required"),
  body: z.string().trim().min(1, "validation.required").max(50_000, "validation.tooLong"),
});

export const createMaterialSchema = materialFieldsSchema.extend({
  /** Another material this one translates: they then share a translation group. */
  translationOfId: optionalUuid,
});
export type CreateMaterialInput = z.input<typeof createMaterialSchema>;

export const updateMaterialSchema = materialFieldsSchema.extend({ id: z.uuid() });
export type UpdateMaterialInput = z.input<typeof updateMaterialSchema>;

export const setMaterialStatusSchema = z.object({ id: z.uuid(), publish: z.boolean() });

export const previewMaterialSchema = z.object({ body: z.string().max(50_000, "validation.tooLong") });

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

export const uploadMaterialFileSchema = z.object({
  materialId: z.uuid(),
  kind: z.enum(["cover", "attachment"]),
  title: z
    .string()
    .trim()
    .max(200, "validation.tooLong")
    .transform((v) => v || undefined)
    .optional(),
  file: z.instanceof(File, { message: "validation.fileRequired" }).refine((f) => f.size > 0, "validation.fileRequired"),
});

export const removeAttachmentSchema = z.object({ materialId: z.uuid(), fileId: z.uuid() });
