"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeOwnPasswordAction } from "@/lib/features/accounts/actions";
import { changeOwnPasswordSchema } from "@/lib/features/accounts/schemas";

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("accounts");
  const router = useRouter();
  const { form, message, onSubmit, fieldError } = useActionForm(changeOwnPasswordSchema, changeOwnPasswordAction, {
    onSuccess: () => {
      // every session ended with the change, this one too: sign in again with the new password
      setTimeout(() => router.push("/masuk"), 2500);
      return t("page.changed");
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField label={t("page.currentPassword")} type="password" autoComplete="current-password" error={fieldError("currentPassword")} {...form.register("currentPassword")} />
      <TextField label={t("setPassword.password")} type="password" autoComplete="new-password" hint={t("setPassword.hint")} error={fieldError("password")} {...form.register("password")} />
      <TextField label={t("setPassword.confirm")} type="password" autoComplete="new-password" error={fieldError("confirm")} {...form.register("confirm")} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("setPassword.saving") : t("setPassword.submit")}
      </Button>
    </form>
  );
}
