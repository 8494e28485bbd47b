"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { confirmSecondFactorAction, disableSecondFactorAction, startSecondFactorAction } from "@/lib/features/accounts/actions";
import { secondFactorCodeSchema } from "@/lib/features/accounts/schemas";

type Enrolment = { secret: string; qrSvg: string };

/** Off: a button; then the QR code and a first code; then the recovery codes, shown once. */
export function SecondFactorSetup({ enabledSince, mayDisable }: { enabledSince: string | null; mayDisable: boolean }) {
  const t = useTranslations("accounts.page");
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirm = useActionForm(secondFactorCodeSchema, confirmSecondFactorAction, {
    onSuccess: (data) => {
      setRecoveryCodes(data.recoveryCodes);
      return "";
    },
  });
  const disable = useActionForm(secondFactorCodeSchema, disableSecondFactorAction, { onSuccess: () => t("disabled") });

  if (recoveryCodes) {
    return (
      <div className="space-y-3">
        <h3 className="font-semibold">{t("recoveryTitle")}</h3>
        <p className="text-sm text-slate-700">{t("recoveryIntro")}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-base" data-testid="recovery-codes">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Link href="/portal" prefetch={false} className="inline-block font-medium">
          {t("continue")}
        </Link>
      </div>
    );
  }

  if (enabledSince) {
    return (
      <div className="space-y-4">
        <p>{t("secondFactorOn", { date: enabledSince })}</p>
        {mayDisable && (
          <form onSubmit={disable.onSubmit} noValidate className="space-y-3">
            {disable.message && <Alert tone={disable.message.tone}>{disable.message.text}</Alert>}
            <TextField label={t("disableCode")} autoComplete="one-time-code" inputMode="numeric" error={disable.fieldError("code")} {...disable.form.register("code")} />
            <Button type="submit" variant="secondary" disabled={disable.form.formState.isSubmitting}>
              {t("disable")}
            </Button>
          </form>
        )}
      </div>
    );
  }

  if (!enrolment) {
    return (
      <div className="space-y-3">
        <p>{t("secondFactorOff")}</p>
        {error && <Alert>{error}</Alert>}
        <Button
          type="button"
          onClick={async () => {
            const result = await startSecondFactorAction({});
            if (result.ok) setEnrolment(result.data);
            else setError(result.fieldErrors?._form ?? result.error);
          }}
        >
          {t("start")}
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <p className="text-sm">{t("scan")}</p>
      {/* the SVG comes from our own server's QR encoder, never from user input */}
      <div role="img" aria-label={t("qrAlt")} className="h-48 w-48" dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
      <p className="text-sm">
        {t("secretLabel")}: <code className="break-all font-mono" data-testid="totp-secret">{enrolment.secret}</code>
      </p>
      <form onSubmit={confirm.onSubmit} noValidate className="space-y-3">
        {confirm.message?.tone === "error" && <Alert>{confirm.message.text}</Alert>}
        <TextField label={t("code")} autoComplete="one-time-code" inputMode="numeric" error={confirm.fieldError("code")} {...confirm.form.register("code")} />
        <Button type="submit" disabled={confirm.form.formState.isSubmitting}>
          {t("confirm")}
        </Button>
      </form>
    </div>
  );
}
