"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormShell } from "@/components/ui/form-shell";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { fileReportAction } from "@/lib/features/warnings/actions";
import { fileReportSchema, MAX_ATTACHMENTS, WARNING_CATEGORIES, WARNING_URGENCIES } from "@/lib/features/warnings/schemas";

/**
 * A report to the office: a village account about its own village, an officer about a desa
 * binaan of the office (`villages` is then the list to choose from). People involved are
 * sensitive personal data: only the office, its Kanwil and the national level read them.
 */
export function ReportForm({ villages, today }: { villages: { value: string; label: string }[]; today: string }) {
  const t = useTranslations("warning.form");
  const tw = useTranslations("warning");
  const router = useRouter();
  const { form, fieldError, shell } = useActionForm(fileReportSchema, fileReportAction, {
    defaultValues: { urgency: "NORMAL", occurredOn: today, attachments: [] },
    onSuccess: (data) => {
      router.push(`/portal/deteksi/${data.id}?baru=1`);
      return t("sent", { code: data.ticketCode });
    },
  });
  const { register } = form;
  return (
    <FormShell shell={shell} submitLabel={t("submit")} submittingLabel={t("submitting")} className="grid gap-4" aria-label={t("label")}>
      {villages.length > 0 && (
        <SelectField label={t("village")} error={fieldError("desaBinaanId")} {...register("desaBinaanId")}>
          <option value="">{t("chooseVillage")}</option>
          {villages.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField label={t("category")} error={fieldError("category")} {...register("category")}>
        <option value="">{t("chooseCategory")}</option>
        {WARNING_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {tw(`category.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t("description")} hint={t("descriptionHint")} rows={5} maxLength={4000} error={fieldError("description")} {...register("description")} />
      <TextField label={t("occurredOn")} type="date" max={today} error={fieldError("occurredOn")} {...register("occurredOn")} />
      <TextField label={t("place")} hint={t("placeHint")} maxLength={300} error={fieldError("place")} {...register("place")} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("urgency")}</legend>
        {WARNING_URGENCIES.map((u) => (
          <label key={u} className="flex min-h-11 items-center gap-2">
            <input type="radio" value={u} className="size-5" {...register("urgency")} />
            {tw(`urgency.${u}`)}
          </label>
        ))}
        <p className="text-sm text-slate-600">{t("urgencyHint")}</p>
      </fieldset>
      <TextAreaField label={t("people")} hint={t("peopleHint")} rows={3} maxLength={2000} error={fieldError("peopleInvolved")} {...register("peopleInvolved")} />
      <div className="space-y-1">
        <label htmlFor="warning-attachments" className="block text-sm font-medium">
          {t("attachments")}
        </label>
        <input
          id="warning-attachments"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,application/pdf"
          aria-describedby="warning-attachments-hint"
          className="block w-full text-sm"
          onChange={(e) => form.setValue("attachments", Array.from(e.target.files ?? []).slice(0, MAX_ATTACHMENTS))}
        />
        <p id="warning-attachments-hint" className="text-sm text-slate-600">
          {t("attachmentsHint", { max: MAX_ATTACHMENTS })}
        </p>
        {fieldError("attachments") && <p className="text-sm font-medium text-red-700">{fieldError("attachments")}</p>}
      </div>
    </FormShell>
  );
}
