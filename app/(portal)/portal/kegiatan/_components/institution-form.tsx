"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createInstitutionAction } from "@/lib/features/events/actions";
import { INSTITUTION_KINDS, institutionSchema } from "@/lib/features/events/schemas";

/** Adds a partner to the office's directory; the session form lists it after the refresh. */
export function InstitutionForm() {
  const t = useTranslations("events");
  const { form, message, onSubmit, fieldError } = useActionForm(institutionSchema, createInstitutionAction, {
    defaultValues: { kind: "LAINNYA" },
    onSuccess: (data) => {
      form.reset({ kind: "LAINNYA", name: "" });
      return t("institutionCreated", { name: data.name });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-3 sm:items-end">
      {message && (
        <div className="sm:col-span-3">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <TextField label={t("institutionName")} error={fieldError("name")} {...form.register("name")} />
      <SelectField label={t("institutionKind")} error={fieldError("kind")} {...form.register("kind")}>
        {INSTITUTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`institutionKinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
        {t("addInstitution")}
      </Button>
    </form>
  );
}
