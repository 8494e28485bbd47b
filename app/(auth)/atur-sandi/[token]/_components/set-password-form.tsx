"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { setPasswordWithTokenAction } from "@/lib/features/accounts/actions";
import { setPasswordWithTokenSchema } from "@/lib/features/accounts/schemas";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("accounts.setPassword");
  const [done, setDone] = useState(false);
  const { form, message, onSubmit, fieldError } = useActionForm(setPasswordWithTokenSchema, setPasswordWithTokenAction, {
    defaultValues: { token },
    onSuccess: () => {
      setDone(true);
      return t("done");
    },
  });
  if (done) {
    return (
      <div className="mt-4 space-y-4">
        <Alert tone="success">{t("done")}</Alert>
        <Link href="/masuk" className="font-medium">
          {t("signIn")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {/* lets password managers store the new password under the right account */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField label={t("password")} type="password" autoComplete="new-password" hint={t("hint")} error={fieldError("password")} {...form.register("password")} />
      <TextField label={t("confirm")} type="password" autoComplete="new-password" error={fieldError("confirm")} {...form.register("confirm")} />
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
