import { z } from "zod";
import { passwordSchema } from "@/lib/features/auth/schemas";

export const setPasswordWithTokenSchema = z
  .object({
    token: z.string().min(1).max(100),
    password: passwordSchema,
    confirm: z.string().max(200),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
    password: passwordSchema,
    confirm: z.string().max(200),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

export const secondFactorCodeSchema = z.object({
  code: z.string().trim().min(1, "validation.required").max(20, "validation.totpWrong"),
});
