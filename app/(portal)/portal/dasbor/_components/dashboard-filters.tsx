import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { FilterSelectField, SelectField, TextField } from "@/components/ui/field";
import type { Dashboard } from "@/lib/features/reports/dashboard";
import { narrowChoices } from "@/lib/choices";
import { dateTimeFormat } from "@/lib/dates";
import { isoDay, lastDayOf } from "@/lib/features/reports/period";

/** Filters as a plain GET form: the dashboard is a shareable URL and needs no client script. */
export async function DashboardFilters({ dashboard, locale }: { dashboard: Dashboard; locale: string }) {
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const { period, filters } = dashboard;
  const monthName = dateTimeFormat(locale, { month: "long", timeZone: "UTC" });
  // The nation's 125 offices wait for a province (lib/choices.ts); a Kanwil's few are all listed.
  const offices = narrowChoices(dashboard.officeChoices, filters.provinceCode, (o) => o.id === filters.officeId);
  const years = Array.from({ length: 8 }, (_, i) => new Date().getUTCFullYear() + 1 - i);
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("filters")}>
      {dashboard.officeChoices.length > 1 && (
        <>
          <FilterSelectField
            label={t("province")}
            name="province"
            defaultValue={filters.provinceCode ?? ""}
            allLabel={t("allProvinces")}
            choices={dashboard.provinceChoices.map((p) => ({ value: p.code, label: p.name }))}
          />
          <FilterSelectField
            label={t("office")}
            name="office"
            defaultValue={filters.officeId ?? ""}
            hint={offices.needsProvince ? t("officeNeedsProvince") : undefined}
            allLabel={t("allOffices")}
            choices={offices.choices.map((o) => ({ value: o.id, label: o.name }))}
          />
        </>
      )}
      <SelectField label={t("period")} name="period" defaultValue={period.kind}>
        {(["month", "quarter", "year", "custom"] as const).map((k) => (
          <option key={k} value={k}>{t(`periodKind.${k}`)}</option>
        ))}
      </SelectField>
      <SelectField label={t("year")} name="year" defaultValue={String(period.year)}>
        {years.map((y) => (
          <option key={y} value={y}>{y}</option>
        ))}
      </SelectField>
      <SelectField label={t("month")} name="month" defaultValue={String(period.month ?? "")}>
        <option value="">–</option>
        {Array.from({ length: 12 }, (_, i) => (
          <option key={i} value={i + 1}>{monthName.format(new Date(Date.UTC(2000, i, 1)))}</option>
        ))}
      </SelectField>
      <SelectField label={t("quarter")} name="quarter" defaultValue={String(period.quarter ?? "")}>
        <option value="">–</option>
        {[1, 2, 3, 4].map((q) => (
          <option key={q} value={q}>{`Q${q}`}</option>
        ))}
      </SelectField>
      <TextField label={t("from")} name="from" type="date" defaultValue={period.kind === "custom" ? isoDay(period.from) : ""} />
      <TextField label={t("to")} name="to" type="date" defaultValue={period.kind === "custom" ? lastDayOf(period) : ""} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClass("primary")}>{t("apply")}</button>
        <Link href="/portal/dasbor" className={buttonClass("secondary")}>{t("reset")}</Link>
      </div>
    </form>
  );
}
