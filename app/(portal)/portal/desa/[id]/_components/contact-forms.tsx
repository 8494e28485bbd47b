"use client";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/ui/call-action";
import { useState, useTransition } from "react";
import type { UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  createContactAction,
  deleteContactAction,
  endContactAction,
  handoverContactAction,
  updateContactAction,
} from "@/lib/features/contacts/actions";
import {
  CONTACT_ROLES,
  createContactSchema,
  endContactSchema,
  handoverContactSchema,
  updateContactSchema,
  type UpdateContactInput,
} from "@/lib/features/contacts/schemas";
import { FormShell } from "@/components/ui/form-shell";

type PersonFields = Omit<UpdateContactInput, "contactId">;

/** Name, role, position, phone with WhatsApp and consent, notes: shared by add, edit and handover. */
function PersonFieldset({
  register,
  fieldError,
  idPrefix,
}: {
  register: UseFormRegister<PersonFields>;
  fieldError: (name: keyof PersonFields) => string | undefined;
  idPrefix: string;
}) {
  const t = useTranslations();
  const consentError = fieldError("consent");
  return (
    <>
      <TextField id={`${idPrefix}-name`} label={t("contacts.name")} autoComplete="off" error={fieldError("name")} {...register("name")} />
      <SelectField id={`${idPrefix}-role`} label={t("contacts.role")} error={fieldError("role")} {...register("role")}>
        {CONTACT_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`contactRole.${r}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={`${idPrefix}-position`} label={t("contacts.position")} error={fieldError("position")} {...register("position")} />
      <TextField
        id={`${idPrefix}-phone`}
        label={t("contacts.phone")}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        hint={t("contacts.phoneHint")}
        error={fieldError("phone")}
        {...register("phone")}
      />
      <div className="space-y-1 sm:col-span-2">
        <CheckboxField id={`${idPrefix}-whatsapp`} label={t("contacts.hasWhatsapp")} {...register("hasWhatsapp")} />
        <CheckboxField id={`${idPrefix}-consent`} label={t("contacts.consent")} error={consentError} {...register("consent")} />
      </div>
      <div className="sm:col-span-2">
        <TextField id={`${idPrefix}-notes`} label={t("contacts.notes")} error={fieldError("notes")} {...register("notes")} />
      </div>
    </>
  );
}

/** `today` everywhere here: the day where the village is (YYYY-MM-DD), not the browser's UTC day. */
export function AddContactForm({ desaBinaanId, today }: { desaBinaanId: string; today: string }) {
  const t = useTranslations("contacts");
  const defaults = { desaBinaanId, activeFrom: today, role: "KEPALA_DESA" as const, hasWhatsapp: true, consent: false };
  const { form, shell, fieldError } = useActionForm(createContactSchema, createContactAction, {
    defaultValues: defaults,
    onSuccess: (_d, values) => {
      form.reset(defaults);
      return t("added", { name: values.name.trim() });
    },
  });
  return (
    <FormShell shell={shell} submitLabel={t("add")} className="grid gap-4 sm:grid-cols-2" submittingLabel={t("adding")} span="sm:col-span-2" actionsClassName="flex items-end" aria-label={t("add")}>
      <input type="hidden" {...form.register("desaBinaanId")} />
      <PersonFieldset register={form.register as unknown as UseFormRegister<PersonFields>} fieldError={(n) => fieldError(n)} idPrefix="new-contact" />
      <TextField id="new-contact-from" label={t("activeFrom")} type="date" error={fieldError("activeFrom")} {...form.register("activeFrom")} />
    </FormShell>
  );
}

export function EditContactForm({ contactId, defaults }: { contactId: string; defaults: PersonFields }) {
  const t = useTranslations("contacts");
  const { form, shell, fieldError } = useActionForm(updateContactSchema, updateContactAction, {
    defaultValues: { contactId, ...defaults },
    onSuccess: () => t("updated"),
  });
  return (
    <FormShell shell={shell} submitLabel={t("save")} className="grid gap-4 sm:grid-cols-2" span="sm:col-span-2">
      <PersonFieldset register={form.register as unknown as UseFormRegister<PersonFields>} fieldError={(n) => fieldError(n)} idPrefix={`edit-${contactId}`} />
    </FormShell>
  );
}

export function HandoverForm({ contactId, role, today }: { contactId: string; role: string; today: string }) {
  const t = useTranslations("contacts");
  const { form, shell, fieldError } = useActionForm(handoverContactSchema, handoverContactAction, {
    defaultValues: { contactId, handoverOn: today, role: role as PersonFields["role"], hasWhatsapp: true, consent: false },
    onSuccess: (_d, values) => t("handedOver", { name: values.name.trim() }),
  });
  return (
    <FormShell shell={shell} submitLabel={t("handover")} className="grid gap-4 sm:grid-cols-2" span="sm:col-span-2" actionsClassName="flex items-end">
      <PersonFieldset register={form.register as unknown as UseFormRegister<PersonFields>} fieldError={(n) => fieldError(n)} idPrefix={`handover-${contactId}`} />
      <TextField
        id={`handover-${contactId}-on`}
        label={t("handoverOn")}
        type="date"
        hint={t("handoverHint")}
        error={fieldError("handoverOn")}
        {...form.register("handoverOn")}
      />
    </FormShell>
  );
}

export function EndContactForm({ contactId, today }: { contactId: string; today: string }) {
  const t = useTranslations("contacts");
  const { form, shell, fieldError } = useActionForm(endContactSchema, endContactAction, {
    defaultValues: { contactId, activeUntil: today },
    onSuccess: () => t("ended"),
  });
  return (
    <FormShell shell={shell} submitLabel={t("end")} className="flex flex-wrap items-end gap-3" span="w-full" actionsClassName="mb-0.5" variant="danger">
      <TextField id={`end-${contactId}`} label={t("activeUntil")} type="date" error={fieldError("activeUntil")} {...form.register("activeUntil")} />
    </FormShell>
  );
}

export function DeleteContactButton({ contactId, name }: { contactId: string; name: string }) {
  const t = useTranslations("contacts");
  const tv = useTranslations("validation");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col">
      <Button
        variant="ghost"
        className="min-h-9 px-3 py-1 text-xs"
        disabled={pending}
        aria-label={t("deleteLabel", { name })}
        onClick={() =>
          startTransition(async () => {
            const result = await callAction(deleteContactAction, { contactId }, tv("sendFailed"));
            setError(result.ok ? null : result.error);
          })
        }
      >
        {t("delete")}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
