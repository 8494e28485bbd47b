"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { FormShell } from "@/components/ui/form-shell";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordPaperTallyAction, setEventQuizzesAction } from "@/lib/features/quizzes/actions";
import { paperTallySchema, setEventQuizzesSchema, type QuizPhaseValue } from "@/lib/features/quizzes/schemas";

type QuizChoice = { id: string; label: string };

/** Which quiz the session uses as its pre-test and post-test (the same one measures the gain best). */
export function EventQuizzesForm({ eventId, choices, pre, post }: { eventId: string; choices: QuizChoice[]; pre: string | null; post: string | null }) {
  const t = useTranslations("quiz");
  const router = useRouter();
  const { form, shell, fieldError } = useActionForm(setEventQuizzesSchema, setEventQuizzesAction, {
    defaultValues: { eventId, preTestQuizId: pre ?? "", postTestQuizId: post ?? "" },
    onSuccess: () => {
      router.refresh();
      return t("event.saved");
    },
  });
  const options = (
    <>
      <option value="">{t("event.none")}</option>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.label}
        </option>
      ))}
    </>
  );
  return (
    <FormShell shell={shell} submitLabel={t("event.save")} className="grid gap-3 sm:grid-cols-2" span="sm:col-span-2">
      <SelectField label={t("event.preTest")} error={fieldError("preTestQuizId")} {...form.register("preTestQuizId")}>
        {options}
      </SelectField>
      <SelectField label={t("event.postTest")} error={fieldError("postTestQuizId")} {...form.register("postTestQuizId")}>
        {options}
      </SelectField>
    </FormShell>
  );
}

/**
 * Paper answer sheets, typed as counted: how many sheets came back, then per question how many
 * had it right. Quick to type from a pile of sheets (one number per question, not one row per
 * sheet); sending it again replaces the phase's count.
 */
export function PaperTallyForm({
  eventId,
  phase,
  questions,
  current,
}: {
  eventId: string;
  phase: QuizPhaseValue;
  questions: { id: string; text: string }[];
  current: { sheets: number; correct: Record<string, number> } | null;
}) {
  const t = useTranslations("quiz");
  const router = useRouter();
  const { form, shell, fieldError } = useActionForm(paperTallySchema, recordPaperTallyAction, {
    defaultValues: {
      eventId,
      phase,
      sheets: current?.sheets ?? ("" as unknown as number),
      questions: questions.map((q) => ({ questionId: q.id, correct: current?.correct[q.id] ?? ("" as unknown as number) })),
    },
    onSuccess: () => {
      router.refresh();
      return t("paper.saved");
    },
  });
  return (
    <FormShell shell={shell} submitLabel={t("paper.save")} className="space-y-3" aria-label={t(`paper.form${phase}`)}>
      <TextField label={t("paper.sheets")} type="number" inputMode="numeric" min={1} error={fieldError("sheets")} {...form.register("sheets")} />
      {questions.map((q, i) => (
        <TextField
          key={q.id}
          label={t("paper.correctFor", { n: i + 1, text: q.text })}
          type="number"
          inputMode="numeric"
          min={0}
          error={fieldError(`questions.${i}.correct`)}
          {...form.register(`questions.${i}.correct`)}
        />
      ))}
    </FormShell>
  );
}
