"use client";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateOfficeProfileAction } from "@/lib/features/offices/actions";
import { updateOfficeProfileSchema, type UpdateOfficeProfileInput } from "@/lib/features/offices/schemas";
import { FormShell } from "@/components/ui/form-shell";

export function OfficeProfileForm({ defaults }: { defaults: UpdateOfficeProfileInput }) {
  const t = useTranslations();
  const { form, shell, fieldError } = useActionForm(updateOfficeProfileSchema, updateOfficeProfileAction, {
    defaultValues: defaults,
    onSuccess: () => t("office.saved"),
  });
  const { register } = form;
  return (
    <FormShell shell={shell} submitLabel={t("office.save")} className="space-y-4" submittingLabel={t("office.saving")}>
      <input type="hidden" {...register("officeId")} />
      <TextField label={t("office.head")} error={fieldError("headName")} {...register("headName")} />
      <TextField label={t("office.address")} error={fieldError("address")} {...register("address")} />
      <TextField label={t("office.phone")} type="tel" error={fieldError("phone")} {...register("phone")} />
      <TextField label={t("office.email")} type="email" error={fieldError("email")} {...register("email")} />
      <TextField label={t("office.serviceHours")} hint={t("office.serviceHoursHint")} error={fieldError("serviceHours")} {...register("serviceHours")} />
    </FormShell>
  );
}
