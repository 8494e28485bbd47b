"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextAreaField, TextField } from "@/components/ui/field";
import { trackFormAction, type TrackState } from "@/lib/features/warnings/public-actions";

/**
 * The tracking page's forms: the code is posted, never put in the URL, so it stays out of
 * history, server logs and referrers. Through React's form state it works without JavaScript
 * too. Shows what the tipster may see (lib/features/warnings/public-tip.ts) and, when the office
 * asked a question, the answer form.
 */
export function TrackForm({ locale, newReportHref }: { locale: string; newReportHref: string }) {
  const t = useTranslations("tip.track");
  const [state, formAction, pending] = useActionState<TrackState, FormData>(trackFormAction, null);
  const view = state?.ok ? state.data : null;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const failure = state && !state.ok ? (errors._form ?? (errors.trackingCode ? null : errors.answer ? null : state.error)) : null;

  return (
    <div className="space-y-6">
      <form action={formAction} className="space-y-4" aria-busy={pending}>
        <input type="hidden" name="locale" value={locale} />
        {failure && <Alert>{failure}</Alert>}
        <TextField
          label={t("code")}
          name="trackingCode"
          required
          maxLength={30}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          hint={t("codeHint")}
          error={errors.trackingCode}
          className="font-mono"
        />
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? t("sending") : t("submit")}
        </button>
      </form>

      {view && (
        <section aria-labelledby="tip-status" className="space-y-4" data-testid="tip-status">
          <h2 id="tip-status" className="text-2xl font-bold">
            {t("status")}: <span data-testid="tip-status-label">{view.statusLabel}</span>
          </h2>
          <dl className="grid gap-2 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-slate-700">{t("ticket")}</dt>
              <dd className="font-mono font-bold">{view.ticketCode}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-700">{t("category")}</dt>
              <dd>{view.category}</dd>
            </div>
            {view.village && (
              <div>
                <dt className="text-sm text-slate-700">{t("village")}</dt>
                <dd>{view.village}</dd>
              </div>
            )}
            <div>
              <dt className="text-sm text-slate-700">{t("filedOn")}</dt>
              <dd>{view.filedOn}</dd>
            </div>
          </dl>
          <h3 className="text-lg font-semibold">{t("history")}</h3>
          <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
            {view.steps.map((step, i) => (
              <li key={i}>
                <p className="text-sm text-slate-700">{step.at}</p>
                <p className="font-medium">{step.label}</p>
                {step.body && <p className="whitespace-pre-line break-words">{step.body}</p>}
              </li>
            ))}
          </ol>
          {view.awaitsAnswer && (
            <form action={formAction} className="space-y-4 rounded-lg border border-amber-500 bg-amber-50 p-4">
              <h3 className="text-lg font-semibold">{t("answerTitle")}</h3>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="trackingCode" value={state?.code ?? ""} />
              <TextAreaField label={t("answer")} name="answer" rows={4} required maxLength={2000} hint={t("answerHint")} className="font-sans text-base" />
              <button type="submit" className={buttonClass("primary")} disabled={pending}>
                {t("answerSubmit")}
              </button>
            </form>
          )}
        </section>
      )}
      {state && !state.ok && errors.answer && <Alert>{errors.answer}</Alert>}
      <p>
        <a href={newReportHref}>{t("newReport")}</a>
      </p>
    </div>
  );
}
