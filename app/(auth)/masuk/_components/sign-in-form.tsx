"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/features/auth/callback";
import { signInSchema, type SignInInput } from "@/lib/features/auth/schemas";
import { isMessageKey } from "@/lib/i18n/keys";

const KNOWN_ERRORS = ["INVALID_CREDENTIALS", "RATE_LIMITED", "SLOW_DOWN", "DISABLED", "SECOND_FACTOR_REQUIRED", "SECOND_FACTOR_WRONG"] as const;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [error, setError] = useState<string | null>(null);
  // Shown once the server says the account has a second factor; email and password stay filled.
  const [askCode, setAskCode] = useState(false);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    // next-auth posts every value as text: an absent code must not arrive as "undefined"
    const { otp, ...credentials } = values;
    const result = await signIn("credentials", { ...credentials, ...(otp ? { otp } : {}), redirect: false });
    if (result?.ok && !result.error) {
      // A full navigation so every server component reads the new session cookie.
      window.location.assign(safeCallbackPath(callbackUrl));
      return;
    }
    const [name, wait] = (result?.error ?? "").split(":");
    const code = KNOWN_ERRORS.find((c) => c === name) ?? "UNEXPECTED";
    if (code === "SECOND_FACTOR_REQUIRED" || code === "SECOND_FACTOR_WRONG") {
      setAskCode(true);
      setTimeout(() => setFocus("otp"), 0);
    }
    const seconds = Math.max(1, Number(wait) || 60);
    setError(t(`auth.${code}`, { seconds, minutes: Math.ceil(seconds / 60) }));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {error && <Alert>{error}</Alert>}
      <TextField
        label={t("auth.email")}
        type="email"
        autoComplete="username"
        inputMode="email"
        error={errors.email?.message && (isMessageKey(errors.email.message, t.has) ? t(errors.email.message) : errors.email.message)}
        {...register("email")}
      />
      <TextField
        label={t("auth.password")}
        type="password"
        autoComplete="current-password"
        error={errors.password?.message && (isMessageKey(errors.password.message, t.has) ? t(errors.password.message) : errors.password.message)}
        {...register("password")}
      />
      {askCode && (
        <TextField
          label={t("auth.otp")}
          hint={t("auth.otpHelp")}
          autoComplete="one-time-code"
          inputMode="text"
          error={errors.otp?.message && (isMessageKey(errors.otp.message, t.has) ? t(errors.otp.message) : errors.otp.message)}
          {...register("otp")}
        />
      )}
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("auth.submitting") : t("auth.submit")}
      </Button>
    </form>
  );
}
