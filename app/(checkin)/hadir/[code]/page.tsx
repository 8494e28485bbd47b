import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formatDateTimeInZone } from "@/lib/dates";
import { getCheckInSession } from "@/lib/features/events/queries";
import { ATTENDEE_CATEGORIES } from "@/lib/features/events/schemas";

export const metadata: Metadata = { title: "Daftar hadir", robots: { index: false } };

const RESULTS = ["created", "already", "closed", "limited", "invalid"] as const;
type Result = (typeof RESULTS)[number];

/**
 * The attendee's phone opens this from the QR code: a small server-rendered page whose form
 * posts straight to the route handler, so it works without JavaScript on a weak signal.
 */
export default async function CheckInPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ hasil?: string; kolom?: string; alasan?: string; kuis?: string }>;
}) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const t = await getTranslations("checkIn");
  const tq = await getTranslations("quiz");
  const tc = await getTranslations();
  const locale = await getLocale();
  const session = await getCheckInSession(code);
  const result = RESULTS.find((r) => r === query.hasil) as Result | undefined;
  const badFields = new Set((query.kolom ?? "").split(",").filter(Boolean));
  const open = !!session && session.checkInOpen && session.status !== "CANCELLED";

  return (
    <div className="mx-auto max-w-md px-4 py-6">
      {!session ? (
        <Card>
          <h1 className="mb-3 text-xl font-bold">{t("unknownTitle")}</h1>
          <p>{t("unknownBody")}</p>
        </Card>
      ) : (
        <div className="space-y-4">
          <div>
            <p className="text-sm font-semibold text-brand-800">{tc(`eventType.${session.type}`)} · {session.office.name}</p>
            <h1 className="text-xl font-bold">{session.title}</h1>
            <p className="text-sm text-slate-700">
              {session.venueName} · {formatDateTimeInZone(session.startsAt, session.timeZone, locale)}
            </p>
          </div>
          {result === "created" && <Alert tone="success">{t("created")}</Alert>}
          {result === "already" && <Alert tone="success">{t("already")}</Alert>}
          {(result === "created" || result === "already") && query.kuis && (
            <Card>
              <p className="mb-3">{tq("answer.invite")}</p>
              <a href={`/hadir/${encodeURIComponent(code)}/kuis/${encodeURIComponent(query.kuis)}`} className={buttonClass("primary", "w-full")}>
                {tq("answer.open")}
              </a>
            </Card>
          )}
          {result === "limited" && (
            <Alert>{t(query.alasan === "device" ? "limitedDevice" : query.alasan === "session" ? "limitedSession" : "limited")}</Alert>
          )}
          {result === "invalid" && <Alert>{t("invalid")}</Alert>}
          {!open ? (
            <Alert tone="info">{session.status === "CANCELLED" ? t("cancelled") : t("closed")}</Alert>
          ) : result === "created" || result === "already" ? (
            <p className="text-sm text-slate-700">
              {t("thanks")}{" "}
              <a href={`/hadir/${encodeURIComponent(code)}`} className="font-semibold">
                {t("another")}
              </a>
            </p>
          ) : (
            <Card>
              <form method="post" action={`/api/hadir/${encodeURIComponent(code)}`} className="space-y-4">
                {/* This form's own id: sent again on a bad connection, it counts once (ADR 0019). */}
                <input type="hidden" name="clientId" value={randomUUID()} />
                <TextField label={t("name")} name="name" required maxLength={120} autoComplete="name" error={badFields.has("name") ? t("nameError") : undefined} />
                <SelectField label={t("category")} name="category" required defaultValue="WARGA">
                  {ATTENDEE_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {tc(`attendeeCategory.${c}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={t("origin")}
                  name="origin"
                  maxLength={200}
                  list="hadir-villages"
                  hint={t("originHint")}
                />
                <datalist id="hadir-villages">
                  {session.villages.map((v) => (
                    <option key={v.desaBinaan.village.name} value={v.desaBinaan.village.name} />
                  ))}
                </datalist>
                <fieldset className="space-y-1">
                  <legend className="text-sm font-medium text-slate-900">{t("gender")}</legend>
                  <div className="flex gap-4">
                    {(["L", "P"] as const).map((g) => (
                      <label key={g} className="flex min-h-11 items-center gap-2">
                        <input type="radio" name="gender" value={g} className="size-5" />
                        {t(`gender${g}`)}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <TextField
                  label={t("phone")}
                  name="phone"
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  maxLength={30}
                  hint={t("phoneHint")}
                  error={badFields.has("phone") ? tc("validation.phone") : undefined}
                />
                <div>
                  <label className="flex items-start gap-3">
                    <input type="checkbox" name="consent" required className="mt-1 size-5 shrink-0" aria-describedby="consent-error" />
                    <span className="text-sm">{t("consent")}</span>
                  </label>
                  {badFields.has("consent") && (
                    <p id="consent-error" className="mt-1 text-sm font-medium text-red-700">
                      {tc("validation.checkInConsent")}
                    </p>
                  )}
                </div>
                <button type="submit" className={buttonClass("primary", "w-full")}>
                  {t("submit")}
                </button>
              </form>
            </Card>
          )}
          <p className="text-xs text-slate-600">{t("privacy")}</p>
        </div>
      )}
    </div>
  );
}
