import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/features/auth/schemas";
import { cleanText, optionalId, optionalText, requiredText } from "@/lib/schema-fields";

/** Every role an administrator may give; which of them the actor may give is decided on the server. */
export const accountRoles = ["NATIONAL_ADMIN", "REGIONAL_OVERSEER", "OFFICE_ADMIN", "OFFICE_OFFICER", "VILLAGE"] as const;

/** Where an account belongs: a Kanwil for an overseer, an office for office staff, a desa binaan for a village. */
const placement = {
  role: z.enum(accountRoles, "validation.required"),
  officeId: optionalId,
  kanwilId: optionalId,
  desaBinaanId: optionalId,
};

const placementRules = <T extends { role: string; kanwilId?: string | null; desaBinaanId?: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role === "VILLAGE" && !v.desaBinaanId) ctx.addIssue({ code: "custom", path: ["desaBinaanId"], message: "validation.villageRequired" });
  if (v.role === "REGIONAL_OVERSEER" && !v.kanwilId) ctx.addIssue({ code: "custom", path: ["kanwilId"], message: "validation.kanwilRequired" });
};

export const createAccountSchema = z
  .object({
    name: requiredText(120),
    email: emailSchema,
    ...placement,
    nip: cleanText()
      .regex(/^(\d{18})?$/, "validation.nip")
      .transform((v) => v || undefined)
      .optional(),
    position: optionalText(120),
    phone: optionalText(20),
    /** Empty: the person gets an invitation link and chooses a password themselves (recommended). */
    password: z
      .union([passwordSchema, z.literal("")])
      .transform((v) => v || undefined)
      .optional(),
  })
  .superRefine(placementRules);
export type CreateAccountInput = z.input<typeof createAccountSchema>;

export const updateAccountSchema = z
  .object({
    userId: z.uuid("validation.invalid"),
    /** The account's updatedAt as the form saw it: a change by someone else meanwhile is a conflict. */
    version: z.iso.datetime({ offset: true, message: "validation.invalid" }),
    name: requiredText(120),
    position: optionalText(120),
    ...placement,
  })
  .superRefine(placementRules);
export type UpdateAccountInput = z.input<typeof updateAccountSchema>;

export const setAccountActiveSchema = z.object({
  userId: z.uuid(),
  active: z.boolean(),
});

export const accountIdSchema = z.object({ userId: z.uuid("validation.invalid") });
