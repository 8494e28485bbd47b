import { z } from "zod";
import { cleanText } from "@/lib/schema-fields";

/** A Kemendagri village code, dotted: 33.14.09.2005. */
export const villageCodeSchema = z.string("validation.required").regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "validation.invalid");

const provinceCode = z
  .union([z.string().regex(/^\d{2}$/, "validation.invalid"), z.literal("")], "validation.invalid")
  .optional()
  .transform((v) => v || undefined);

const page = z.coerce.number("validation.invalid").int("validation.invalid").min(1, "validation.invalid").max(10_000, "validation.invalid").optional();

/** GET /api/publik/v1/desa?q=&provinsi=&halaman= and the public list /desa/cari. */
export const villageListQuerySchema = z.object({
  q: cleanText().max(100, "validation.tooLong").optional(),
  provinsi: provinceCode,
  halaman: page,
});

/** GET /api/publik/v1/materi?bahasa=id|en&kategori= */
export const materialListQuerySchema = z.object({
  bahasa: z.enum(["id", "en"], "validation.invalid").optional(),
  kategori: z.enum(["TPPO", "TPPM", "MIGRASI_AMAN", "PASPOR", "BEKERJA_PROSEDURAL"], "validation.invalid").optional(),
});
