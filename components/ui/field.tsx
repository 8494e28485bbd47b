import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/** The look of every text control; exported for composite widgets that lay out their own field. */
export const CONTROL =
  "block w-full min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 " +
  "focus:border-brand-700 focus:outline-3 focus:outline-amber-500 aria-[invalid=true]:border-red-700";

type FieldShell = { label: string; error?: string; hint?: string; id?: string };

/** Label, control, hint and error wired together with ids so screen readers announce all three. */
function Field({
  label,
  error,
  hint,
  id,
  children,
}: FieldShell & { children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode }) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={controlId} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {children({ id: controlId, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  error,
  hint,
  id,
  className,
  ...props
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint} id={id}>
      {(aria) => <input className={cn(CONTROL, className)} {...aria} {...props} />}
    </Field>
  );
}

export function SelectField({
  label,
  error,
  hint,
  id,
  className,
  children,
  ...props
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error} hint={hint} id={id}>
      {(aria) => (
        <select className={cn(CONTROL, className)} {...aria} {...props}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A filter's select: "all" (the empty value) first, then the choices. */
export function FilterSelectField({
  allLabel,
  choices,
  ...props
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { allLabel: string; choices: readonly { value: string; label: string }[] }) {
  return (
    <SelectField {...props}>
      <option value="">{allLabel}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </SelectField>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  id,
  className,
  ...props
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} error={error} hint={hint} id={id}>
      {(aria) => <textarea className={cn(CONTROL, "font-mono text-sm", className)} {...aria} {...props} />}
    </Field>
  );
}

/**
 * A checkbox with its label beside it (a 44 px target), and an error tied to it when there is one.
 * Spread react-hook-form's register() into it like any input.
 */
export function CheckboxField({
  label,
  error,
  id,
  className,
  ...props
}: { label: ReactNode; error?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const generated = useId();
  const controlId = id ?? generated;
  const errorId = error ? `${controlId}-error` : undefined;
  return (
    <div className={className}>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" id={controlId} className="size-5" aria-invalid={error ? true : undefined} aria-describedby={errorId} {...props} />
        {label}
      </label>
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
