"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { createAccountAction } from "@/lib/features/users/actions";
import { createAccountSchema, type CreateAccountInput } from "@/lib/features/users/schemas";

type Choice = { id: string; label: string };

export function CreateAccountForm({
  villages,
  offices,
  nationwide,
}: {
  villages: Choice[];
  offices: Choice[];
  nationwide: boolean;
}) {
  const t = useTranslations();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateAccountInput>({
    resolver: zodResolver(createAccountSchema),
    defaultValues: { role: nationwide ? "OFFICE_ADMIN" : "OFFICE_OFFICER" },
  });
  const role = watch("role");
  const roles = nationwide ? (["OFFICE_ADMIN", "OFFICE_OFFICER"] as const) : (["OFFICE_OFFICER", "VILLAGE"] as const);
  const fieldError = (key: keyof CreateAccountInput) => {
    const m = errors[key]?.message;
    return m ? (m.startsWith("validation.") ? t(m) : m) : undefined;
  };

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await createAccountAction(values);
    if (result.ok) {
      setMessage({ tone: "success", text: t("users.created", { email: values.email.trim().toLowerCase() }) });
      reset({ role: values.role });
      return;
    }
    for (const [key, text] of Object.entries(result.fieldErrors ?? {})) {
      setError(key as keyof CreateAccountInput, { message: text });
    }
    setMessage({ tone: "error", text: result.error });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {message && (
        <div className="sm:col-span-2">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <TextField label={t("users.name")} autoComplete="off" error={fieldError("name")} {...register("name")} />
      <TextField label={t("users.email")} type="email" autoComplete="off" error={fieldError("email")} {...register("email")} />
      <SelectField label={t("users.role")} error={fieldError("role")} {...register("role")}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      {nationwide && (
        <SelectField label={t("users.office")} error={fieldError("officeId")} {...register("officeId")}>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
      )}
      {role === "VILLAGE" && (
        <SelectField label={t("users.village")} error={fieldError("desaBinaanId")} {...register("desaBinaanId")}>
          <option value="">{t("users.chooseVillage")}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label={t("users.position")} error={fieldError("position")} {...register("position")} />
      <TextField label={t("users.nip")} inputMode="numeric" error={fieldError("nip")} {...register("nip")} />
      <TextField
        label={t("users.password")}
        type="password"
        autoComplete="new-password"
        hint={t("users.passwordHint")}
        error={fieldError("password")}
        {...register("password")}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("users.creating") : t("users.create")}
        </Button>
      </div>
    </form>
  );
}
