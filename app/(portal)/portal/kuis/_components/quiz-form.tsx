"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray, type Control, type UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormShell } from "@/components/ui/form-shell";
import { useActionForm } from "@/components/ui/use-action-form";
import { createQuizAction, updateQuizAction } from "@/lib/features/quizzes/actions";
import { MAX_OPTIONS, MAX_QUESTIONS, MIN_OPTIONS, MIN_QUESTIONS, quizFieldsSchema, updateQuizSchema, type QuizFormInput } from "@/lib/features/quizzes/schemas";

type Values = QuizFormInput & { id?: string };

/**
 * An error about a whole list (no right option, too few questions): the resolver puts it at
 * `<list>.root` in the browser, the server's field error at `<list>` itself.
 */
function arrayError(fieldError: (name: string) => string | undefined, name: string) {
  return fieldError(`${name}.root`) ?? fieldError(name);
}

const blankQuestion = () => ({ text: "", options: [{ text: "", correct: false }, { text: "", correct: false }, { text: "", correct: false }] });

/** One question: its text, its options with a "correct" box each, and adding or removing options. */
function QuestionFields({
  index,
  control,
  register,
  fieldError,
  onRemove,
}: {
  index: number;
  control: Control<Values>;
  register: UseFormRegister<Values>;
  fieldError: (name: string) => string | undefined;
  onRemove?: () => void;
}) {
  const t = useTranslations("quiz");
  const options = useFieldArray({ control, name: `questions.${index}.options` });
  const optionsError = arrayError(fieldError, `questions.${index}.options`);
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-300 p-3" data-testid={`question-${index}`}>
      <legend className="px-1 font-semibold">{t("form.questionLegend", { n: index + 1 })}</legend>
      <TextField label={t("form.questionText")} error={fieldError(`questions.${index}.text`)} {...register(`questions.${index}.text`)} />
      <ul className="space-y-2">
        {options.fields.map((field, o) => (
          <li key={field.id} className="grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end">
            <TextField label={t("form.optionText", { n: o + 1 })} error={fieldError(`questions.${index}.options.${o}.text`)} {...register(`questions.${index}.options.${o}.text`)} />
            <CheckboxField label={t("form.correct")} {...register(`questions.${index}.options.${o}.correct`)} />
            {options.fields.length > MIN_OPTIONS && (
              <Button variant="ghost" onClick={() => options.remove(o)} aria-label={t("form.removeOptionLabel", { n: o + 1, q: index + 1 })}>
                {t("form.removeOption")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {optionsError && (
        <p className="text-sm font-medium text-red-700" role="alert">
          {optionsError}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {options.fields.length < MAX_OPTIONS && (
          <Button variant="secondary" onClick={() => options.append({ text: "", correct: false })}>
            {t("form.addOption")}
          </Button>
        )}
        {onRemove && (
          <Button variant="ghost" onClick={onRemove}>
            {t("form.removeQuestion", { n: index + 1 })}
          </Button>
        )}
      </div>
    </fieldset>
  );
}

/**
 * Writing a quiz: a title, the material it belongs to, and 3 to 10 multiple-choice questions, each
 * with one or more options marked correct. The same schema checks here and on the server.
 */
export function QuizForm({ materials, values }: { materials: { id: string; title: string }[]; values?: Values & { id: string } }) {
  const t = useTranslations("quiz");
  const router = useRouter();
  const editing = !!values;
  const { form, shell, fieldError } = useActionForm(
    (editing ? updateQuizSchema : quizFieldsSchema) as typeof updateQuizSchema,
    (editing ? updateQuizAction : createQuizAction) as typeof updateQuizAction,
    {
      defaultValues: values ?? { title: "", materialId: "", questions: Array.from({ length: MIN_QUESTIONS }, blankQuestion) },
      onSuccess: (data) => {
        router.push(`/portal/kuis/${data.id}`);
        return t(editing ? "form.saved" : "form.created");
      },
    },
  );
  const control = form.control as unknown as Control<Values>;
  const register = form.register as unknown as UseFormRegister<Values>;
  const questions = useFieldArray({ control, name: "questions" });
  const err = fieldError as (name: string) => string | undefined;
  return (
    <FormShell shell={shell} submitLabel={t("form.save")} submittingLabel={t("form.saving")} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("form.title")} error={err("title")} {...register("title")} />
        <SelectField label={t("form.material")} error={err("materialId")} {...register("materialId")}>
          <option value="">{t("form.chooseMaterial")}</option>
          {materials.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="text-sm text-slate-700">{t("form.help", { min: MIN_QUESTIONS, max: MAX_QUESTIONS })}</p>
      {arrayError(err, "questions") && (
        <p className="text-sm font-medium text-red-700" role="alert">
          {arrayError(err, "questions")}
        </p>
      )}
      {questions.fields.map((field, i) => (
        <QuestionFields
          key={field.id}
          index={i}
          control={control}
          register={register}
          fieldError={err}
          onRemove={questions.fields.length > MIN_QUESTIONS ? () => questions.remove(i) : undefined}
        />
      ))}
      {questions.fields.length < MAX_QUESTIONS && (
        <Button variant="secondary" onClick={() => questions.append(blankQuestion())}>
          {t("form.addQuestion")}
        </Button>
      )}
    </FormShell>
  );
}
