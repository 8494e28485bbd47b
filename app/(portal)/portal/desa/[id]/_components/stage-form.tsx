"use client";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeStageAction } from "@/lib/features/villages/actions";
import { changeStageSchema, type ChangeStageInput } from "@/lib/features/villages/schemas";
import { VILLAGE_STAGES } from "@/lib/stages";
import { FormShell } from "@/components/ui/form-shell";

/** Moves the village along its lifecycle on the day it happened; an inauguration takes its decree. */
export function StageForm({
  id,
  current,
  sessions,
  today,
}: {
  id: string;
  current: string;
  /** Today where the village is (YYYY-MM-DD): the usual day of a change, not the browser's UTC day. */
  today: string;
  /** The village's own office's sessions, newest first: one may have marked the change. */
  sessions: { id: string; label: string }[];
}) {
  const t = useTranslations();
  const next = VILLAGE_STAGES[Math.min(VILLAGE_STAGES.indexOf(current as never) + 1, VILLAGE_STAGES.length - 2)];
  const { form, shell, fieldError } = useActionForm(changeStageSchema, changeStageAction, {
    defaultValues: { id, toStage: next as ChangeStageInput["toStage"], effectiveOn: today },
    onSuccess: (_d, values) => t("villages.stageChanged", { stage: t(`stages.${values.toStage}`) }),
  });
  const toStage = form.watch("toStage");
  return (
    <FormShell shell={shell} submitLabel={t("villages.changeStage")} className="grid gap-4 sm:grid-cols-2" span="sm:col-span-2" actionsClassName="">
      <SelectField label={t("villages.toStage")} error={fieldError("toStage")} {...form.register("toStage")}>
        {VILLAGE_STAGES.filter((s) => s !== current).map((s) => (
          <option key={s} value={s}>
            {t(`stages.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("villages.effectiveOn")} type="date" error={fieldError("effectiveOn")} {...form.register("effectiveOn")} />
      {toStage === "INAUGURATED" && (
        <>
          <TextField label={t("villages.decreeNumber")} error={fieldError("decreeNumber")} {...form.register("decreeNumber")} />
          <TextField
            label={t("villages.decreeDate")}
            type="date"
            hint={t("villages.decreeDateHint")}
            error={fieldError("decreeDate")}
            {...form.register("decreeDate")}
          />
        </>
      )}
      {sessions.length > 0 && (
        <div className="sm:col-span-2">
          <SelectField label={t("villages.markedBy")} error={fieldError("eventId")} {...form.register("eventId")}>
            <option value="">{t("villages.noSession")}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <div className="sm:col-span-2">
        <TextField label={t("villages.note")} error={fieldError("note")} {...form.register("note")} />
      </div>
    </FormShell>
  );
}
