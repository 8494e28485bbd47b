"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CheckboxField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { registerVillageAction, updateVillageAction } from "@/lib/features/villages/actions";
import {
  registerVillageSchema,
  updateVillageSchema,
  type RegisterVillageInput,
  type UpdateVillageInput,
} from "@/lib/features/villages/schemas";
import { FormShell } from "@/components/ui/form-shell";

type Officer = { id: string; name: string };
type ProfileFields = Omit<RegisterVillageInput, "villageCode" | "proposedOn">;

/** The fields registration and editing share: reason, figures, flags, WhatsApp group, officers. */
function ProfileFieldset({
  register,
  fieldError,
  officers,
}: {
  register: UseFormRegister<ProfileFields>;
  fieldError: (name: keyof ProfileFields) => string | undefined;
  officers: Officer[];
}) {
  const t = useTranslations("villages");
  const reasonError = fieldError("selectionReason");
  const officersError = fieldError("officerIds");
  return (
    <>
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="selectionReason" className="block text-sm font-medium text-slate-900">
          {t("selectionReason")}
        </label>
        <textarea
          id="selectionReason"
          rows={3}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? "selectionReason-hint selectionReason-error" : "selectionReason-hint"}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base focus:outline-3 focus:outline-amber-500 aria-[invalid=true]:border-red-700"
          {...register("selectionReason")}
        />
        <p id="selectionReason-hint" className="text-sm text-slate-600">
          {t("selectionReasonHint")}
        </p>
        {reasonError && (
          <p id="selectionReason-error" className="text-sm font-medium text-red-700">
            {reasonError}
          </p>
        )}
      </div>
      <TextField label={t("migrantWorkerCount")} inputMode="numeric" error={fieldError("migrantWorkerCount")} {...register("migrantWorkerCount")} />
      <TextField label={t("prospectiveCount")} inputMode="numeric" error={fieldError("prospectiveCount")} {...register("prospectiveCount")} />
      <TextField label={t("figuresYear")} inputMode="numeric" error={fieldError("figuresYear")} {...register("figuresYear")} />
      <TextField
        label={t("whatsappGroupUrl")}
        type="url"
        inputMode="url"
        hint={t("whatsappGroupUrlHint")}
        error={fieldError("whatsappGroupUrl")}
        {...register("whatsappGroupUrl")}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-900">{t("flags")}</legend>
        <CheckboxField label={t("migranEmas")} {...register("isDesaMigranEmas")} />
        <CheckboxField label={t("desmigratif")} {...register("isDesmigratif")} />
      </fieldset>
      <fieldset className="space-y-1" aria-describedby={officersError ? "officerIds-error" : undefined}>
        <legend className="text-sm font-medium text-slate-900">{t("officers")}</legend>
        {officers.map((o) => (
          <CheckboxField key={o.id} label={o.name} value={o.id} {...register("officerIds")} />
        ))}
        {officersError && (
          <p id="officerIds-error" className="text-sm font-medium text-red-700">
            {officersError}
          </p>
        )}
      </fieldset>
    </>
  );
}

export function RegisterVillageForm({
  villageCode,
  villageName,
  officers,
}: {
  villageCode: string;
  villageName: string;
  officers: Officer[];
}) {
  const t = useTranslations("villages");
  const router = useRouter();
  const { form, message, onSubmit, fieldError } = useActionForm(registerVillageSchema, registerVillageAction, {
    defaultValues: { villageCode, officerIds: [] },
    onSuccess: (data) => {
      router.push(`/portal/desa/${data.id}`);
      return t("registered", { village: villageName });
    },
  });
  const codeError = fieldError("villageCode");
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {message && (
        <div className="sm:col-span-2">
          <Alert tone={message.tone}>
            {message.text}
            {codeError && <span className="block">{codeError}</span>}
          </Alert>
        </div>
      )}
      <input type="hidden" {...form.register("villageCode")} />
      <TextField
        label={t("proposedOn")}
        type="date"
        hint={t("proposedOnHint")}
        error={fieldError("proposedOn")}
        {...form.register("proposedOn")}
      />
      <ProfileFieldset
        register={form.register as unknown as UseFormRegister<ProfileFields>}
        fieldError={(name) => fieldError(name)}
        officers={officers}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("saving") : t("register")}
        </Button>
      </div>
    </form>
  );
}

export function EditVillageForm({ defaults, officers }: { defaults: UpdateVillageInput; officers: Officer[] }) {
  const t = useTranslations("villages");
  const { form, shell, fieldError } = useActionForm(updateVillageSchema, updateVillageAction, {
    defaultValues: defaults,
    onSuccess: () => t("saved"),
  });
  return (
    <FormShell shell={shell} submitLabel={t("save")} className="grid gap-4 sm:grid-cols-2" submittingLabel={t("saving")} span="sm:col-span-2">
      <input type="hidden" {...form.register("id")} />
      <ProfileFieldset
        register={form.register as unknown as UseFormRegister<ProfileFields>}
        fieldError={(name) => fieldError(name)}
        officers={officers}
      />
    </FormShell>
  );
}
