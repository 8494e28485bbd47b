import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/features/auth/schemas";
import { cleanText, optionalId, optionalText, requiredText } from "@/lib/schema-fields";

/** Roles an administrator may give; OFFICE_ADMIN only by the national admin (checked on the server). */
export const managedRoles = ["OFFICE_OFFICER", "VILLAGE", "OFFICE_ADMIN"] as const;

export const createAccountSchema = z
  .object({
    name: requiredText(120),
    email: emailSchema,
    role: z.enum(managedRoles, "validation.required"),
    officeId: z.uuid("validation.required").optional(),
    desaBinaanId: optionalId,
    nip: cleanText()
      .regex(/^(\d{18})?$/, "validation.nip")
      .transform((v) => v || undefined)
      .optional(),
    position: optionalText(120),
    password: passwordSchema,
  })
  .refine((v) => v.role !== "VILLAGE" || v.desaBinaanId, {
    path: ["desaBinaanId"],
    message: "validation.villageRequired",
  });
export type CreateAccountInput = z.input<typeof createAccountSchema>;

export const setAccountActiveSchema = z.object({
  userId: z.uuid(),
  active: z.boolean(),
});
