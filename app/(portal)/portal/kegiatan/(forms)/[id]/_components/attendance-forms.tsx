"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addAttendeeAction, saveEventReportAction, setAttendanceCountsAction } from "@/lib/features/events/actions";
import { ATTENDEE_CATEGORIES, attendanceCountsSchema, attendeeSchema, eventReportSchema } from "@/lib/features/events/schemas";
import type { AttendeeCategory } from "@/lib/generated/prisma/enums";
import { FormShell } from "@/components/ui/form-shell";

type Choice = { id: string; label: string };

/** The attendee form after a successful add: nothing of the previous person remains. */
const EMPTY_ATTENDEE = { name: "", position: "", desaBinaanId: "", institutionName: "", gender: "", phone: "", consent: false } as const;

export function AttendeeForm({ eventId, villages }: { eventId: string; villages: Choice[] }) {
  const t = useTranslations("events");
  const tc = useTranslations();
  const [added, setAdded] = useState(0);
  const { form, shell, fieldError } = useActionForm(attendeeSchema, addAttendeeAction, {
    defaultValues: { eventId, category: "WARGA", consent: false },
    onSuccess: (_d, values) => {
      // Every field named: a field left out of reset() keeps what the last person typed.
      form.reset({ ...EMPTY_ATTENDEE, eventId, category: values.category });
      setAdded((n) => n + 1);
      return t("attendeeAdded", { name: values.name });
    },
  });
  const { register, setFocus } = form;
  // The next person's name, once the emptied form has rendered (reset drops the field refs).
  useEffect(() => {
    if (added > 0) setFocus("name");
  }, [added, setFocus]);
  return (
    <FormShell shell={shell} submitLabel={t("addAttendee")} className="grid gap-3 sm:grid-cols-3" span="sm:col-span-3">
      <TextField label={t("attendeeName")} error={fieldError("name")} {...register("name")} />
      <SelectField label={t("category")} error={fieldError("category")} {...register("category")}>
        {ATTENDEE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {tc(`attendeeCategory.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("position")} error={fieldError("position")} {...register("position")} />
      <SelectField label={t("village")} error={fieldError("desaBinaanId")} {...register("desaBinaanId")}>
        <option value="">-</option>
        {villages.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
      </SelectField>
      <TextField label={t("institution")} error={fieldError("institutionName")} {...register("institutionName")} />
      <SelectField label={t("gender")} error={fieldError("gender")} {...register("gender")}>
        <option value="">-</option>
        <option value="L">{t("genderL")}</option>
        <option value="P">{t("genderP")}</option>
      </SelectField>
      <TextField label={t("phone")} type="tel" hint={t("phoneHint")} error={fieldError("phone")} {...register("phone")} />
      <CheckboxField id="attendee-consent" className="sm:col-span-2" label={t("consent")} error={fieldError("consent")} {...register("consent")} />
    </FormShell>
  );
}

type CountRow = { category: AttendeeCategory; male: number; female: number; unknown: number };

export function CountsForm({ eventId, counts }: { eventId: string; counts: CountRow[] }) {
  const t = useTranslations("events");
  const tc = useTranslations();
  const rows = ATTENDEE_CATEGORIES.map((category) => counts.find((c) => c.category === category) ?? { category, male: 0, female: 0, unknown: 0 });
  const { form, message, onSubmit, fieldError } = useActionForm(attendanceCountsSchema, setAttendanceCountsAction, {
    defaultValues: { eventId, rows },
    onSuccess: () => t("countsSaved"),
  });
  const cols = ["male", "female", "unknown"] as const;
  // A refused count is marked in the table and said in words (a negative number said nothing before).
  const invalid = rows.some((_, i) => cols.some((c) => fieldError(`rows.${i}.${c}`)));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {invalid ? <Alert>{t("countsInvalid")}</Alert> : message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("countsTitle")}</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-2">{t("category")}</th>
              {cols.map((c) => (
                <th key={c} scope="col" className="py-1 pr-2">{t(`count.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.category}>
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {tc(`attendeeCategory.${row.category}`)}
                  <input type="hidden" {...form.register(`rows.${i}.category`)} />
                </th>
                {cols.map((c) => (
                  <td key={c} className="py-1 pr-2">
                    <input
                      type="number"
                      min={0}
                      inputMode="numeric"
                      aria-label={`${tc(`attendeeCategory.${row.category}`)}: ${t(`count.${c}`)}`}
                      aria-invalid={fieldError(`rows.${i}.${c}`) ? true : undefined}
                      className="min-h-11 w-20 rounded-md border border-slate-400 px-2"
                      {...form.register(`rows.${i}.${c}`)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("saveCounts")}
      </Button>
    </form>
  );
}

export function ReportForm({
  eventId,
  defaults,
}: {
  eventId: string;
  defaults: { reportNotes: string; followUps: string; whatsappGroupShared: boolean };
}) {
  const t = useTranslations("events");
  const { form, shell, fieldError } = useActionForm(eventReportSchema, saveEventReportAction, {
    defaultValues: { eventId, ...defaults },
    onSuccess: () => t("reportSaved"),
  });
  return (
    <FormShell shell={shell} submitLabel={t("saveReport")} className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="report-notes" className="block text-sm font-medium">
          {t("reportNotes")}
        </label>
        <textarea id="report-notes" rows={6} className="block w-full rounded-md border border-slate-400 p-2" {...form.register("reportNotes")} />
        {fieldError("reportNotes") && <p className="text-sm text-red-700">{fieldError("reportNotes")}</p>}
      </div>
      <div className="space-y-1">
        <label htmlFor="report-followups" className="block text-sm font-medium">
          {t("followUps")}
        </label>
        <textarea id="report-followups" rows={3} className="block w-full rounded-md border border-slate-400 p-2" {...form.register("followUps")} />
      </div>
      <CheckboxField label={t("whatsappGroupShared")} {...form.register("whatsappGroupShared")} />
    </FormShell>
  );
}
