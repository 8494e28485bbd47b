"use client";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createAccountAction } from "@/lib/features/users/actions";
import { createAccountSchema } from "@/lib/features/users/schemas";
import { FormShell } from "@/components/ui/form-shell";

type Choice = { id: string; label: string };

export function CreateAccountForm({
  villages,
  offices,
  nationwide,
}: {
  villages: Choice[];
  offices: Choice[];
  nationwide: boolean;
}) {
  const t = useTranslations();
  const { form, shell, fieldError } = useActionForm(createAccountSchema, createAccountAction, {
    defaultValues: { role: nationwide ? "OFFICE_ADMIN" : "OFFICE_OFFICER" },
    onSuccess: (_data, values) => {
      form.reset({ role: values.role });
      return t("users.created", { email: values.email.trim().toLowerCase() });
    },
  });
  const { register, watch } = form;
  const role = watch("role");
  const roles = nationwide ? (["OFFICE_ADMIN", "OFFICE_OFFICER"] as const) : (["OFFICE_OFFICER", "VILLAGE"] as const);

  return (
    <FormShell shell={shell} submitLabel={t("users.create")} className="grid gap-4 sm:grid-cols-2" submittingLabel={t("users.creating")} span="sm:col-span-2">
      <TextField label={t("users.name")} autoComplete="off" error={fieldError("name")} {...register("name")} />
      <TextField label={t("users.email")} type="email" autoComplete="off" error={fieldError("email")} {...register("email")} />
      <SelectField label={t("users.role")} error={fieldError("role")} {...register("role")}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      {nationwide && (
        <SelectField label={t("users.office")} error={fieldError("officeId")} {...register("officeId")}>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
      )}
      {role === "VILLAGE" && (
        <SelectField label={t("users.village")} error={fieldError("desaBinaanId")} {...register("desaBinaanId")}>
          <option value="">{t("users.chooseVillage")}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label={t("users.position")} error={fieldError("position")} {...register("position")} />
      <TextField label={t("users.nip")} inputMode="numeric" error={fieldError("nip")} {...register("nip")} />
      <TextField
        label={t("users.password")}
        type="password"
        autoComplete="new-password"
        hint={t("users.passwordHint")}
        error={fieldError("password")}
        {...register("password")}
      />
    </FormShell>
  );
}
