import { z } from "zod";
import { cleanText } from "@/lib/schema-fields";

// Messages are catalogue keys (validation.*), translated where they are shown.
export const emailSchema = cleanText()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email("validation.email"));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
  /** The second factor, asked for after the password when the account has one: a TOTP or recovery code. */
  otp: z.string().trim().max(20, "validation.totpWrong").optional(),
});
export type SignInInput = z.input<typeof signInSchema>;

export const passwordSchema = z
  .string()
  .min(10, "validation.passwordTooShort")
  .max(200, "validation.tooLong");
