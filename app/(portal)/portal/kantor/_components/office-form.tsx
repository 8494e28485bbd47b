"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createOfficeAction, updateOfficeAction } from "@/lib/features/offices/actions";
import {
  createOfficeSchema,
  updateOfficeSchema,
  type CreateOfficeInput,
  type UpdateOfficeInput,
} from "@/lib/features/offices/schemas";
import { RegencyPicker, type RegencyChoice } from "./regency-picker";

type Choices = {
  kanwils: { id: string; name: string; provinceCode: string }[];
  provinces: { code: string; name: string }[];
  classes: { value: string; label: string }[];
};

function CommonFields({
  choices,
  register,
  fieldError,
}: {
  choices: Choices;
  register: (name: never) => object;
  fieldError: (name: never) => string | undefined;
}) {
  const t = useTranslations("office");
  const f = (name: string) => name as never;
  return (
    <>
      <TextField label={t("officeName")} error={fieldError(f("name"))} {...register(f("name"))} />
      <SelectField label={t("class")} error={fieldError(f("officeClass"))} {...register(f("officeClass"))}>
        {choices.classes.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("kanwil")} error={fieldError(f("kanwilId"))} {...register(f("kanwilId"))}>
        <option value="">{t("choose")}</option>
        {choices.kanwils.map((k) => (
          <option key={k.id} value={k.id}>
            {k.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("province")} error={fieldError(f("provinceCode"))} {...register(f("provinceCode"))}>
        <option value="">{t("choose")}</option>
        {choices.provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t("address")} error={fieldError(f("address"))} {...register(f("address"))} />
      <TextField label={t("phone")} type="tel" error={fieldError(f("phone"))} {...register(f("phone"))} />
      <TextField label={t("email")} type="email" error={fieldError(f("email"))} {...register(f("email"))} />
      <TextField label={t("head")} error={fieldError(f("headName"))} {...register(f("headName"))} />
    </>
  );
}

export function NewOfficeForm({ choices, regencies, defaults }: { choices: Choices; regencies: RegencyChoice[]; defaults: CreateOfficeInput }) {
  const t = useTranslations("office");
  const router = useRouter();
  const { form, message, onSubmit, fieldError } = useActionForm(createOfficeSchema, createOfficeAction, {
    defaultValues: defaults,
    onSuccess: (data) => {
      router.push(`/portal/kantor/${data.id}`);
      return t("created");
    },
  });
  const { register, formState, watch, setValue } = form;
  const codes = watch("regencyCodes") ?? [];
  const province = watch("provinceCode");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <CommonFields choices={choices} register={register as never} fieldError={fieldError as never} />
      <TextField label={t("effectiveOn")} type="date" hint={t("effectiveOnHint")} error={fieldError("effectiveOn")} {...register("effectiveOn")} />
      <p className="text-sm text-slate-600">{t("newRegenciesHint")}</p>
      <RegencyPicker
        key={province || "none"}
        provinces={regencies}
        value={codes}
        onChange={(next) => setValue("regencyCodes", next, { shouldDirty: true })}
        initialProvince={province || regencies[0]?.code || ""}
        freeOnly
        error={fieldError("regencyCodes")}
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

export function EditOfficeForm({ choices, defaults }: { choices: Choices; defaults: UpdateOfficeInput }) {
  const t = useTranslations("office");
  const router = useRouter();
  const { form, message, onSubmit, fieldError } = useActionForm(updateOfficeSchema, updateOfficeAction, {
    defaultValues: defaults,
    onSuccess: (data) => {
      form.setValue("version", data.version);
      router.refresh();
      return t("updated");
    },
  });
  const { register, formState } = form;
  const conflict = fieldError("_form" as never);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <Alert tone={message.tone}>{conflict ?? message.text}</Alert>}
      <input type="hidden" {...register("officeId")} />
      <input type="hidden" {...register("version")} />
      <CommonFields choices={choices} register={register as never} fieldError={fieldError as never} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
