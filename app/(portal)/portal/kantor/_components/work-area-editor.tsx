"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { changeWorkAreaAction, previewWorkAreaAction } from "@/lib/features/offices/actions";
import type { WorkAreaPlan } from "@/lib/features/offices/work-area";
import { RegencyPicker, type RegencyChoice } from "./regency-picker";

type Message = { tone: "error" | "success"; text: string };

/**
 * Pick the new work area, review what it means (regencies taken from other offices, desa binaan
 * that move and to which office, regencies that cannot be given up), then confirm. Confirming
 * sends the reviewed moves, so a plan that changed meanwhile is refused rather than applied.
 */
export function WorkAreaEditor({
  officeId,
  version: initialVersion,
  current,
  provinces,
  initialProvince,
  today,
}: {
  officeId: string;
  version: number;
  current: string[];
  provinces: RegencyChoice[];
  initialProvince: string;
  today: string;
}) {
  const t = useTranslations("office");
  const router = useRouter();
  const [codes, setCodes] = useState(current);
  const [effectiveOn, setEffectiveOn] = useState(today);
  const [version, setVersion] = useState(initialVersion);
  const [plan, setPlan] = useState<WorkAreaPlan | null>(null);
  const [busy, setBusy] = useState<"preview" | "confirm" | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const input = () => ({ officeId, version, regencyCodes: codes, effectiveOn });
  const fail = (result: { error: string; fieldErrors?: Record<string, string> }) => {
    setErrors(result.fieldErrors ?? {});
    setMessage({ tone: "error", text: result.fieldErrors?._form ?? result.error });
  };

  async function review() {
    setBusy("preview");
    setMessage(null);
    setErrors({});
    const result = await previewWorkAreaAction(input());
    setBusy(null);
    if (result.ok) setPlan(result.data);
    else {
      setPlan(null);
      fail(result);
    }
  }

  async function confirm() {
    if (!plan) return;
    setBusy("confirm");
    setMessage(null);
    const result = await changeWorkAreaAction({ ...input(), expectedMoves: plan.moves.map((m) => m.id) });
    setBusy(null);
    if (!result.ok) return fail(result);
    setVersion(result.data.version);
    setPlan(null);
    setMessage({ tone: "success", text: t("workAreaChanged", { count: result.data.moved }) });
    router.refresh();
  }

  const unchanged = plan && plan.added.length === 0 && plan.removed.length === 0;
  return (
    <div className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <RegencyPicker
        provinces={provinces}
        value={codes}
        onChange={(next) => {
          setCodes(next);
          setPlan(null);
        }}
        officeId={officeId}
        initialProvince={initialProvince}
        error={errors.regencyCodes}
      />
      <TextField
        label={t("effectiveOn")}
        type="date"
        hint={t("effectiveOnHint")}
        value={effectiveOn}
        max={today}
        error={errors.effectiveOn}
        onChange={(e) => {
          setEffectiveOn(e.target.value);
          setPlan(null);
        }}
      />
      <Button variant="secondary" onClick={review} disabled={busy !== null}>
        {busy === "preview" ? t("previewing") : t("preview")}
      </Button>

      {plan && (
        <section aria-labelledby="work-area-plan" className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="work-area-plan" className="text-lg font-semibold">
            {t("previewTitle")}
          </h2>
          {unchanged && <p>{t("nothingChanges")}</p>}
          {plan.added.length > 0 && (
            <div>
              <h3 className="font-medium">{t("added")}</h3>
              <ul className="list-disc pl-5 text-sm">
                {plan.added.map((r) => (
                  <li key={r.code}>
                    {r.from.length > 0 ? t("addedFrom", { regency: r.name, offices: r.from.map((o) => o.name).join(", ") }) : r.name}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {plan.removed.length > 0 && (
            <div>
              <h3 className="font-medium">{t("removed")}</h3>
              <ul className="list-disc pl-5 text-sm">
                {plan.removed.map((r) => (
                  <li key={r.code}>{r.name}</li>
                ))}
              </ul>
            </div>
          )}
          <div>
            <h3 className="font-medium">{t("movesTitle")}</h3>
            {plan.moves.length === 0 ? (
              <p className="text-sm">{t("noMoves")}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead className="bg-slate-100">
                    <tr>
                      <th scope="col" className="px-2 py-1">{t("moveVillage")}</th>
                      <th scope="col" className="px-2 py-1">{t("moveFrom")}</th>
                      <th scope="col" className="px-2 py-1">{t("moveTo")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.moves.map((m) => (
                      <tr key={m.id} className="border-t border-slate-100">
                        <td className="px-2 py-1">
                          {m.villageName} <span className="block text-xs text-slate-600">{m.regency}</span>
                        </td>
                        <td className="px-2 py-1">{m.from.name}</td>
                        <td className="px-2 py-1">{m.to.name}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
          {plan.blocked.length > 0 ? (
            <Alert tone="error">
              <strong>{t("blockedTitle")}</strong>
              <ul className="list-disc pl-5">
                {plan.blocked.map((b) => (
                  <li key={b.code}>{t("blockedRow", { regency: b.name, count: b.villages })}</li>
                ))}
              </ul>
            </Alert>
          ) : (
            !unchanged && (
              <Button onClick={confirm} disabled={busy !== null}>
                {busy === "confirm" ? t("confirming") : t("confirm")}
              </Button>
            )
          )}
        </section>
      )}
    </div>
  );
}
