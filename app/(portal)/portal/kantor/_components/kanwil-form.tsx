"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createKanwilAction, updateKanwilAction } from "@/lib/features/offices/actions";
import { createKanwilSchema, updateKanwilSchema, type CreateKanwilInput, type UpdateKanwilInput } from "@/lib/features/offices/schemas";

export function NewKanwilForm({ provinces, defaults }: { provinces: { code: string; name: string }[]; defaults: CreateKanwilInput }) {
  const t = useTranslations("office");
  const router = useRouter();
  const { form, message, onSubmit, fieldError } = useActionForm(createKanwilSchema, createKanwilAction, {
    defaultValues: defaults,
    onSuccess: () => {
      router.push("/portal/kantor/kanwil");
      return t("kanwilAdmin.created");
    },
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <SelectField label={t("kanwilAdmin.province")} error={fieldError("provinceCode")} {...register("provinceCode")}>
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t("kanwilAdmin.name")} error={fieldError("name")} {...register("name")} />
      <TextField label={t("address")} error={fieldError("address")} {...register("address")} />
      <TextField label={t("phone")} type="tel" error={fieldError("phone")} {...register("phone")} />
      <TextField label={t("email")} type="email" error={fieldError("email")} {...register("email")} />
      <TextField label={t("head")} error={fieldError("headName")} {...register("headName")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

export function EditKanwilForm({ defaults }: { defaults: UpdateKanwilInput }) {
  const t = useTranslations("office");
  const router = useRouter();
  const { form, message, onSubmit, fieldError } = useActionForm(updateKanwilSchema, updateKanwilAction, {
    defaultValues: defaults,
    onSuccess: (data) => {
      form.setValue("version", data.version);
      router.refresh();
      return t("kanwilAdmin.saved");
    },
  });
  const { register, formState } = form;
  const conflict = fieldError("_form" as never);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <Alert tone={message.tone}>{conflict ?? message.text}</Alert>}
      <input type="hidden" {...register("kanwilId")} />
      <input type="hidden" {...register("version")} />
      <TextField label={t("kanwilAdmin.name")} error={fieldError("name")} {...register("name")} />
      <TextField label={t("address")} error={fieldError("address")} {...register("address")} />
      <TextField label={t("phone")} type="tel" error={fieldError("phone")} {...register("phone")} />
      <TextField label={t("email")} type="email" error={fieldError("email")} {...register("email")} />
      <TextField label={t("head")} error={fieldError("headName")} {...register("headName")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
