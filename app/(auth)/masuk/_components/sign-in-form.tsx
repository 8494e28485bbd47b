"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { signInSchema, type SignInInput } from "@/lib/features/auth/schemas";
import { isMessageKey } from "@/lib/i18n/keys";

const KNOWN_ERRORS = ["INVALID_CREDENTIALS", "RATE_LIMITED", "DISABLED"] as const;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      // A full navigation so every server component reads the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    const code = KNOWN_ERRORS.find((c) => c === result?.error) ?? "UNEXPECTED";
    setError(t(`auth.${code}`));
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
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("auth.submitting") : t("auth.submit")}
      </Button>
    </form>
  );
}
