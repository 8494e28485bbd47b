"use client";
import type { Challenge } from "altcha-lib";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { submitTipAction } from "@/lib/features/warnings/public-actions";
import type { PublicVillage } from "@/lib/features/warnings/public-tip";
import { useProofOfWork } from "./use-proof-of-work";
import { VillagePicker } from "./village-picker";

type Choice = { value: string; label: string };

/**
 * The public tip form: plain fields, the village picker, the UU PDP notice and its consent, and
 * a proof-of-work challenge solved in the background. The server checks everything again
 * (publicTipSchema) and answers with messages in the page's language; on success the ticket and
 * the tracking code are shown once, here, and nowhere else.
 */
export function TipForm({
  locale,
  challenge,
  village,
  categories,
  today,
  maxDay,
  trackHref,
}: {
  locale: string;
  challenge: Challenge;
  village: PublicVillage | null;
  categories: Choice[];
  /** The default day (WIB's today) and the latest accepted (WIT's today). */
  today: string;
  maxDay: string;
  trackHref: string;
}) {
  const t = useTranslations("tip");
  const pow = useProofOfWork(challenge);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<{ ticketCode: string; trackingCode: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const alert = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sent) heading.current?.focus();
  }, [sent]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const form = event.currentTarget;
    setSending(true);
    setFormError(null);
    const values = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const altcha = (await pow.payload()) ?? undefined;
        const result = await submitTipAction({ ...values, altcha, locale } as Parameters<typeof submitTipAction>[0]);
        if (result.ok) {
          setSent(result.data);
          return;
        }
        const { _form, altcha: powError, ...fields } = result.fieldErrors ?? {};
        setErrors(fields);
        setFormError(_form ?? powError ?? result.error);
        // A spent or expired challenge: solve a fresh one and send once more by itself.
        if (powError && attempt === 0 && Object.keys(fields).length === 0) {
          pow.renew();
          continue;
        }
        break;
      }
    } catch {
      setFormError(t("form.sendFailed"));
    } finally {
      setSending(false);
    }
    setTimeout(() => alert.current?.focus(), 0);
  }

  if (sent) {
    return (
      <section aria-labelledby="tip-sent" className="space-y-4" data-testid="tip-sent">
        <h2 id="tip-sent" ref={heading} tabIndex={-1} className="text-2xl font-bold">
          {t("sent.title")}
        </h2>
        <p>{t("sent.lead")}</p>
        <dl className="space-y-3 rounded-lg border-2 border-brand-700 bg-white p-4">
          <div>
            <dt className="text-sm text-slate-700">{t("sent.ticket")}</dt>
            <dd className="font-mono text-lg font-bold" data-testid="ticket-code">
              {sent.ticketCode}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("sent.tracking")}</dt>
            <dd className="font-mono text-2xl font-bold tracking-wider break-all" data-testid="tracking-code">
              {sent.trackingCode}
            </dd>
          </div>
        </dl>
        <Alert tone="info">{t("sent.writeDown")}</Alert>
        <p className="flex flex-wrap gap-3">
          <a href={trackHref} className={buttonClass("primary")}>
            {t("sent.trackLink")}
          </a>
        </p>
      </section>
    );
  }

  const powText = { working: t("form.powWorking"), done: t("form.powDone"), failed: t("form.powFailed") }[pow.state];
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-busy={sending}>
      {formError && (
        <div ref={alert} tabIndex={-1}>
          <Alert>{formError}</Alert>
        </div>
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{t("form.category")}</legend>
        {categories.map((c, i) => (
          <label key={c.value} className="flex min-h-11 items-start gap-3">
            <input type="radio" name="category" value={c.value} required={i === 0} className="mt-1 size-5 shrink-0" />
            <span>{c.label}</span>
          </label>
        ))}
        {errors.category && <p className="text-sm font-medium text-red-700">{errors.category}</p>}
      </fieldset>
      <TextAreaField
        label={t("form.description")}
        name="description"
        rows={5}
        required
        maxLength={4000}
        hint={t("form.descriptionHint")}
        error={errors.description}
        className="font-sans text-base"
      />
      <TextField label={t("form.occurredOn")} name="occurredOn" type="date" required max={maxDay} defaultValue={today} error={errors.occurredOn} />
      <VillagePicker initial={village} error={errors.villageCode} />
      <TextField label={t("form.place")} name="place" maxLength={300} hint={t("form.placeHint")} error={errors.place} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{t("form.urgency")}</legend>
        {(["NORMAL", "URGENT"] as const).map((u) => (
          <label key={u} className="flex min-h-11 items-center gap-3">
            <input type="radio" name="urgency" value={u} defaultChecked={u === "NORMAL"} className="size-5 shrink-0" />
            <span>{u === "URGENT" ? t("form.urgencyUrgent") : t("form.urgencyNormal")}</span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={t("form.people")}
        name="peopleInvolved"
        rows={3}
        maxLength={2000}
        hint={t("form.peopleHint")}
        error={errors.peopleInvolved}
        className="font-sans text-base"
      />
      <TextField
        label={t("form.contact")}
        name="contact"
        maxLength={200}
        autoComplete="tel"
        hint={t("form.contactHint")}
        error={errors.contact}
      />
      <section aria-labelledby="tip-consent" className="space-y-2 rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm">
        <h2 id="tip-consent" className="text-base font-semibold">
          {t("form.consentTitle")}
        </h2>
        <p>{t("form.consentWhat")}</p>
        <p>{t("form.consentWho")}</p>
        <p>{t("form.consentWhy")}</p>
        <p>{t("form.consentHowLong")}</p>
        <CheckboxField label={t("form.consent")} name="consent" required error={errors.consent} />
      </section>
      <p role="status" className="text-sm text-slate-700" data-testid="pow-status" data-state={pow.state}>
        <span className="font-medium">{t("form.powLabel")}:</span> {powText}
      </p>
      <button type="submit" className={buttonClass("primary", "w-full sm:w-auto")} disabled={sending}>
        {sending ? (pow.state === "working" ? t("form.powWaiting") : t("form.sending")) : t("form.submit")}
      </button>
    </form>
  );
}
