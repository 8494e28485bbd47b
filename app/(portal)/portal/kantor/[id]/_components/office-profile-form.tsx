"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateOfficeProfileAction } from "@/lib/features/offices/actions";
import { updateOfficeProfileSchema, type UpdateOfficeProfileInput } from "@/lib/features/offices/schemas";

export function OfficeProfileForm({ defaults }: { defaults: UpdateOfficeProfileInput }) {
  const t = useTranslations();
  const { form, message, onSubmit, fieldError } = useActionForm(updateOfficeProfileSchema, updateOfficeProfileAction, {
    defaultValues: defaults,
    onSuccess: () => t("office.saved"),
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <input type="hidden" {...register("officeId")} />
      <TextField label={t("office.head")} error={fieldError("headName")} {...register("headName")} />
      <TextField label={t("office.address")} error={fieldError("address")} {...register("address")} />
      <TextField label={t("office.phone")} type="tel" error={fieldError("phone")} {...register("phone")} />
      <TextField label={t("office.email")} type="email" error={fieldError("email")} {...register("email")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("office.saving") : t("office.save")}
      </Button>
    </form>
  );
}
