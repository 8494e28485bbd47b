"use client";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createInstitutionAction } from "@/lib/features/events/actions";
import { INSTITUTION_KINDS, institutionSchema } from "@/lib/features/events/schemas";
import { FormShell } from "@/components/ui/form-shell";

/** Adds a partner to the office's directory; the session form lists it after the refresh. */
export function InstitutionForm() {
  const t = useTranslations("events");
  const { form, shell, fieldError } = useActionForm(institutionSchema, createInstitutionAction, {
    defaultValues: { kind: "LAINNYA" },
    onSuccess: (data) => {
      form.reset({ kind: "LAINNYA", name: "" });
      return t("institutionCreated", { name: data.name });
    },
  });
  return (
    <FormShell shell={shell} submitLabel={t("addInstitution")} className="grid gap-3 sm:grid-cols-3 sm:items-end" span="sm:col-span-3" actionsClassName="" variant="secondary">
      <TextField label={t("institutionName")} error={fieldError("name")} {...form.register("name")} />
      <SelectField label={t("institutionKind")} error={fieldError("kind")} {...form.register("kind")}>
        {INSTITUTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`institutionKinds.${k}`)}
          </option>
        ))}
      </SelectField>
    </FormShell>
  );
}
