"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormShell } from "@/components/ui/form-shell";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { DeliveredLink } from "@/lib/features/accounts/links";
import { createAccountAction } from "@/lib/features/users/actions";
import { createAccountSchema } from "@/lib/features/users/schemas";
import { PasswordLink } from "./password-link";
import { PlacementFields, type Choice } from "./placement-fields";

type Role = "NATIONAL_ADMIN" | "REGIONAL_OVERSEER" | "OFFICE_ADMIN" | "OFFICE_OFFICER" | "VILLAGE";

export function CreateAccountForm({ roles, villages, offices, kanwils }: { roles: readonly Role[]; villages: Choice[]; offices: Choice[]; kanwils: Choice[] }) {
  const t = useTranslations();
  const [invited, setInvited] = useState<{ link: DeliveredLink; name: string; email: string } | null>(null);
  const { form, shell, fieldError } = useActionForm(createAccountSchema, createAccountAction, {
    defaultValues: { role: roles.includes("OFFICE_ADMIN") ? "OFFICE_ADMIN" : "OFFICE_OFFICER" },
    onSuccess: (data, values) => {
      const email = values.email.trim().toLowerCase();
      setInvited(data.link ? { link: data.link, name: values.name, email } : null);
      form.reset({ role: values.role });
      return t(data.link ? "accounts.admin.createdInvited" : "users.created", { email });
    },
  });
  const { register, watch } = form;

  return (
    <FormShell shell={shell} submitLabel={t("users.create")} className="grid gap-4 sm:grid-cols-2" submittingLabel={t("users.creating")} span="sm:col-span-2">
      {shell.message?.tone === "success" && invited && (
        <div className="sm:col-span-2">
          <PasswordLink {...invited} />
        </div>
      )}
      <TextField label={t("users.name")} autoComplete="off" error={fieldError("name")} {...register("name")} />
      <TextField label={t("users.email")} type="email" autoComplete="off" error={fieldError("email")} {...register("email")} />
      <SelectField label={t("users.role")} error={fieldError("role")} {...register("role")}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      <PlacementFields role={watch("role")} register={register} fieldError={fieldError} offices={offices} kanwils={kanwils} villages={villages} />
      <TextField label={t("users.position")} error={fieldError("position")} {...register("position")} />
      <TextField label={t("users.nip")} inputMode="numeric" error={fieldError("nip")} {...register("nip")} />
      <TextField label={t("accounts.admin.phone")} type="tel" inputMode="tel" hint={t("accounts.admin.phoneHint")} error={fieldError("phone")} {...register("phone")} />
      <TextField
        label={t("accounts.admin.passwordOptional")}
        type="password"
        autoComplete="new-password"
        hint={t("accounts.admin.passwordOptionalHint")}
        error={fieldError("password")}
        {...register("password")}
      />
    </FormShell>
  );
}
