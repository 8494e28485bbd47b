"use client";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { FormShell } from "@/components/ui/form-shell";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import * as actions from "@/lib/features/warnings/actions";
import * as schemas from "@/lib/features/warnings/schemas";

/** Every step a report page offers, each its action with the schema the server checks again. */
const STEPS = {
  assign: [schemas.assignSchema, actions.assignAction],
  startVerification: [schemas.startVerificationSchema, actions.startVerificationAction],
  verify: [schemas.verifySchema, actions.verifyAction],
  ask: [schemas.askSchema, actions.askAction],
  note: [schemas.noteSchema, actions.noteAction],
  addFollowUp: [schemas.addFollowUpSchema, actions.addFollowUpAction],
  completeFollowUp: [schemas.completeFollowUpSchema, actions.completeFollowUpAction],
  close: [schemas.closeSchema, actions.closeAction],
  eraseContact: [schemas.eraseContactSchema, actions.eraseContactAction],
  route: [schemas.routeSchema, actions.routeAction],
  remind: [schemas.remindSchema, actions.remindAction],
  acknowledge: [schemas.acknowledgeSchema, actions.acknowledgeAction],
  answer: [schemas.answerSchema, actions.answerAction],
} as const;
export type StepName = keyof typeof STEPS;

export type StepField =
  | { name: string; kind: "text" | "date" | "textarea"; label: string; hint?: string; maxLength?: number }
  | { name: string; kind: "select"; label: string; options: { value: string; label: string }[]; placeholder?: string }
  | { name: string; kind: "radio"; label: string; options: { value: string; label: string }[] }
  | { name: string; kind: "checkbox"; label: string };

/**
 * One triage step as a small form: the fixed values (the report, the version the page showed)
 * plus the fields the step asks for. Labels come translated from the page. Keyed by the report's
 * version by the page, so that after a step it starts again from the new version.
 */
export function StepForm({
  step,
  fixed,
  fields = [],
  submitLabel,
  successText,
  variant = "primary",
  label,
}: {
  step: StepName;
  fixed: Record<string, string | number>;
  fields?: StepField[];
  submitLabel: string;
  successText: string;
  variant?: "primary" | "secondary" | "danger";
  label: string;
}) {
  const router = useRouter();
  const [schema, action] = STEPS[step] as unknown as [z.ZodType<Record<string, unknown>, Record<string, unknown>>, (input: Record<string, unknown>) => Promise<never>];
  const { form, fieldError, shell } = useActionForm(schema, action, {
    defaultValues: fixed,
    onSuccess: () => {
      router.refresh();
      return successText;
    },
  });
  const { register } = form;
  return (
    <FormShell shell={shell} submitLabel={submitLabel} variant={variant} className="space-y-3" aria-label={label}>
      {fields.map((f) => {
        const error = fieldError(f.name);
        switch (f.kind) {
          case "textarea":
            return <TextAreaField key={f.name} label={f.label} hint={f.hint} rows={3} maxLength={f.maxLength} error={error} {...register(f.name)} />;
          case "select":
            return (
              <SelectField key={f.name} label={f.label} error={error} {...register(f.name)}>
                <option value="">{f.placeholder ?? "—"}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
            );
          case "radio":
            return (
              <fieldset key={f.name} className="space-y-1">
                <legend className="text-sm font-medium">{f.label}</legend>
                {f.options.map((o) => (
                  <label key={o.value} className="flex min-h-11 items-center gap-2">
                    <input type="radio" value={o.value} className="size-5" {...register(f.name)} />
                    {o.label}
                  </label>
                ))}
                {error && <p className="text-sm font-medium text-red-700">{error}</p>}
              </fieldset>
            );
          case "checkbox":
            return <CheckboxField key={f.name} label={f.label} {...register(f.name)} />;
          default:
            return <TextField key={f.name} label={f.label} hint={f.hint} type={f.kind} maxLength={f.maxLength} error={error} {...register(f.name)} />;
        }
      })}
    </FormShell>
  );
}
