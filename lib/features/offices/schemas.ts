import { z } from "zod";
import { optionalText as optional } from "@/lib/schema-fields";

/** What an office admin may change about their office; class, name and work area are national data. */
export const updateOfficeProfileSchema = z.object({
  officeId: z.uuid(),
  headName: optional(120),
  address: optional(300, { multiline: true }),
  phone: optional(30).refine((v) => v === null || /^[0-9+()\-\s]{6,30}$/.test(v), "validation.phone"),
  email: optional(254).refine((v) => v === null || z.email().safeParse(v).success, "validation.email"),
});
export type UpdateOfficeProfileInput = z.input<typeof updateOfficeProfileSchema>;
