import type { FormEventHandler, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

export type FormMessage = { tone: "error" | "success"; text: string };
/** What useActionForm hands a form: its submit handler, the last outcome, whether it is sending. */
export type FormShellState = { onSubmit: FormEventHandler<HTMLFormElement>; message: FormMessage | null; submitting: boolean };

/**
 * Every portal form's frame: the outcome above the fields (announced: an alert or a status),
 * the fields, and one submit button that is disabled while the form is sending. `span` places
 * the outcome and the button across a grid's columns ("sm:col-span-2").
 */
export function FormShell({
  shell,
  submitLabel,
  submittingLabel,
  variant = "primary",
  className,
  span,
  actionsClassName,
  children,
  ...aria
}: {
  shell: FormShellState;
  submitLabel: string;
  submittingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  span?: string;
  actionsClassName?: string;
  children: ReactNode;
  "aria-label"?: string;
}) {
  return (
    <form onSubmit={shell.onSubmit} noValidate className={className} {...aria}>
      {shell.message && (
        <div className={span}>
          <Alert tone={shell.message.tone}>{shell.message.text}</Alert>
        </div>
      )}
      {children}
      <div className={actionsClassName ?? span}>
        <Button type="submit" variant={variant} disabled={shell.submitting}>
          {shell.submitting && submittingLabel ? submittingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
