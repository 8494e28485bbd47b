import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/features/auth/schemas";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .transform((v) => v || undefined)
    .optional();

const optionalId = z
  .union([z.uuid("validation.required"), z.literal("")])
  .transform((v) => v || undefined)
  .optional();

/** Every role an administrator may give; which of them the actor may give is decided on the server. */
export const accountRoles = ["NATIONAL_ADMIN", "REGIONAL_OVERSEER", "OFFICE_ADMIN", "OFFICE_OFFICER", "VILLAGE"] as const;

/** Where an account belongs: a Kanwil for an overseer, an office for office staff, a desa binaan for a village. */
const placement = {
  role: z.enum(accountRoles, "validation.required"),
  officeId: optionalId,
  kanwilId: optionalId,
  desaBinaanId: optionalId,
};

const placementRules = <T extends { role: string; kanwilId?: string; desaBinaanId?: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role === "VILLAGE" && !v.desaBinaanId) ctx.addIssue({ code: "custom", path: ["desaBinaanId"], message: "validation.villageRequired" });
  if (v.role === "REGIONAL_OVERSEER" && !v.kanwilId) ctx.addIssue({ code: "custom", path: ["kanwilId"], message: "validation.kanwilRequired" });
};

export const createAccountSchema = z
  .object({
    name: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
    email: emailSchema,
    ...placement,
    nip: z
      .string()
      .trim()
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
    name: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
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
