"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { SelectField } from "@/components/ui/field";

export type RegencyChoice = {
  code: string;
  name: string;
  regencies: { code: string; name: string; heldBy: { id: string; name: string }[] }[];
};

/**
 * Regencies/cities of one province at a time as checkboxes (a few dozen, readable at 360 px and
 * by keyboard), each naming the office that holds it now. `freeOnly` disables those held by
 * another office (a new office may not take them without the move preview).
 */
export function RegencyPicker({
  provinces,
  value,
  onChange,
  officeId,
  initialProvince,
  freeOnly = false,
  error,
}: {
  provinces: RegencyChoice[];
  value: string[];
  onChange: (codes: string[]) => void;
  officeId?: string;
  initialProvince: string;
  freeOnly?: boolean;
  error?: string;
}) {
  const t = useTranslations("office");
  const [province, setProvince] = useState(initialProvince);
  const groupId = useId();
  const selected = new Set(value);
  const shown = provinces.find((p) => p.code === province)?.regencies ?? [];
  const names = new Map(provinces.flatMap((p) => p.regencies.map((r) => [r.code, r.name] as const)));
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code].sort() : value.filter((c) => c !== code));
  return (
    <div className="space-y-2">
      <SelectField label={t("regencyProvince")} value={province} onChange={(e) => setProvince(e.target.value)}>
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <fieldset aria-describedby={error ? `${groupId}-error` : undefined} className="space-y-1">
        <legend className="text-sm font-medium text-slate-900">{t("regencies")}</legend>
        <ul className="max-h-80 space-y-1 overflow-y-auto rounded-md border border-slate-300 bg-white p-2">
          {shown.map((r) => {
            const others = r.heldBy.filter((o) => o.id !== officeId);
            const disabled = freeOnly && others.length > 0;
            return (
              <li key={r.code}>
                <label className="flex min-h-11 items-start gap-2 py-1 text-sm">
                  <input
                    type="checkbox"
                    className="mt-1 size-5"
                    checked={selected.has(r.code)}
                    disabled={disabled}
                    onChange={(e) => toggle(r.code, e.target.checked)}
                  />
                  <span>
                    {r.name} <span className="text-slate-600">({r.code})</span>
                    {others.length > 0 && (
                      <span className="block text-xs text-slate-600">
                        {t("regencyHeldBy", { offices: others.map((o) => o.name).join(", ") })}
                      </span>
                    )}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p className="text-sm text-slate-700" aria-live="polite">
        {t("selected", { count: value.length })}
        {value.length > 0 && `: ${value.map((c) => names.get(c) ?? c).join(", ")}`}
      </p>
      {error && (
        <p id={`${groupId}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
