"use client";
import { useTranslations } from "next-intl";
import { FormShell } from "@/components/ui/form-shell";
import { TextAreaField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { isMessageKey } from "@/lib/i18n/keys";
import { resetWhatsappTemplateAction, saveWhatsappTemplateAction } from "@/lib/features/whatsapp/actions";
import { saveWhatsappTemplateSchema } from "@/lib/features/whatsapp/schemas";
import { TEMPLATE_PROBLEM_KEYS, templateProblems } from "@/lib/features/whatsapp/template";
import type { WhatsappTemplateKind } from "@/lib/generated/prisma/enums";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

/** One message's text: checked as a whole on submit, each wrong placeholder named in the error. */
export function TemplateForm({
  officeId,
  kind,
  language,
  body,
  custom,
  defaultBody,
}: {
  officeId: string;
  kind: WhatsappTemplateKind;
  language: "ID" | "EN";
  body: string;
  custom: boolean;
  defaultBody: string;
}) {
  const t = useTranslations("whatsapp");
  const tAll = useTranslations();
  const [own, setOwn] = useState(custom);
  const [resetting, startReset] = useTransition();
  const { form, shell, setMessage } = useActionForm(saveWhatsappTemplateSchema, saveWhatsappTemplateAction, {
    defaultValues: { officeId, kind, language, body },
    onSuccess: () => {
      setOwn(true);
      return t("saved");
    },
  });
  const reset = () => {
    if (!window.confirm(t("resetConfirm"))) return;
    startReset(async () => {
      const result = await resetWhatsappTemplateAction({ officeId, kind, language });
      if (!result.ok) return setMessage({ tone: "error", text: result.error });
      form.reset({ officeId, kind, language, body: defaultBody });
      setOwn(false);
      setMessage({ tone: "success", text: t("resetDone") });
    });
  };
  const raw = form.formState.errors.body?.message;
  // The schema's keys for a placeholder need the placeholder's name, which only the text holds:
  // name each one from the current text. A server message arrives translated already.
  let bodyError: string | undefined;
  if (raw && TEMPLATE_PROBLEM_KEYS.includes(raw)) {
    bodyError = templateProblems(form.getValues("body") ?? "", kind)
      .map((p) => tAll(p.key, "placeholder" in p ? { placeholder: p.placeholder } : undefined))
      .join(" ");
  } else if (raw) {
    bodyError = isMessageKey(raw, tAll.has) ? tAll(raw) : raw;
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{own ? t("custom") : t("builtIn")}</p>
      <FormShell shell={shell} submitLabel={t("save")} submittingLabel={t("saving")} className="space-y-3">
        <TextAreaField label={t("bodyLabel", { kind: t(`kinds.${kind}`) })} rows={8} error={bodyError} {...form.register("body")} />
      </FormShell>
      {own && (
        <Button variant="secondary" disabled={resetting} onClick={reset}>
          {t("reset")}
        </Button>
      )}
    </div>
  );
}
