"use client";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/ui/call-action";
import { useState, useTransition } from "react";
import type { UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
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

type PersonFields = Omit<UpdateContactInput, "contactId">;
const today = () => new Date().toISOString().slice(0, 10);

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
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="size-5" {...register("hasWhatsapp")} />
          {t("contacts.hasWhatsapp")}
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="size-5"
            aria-invalid={consentError ? true : undefined}
            aria-describedby={consentError ? `${idPrefix}-consent-error` : undefined}
            {...register("consent")}
          />
          {t("contacts.consent")}
        </label>
        {consentError && (
          <p id={`${idPrefix}-consent-error`} className="text-sm font-medium text-red-700">
            {consentError}
          </p>
        )}
      </div>
      <div className="sm:col-span-2">
        <TextField id={`${idPrefix}-notes`} label={t("contacts.notes")} error={fieldError("notes")} {...register("notes")} />
      </div>
    </>
  );
}

export function AddContactForm({ desaBinaanId }: { desaBinaanId: string }) {
  const t = useTranslations("contacts");
  const defaults = { desaBinaanId, activeFrom: today(), role: "KEPALA_DESA" as const, hasWhatsapp: true, consent: false };
  const { form, message, onSubmit, fieldError } = useActionForm(createContactSchema, createContactAction, {
    defaultValues: defaults,
    onSuccess: (_d, values) => {
      form.reset(defaults);
      return t("added", { name: values.name.trim() });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={t("add")}>
      {message && (
        <div className="sm:col-span-2">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <input type="hidden" {...form.register("desaBinaanId")} />
      <PersonFieldset register={form.register as unknown as UseFormRegister<PersonFields>} fieldError={(n) => fieldError(n)} idPrefix="new-contact" />
      <TextField id="new-contact-from" label={t("activeFrom")} type="date" error={fieldError("activeFrom")} {...form.register("activeFrom")} />
      <div className="flex items-end">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("adding") : t("add")}
        </Button>
      </div>
    </form>
  );
}

export function EditContactForm({ contactId, defaults }: { contactId: string; defaults: PersonFields }) {
  const t = useTranslations("contacts");
  const { form, message, onSubmit, fieldError } = useActionForm(updateContactSchema, updateContactAction, {
    defaultValues: { contactId, ...defaults },
    onSuccess: () => t("updated"),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {message && (
        <div className="sm:col-span-2">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <PersonFieldset register={form.register as unknown as UseFormRegister<PersonFields>} fieldError={(n) => fieldError(n)} idPrefix={`edit-${contactId}`} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

export function HandoverForm({ contactId, role }: { contactId: string; role: string }) {
  const t = useTranslations("contacts");
  const { form, message, onSubmit, fieldError } = useActionForm(handoverContactSchema, handoverContactAction, {
    defaultValues: { contactId, handoverOn: today(), role: role as PersonFields["role"], hasWhatsapp: true, consent: false },
    onSuccess: (_d, values) => t("handedOver", { name: values.name.trim() }),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {message && (
        <div className="sm:col-span-2">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <PersonFieldset register={form.register as unknown as UseFormRegister<PersonFields>} fieldError={(n) => fieldError(n)} idPrefix={`handover-${contactId}`} />
      <TextField
        id={`handover-${contactId}-on`}
        label={t("handoverOn")}
        type="date"
        hint={t("handoverHint")}
        error={fieldError("handoverOn")}
        {...form.register("handoverOn")}
      />
      <div className="flex items-end">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("handover")}
        </Button>
      </div>
    </form>
  );
}

export function EndContactForm({ contactId }: { contactId: string }) {
  const t = useTranslations("contacts");
  const { form, message, onSubmit, fieldError } = useActionForm(endContactSchema, endContactAction, {
    defaultValues: { contactId, activeUntil: today() },
    onSuccess: () => t("ended"),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      {message && (
        <div className="w-full">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <TextField id={`end-${contactId}`} label={t("activeUntil")} type="date" error={fieldError("activeUntil")} {...form.register("activeUntil")} />
      <Button type="submit" variant="danger" disabled={form.formState.isSubmitting} className="mb-0.5">
        {t("end")}
      </Button>
    </form>
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
