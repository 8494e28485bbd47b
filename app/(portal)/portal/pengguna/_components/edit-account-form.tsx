"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateAccountAction } from "@/lib/features/users/actions";
import { updateAccountSchema, type UpdateAccountInput } from "@/lib/features/users/schemas";
import { PlacementFields, type Choice } from "./placement-fields";

export function EditAccountForm({
  account,
  roles,
  villages,
  offices,
  kanwils,
}: {
  account: UpdateAccountInput;
  roles: readonly UpdateAccountInput["role"][];
  villages: Choice[];
  offices: Choice[];
  kanwils: Choice[];
}) {
  const t = useTranslations();
  const { form, message, onSubmit, fieldError } = useActionForm(updateAccountSchema, updateAccountAction, {
    defaultValues: account,
    onSuccess: (saved) => {
      // the next save compares against this version, not the one the page was loaded with
      form.setValue("version", saved.version);
      return t("accounts.admin.saved");
    },
  });
  const { register, watch, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {message && (
        <div className="sm:col-span-2">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <TextField label={t("users.name")} error={fieldError("name")} {...register("name")} />
      <TextField label={t("users.position")} error={fieldError("position")} {...register("position")} />
      <SelectField label={t("users.role")} error={fieldError("role")} {...register("role")}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      <PlacementFields role={watch("role")} register={register} fieldError={fieldError} offices={offices} kanwils={kanwils} villages={villages} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("users.creating") : t("accounts.admin.edit")}
        </Button>
      </div>
    </form>
  );
}
