"use client";
import "@/lib/i18n/zod-errors";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/server/action";
import { callAction, SEND_FAILED } from "@/components/ui/call-action";
import { isMessageKey } from "@/lib/i18n/keys";
import type { FormMessage as Message } from "@/components/ui/form-shell";

/**
 * react-hook-form wired to one zod schema and one server action: the schema checks on the
 * client for quick feedback, the action checks again on the server, and the server's field
 * errors land on the same fields. Validation messages are catalogue keys, translated here.
 */
export function useActionForm<S extends z.ZodType<unknown, FieldValues>, R>(
  schema: S,
  action: (input: z.input<S>) => Promise<ActionResult<R>>,
  options: {
    defaultValues?: DefaultValues<z.input<S>>;
    /** Returns the success message to show. */
    onSuccess: (data: R, values: z.input<S>) => string;
  },
) {
  const t = useTranslations();
  const [message, setMessage] = useState<Message | null>(null);
  const form = useForm<z.input<S>>({
    // The resolver validates; the raw values are what the server action parses again.
    resolver: zodResolver(schema as never) as never,
    defaultValues: options.defaultValues,
  });

  const onSubmit = form.handleSubmit(async () => {
    setMessage(null);
    const values = form.getValues();
    const result = await callAction(action, values, t(SEND_FAILED));
    if (result.ok) {
      setMessage({ tone: "success", text: options.onSuccess(result.data, values) });
      return;
    }
    const { _form: formError, ...fieldErrors } = result.fieldErrors ?? {};
    for (const [key, text] of Object.entries(fieldErrors)) {
      form.setError(key as Path<z.input<S>>, { message: text });
    }
    // A message about the whole form (`_form`) says more than the error's general one.
    setMessage({ tone: "error", text: formError ?? result.error });
  });

  const fieldError = (name: Path<z.input<S>>): string | undefined => {
    const error = name.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], form.formState.errors);
    const text = (error as { message?: string } | undefined)?.message;
    // a catalogue key from the schema (translated here), or the server's message (already translated)
    return text ? (isMessageKey(text, t.has) ? t(text) : text) : undefined;
  };

  /** What FormShell (components/ui/form-shell.tsx) needs: the submit handler, the outcome, whether it is sending. */
  const shell = { onSubmit, message, submitting: form.formState.isSubmitting };

  return { form, message, setMessage, onSubmit, fieldError, shell };
}
