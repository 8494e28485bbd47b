import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { dateTimeFormat } from "@/lib/dates";
import { wibDay } from "@/lib/features/reports/period";
import { getReportChoices } from "@/lib/features/reports/activity-report";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";

export const metadata: Metadata = { title: "Laporan" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The report picker: choose a period, then download any report of the user's level or below. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser();
  const choices = await orNotFound(getReportChoices(user));
  const params = await searchParams;
  const t = await getTranslations("reports");
  const locale = await getLocale();

  // Default: last month, the report an office sends at the start of a month.
  const today = wibDay(new Date());
  const lastMonth = today.month === 1 ? { year: today.year - 1, month: 12 } : { year: today.year, month: today.month - 1 };
  const period = one(params.period) === "quarter" ? "quarter" : "month";
  const yearNum = Number(one(params.year));
  const year = Number.isInteger(yearNum) && yearNum >= 2020 && yearNum <= 2100 ? yearNum : lastMonth.year;
  const monthNum = Number(one(params.month));
  const month = monthNum >= 1 && monthNum <= 12 ? Math.trunc(monthNum) : lastMonth.month;
  const quarterNum = Number(one(params.quarter));
  const quarter = quarterNum >= 1 && quarterNum <= 4 ? Math.trunc(quarterNum) : Math.ceil(lastMonth.month / 3);
  const periodQuery = period === "month" ? `period=month&year=${year}&month=${month}` : `period=quarter&year=${year}&quarter=${quarter}`;
  const href = (level: string, id: string | null, format: string) => `/api/laporan?level=${level}${id ? `&id=${id}` : ""}&${periodQuery}&format=${format}`;

  const monthName = dateTimeFormat(locale, { month: "long", timeZone: "UTC" });
  const years = Array.from({ length: 8 }, (_, i) => today.year - i);
  const rows: { key: string; group: string; name: string; level: string; id: string | null }[] = [
    ...(choices.national ? [{ key: "national", group: t("levels.national"), name: t("national"), level: "national", id: null }] : []),
    ...choices.kanwils.map((k) => ({ key: k.id, group: t("levels.kanwil"), name: k.name, level: "kanwil", id: k.id })),
    ...choices.offices.map((o) => ({ key: o.id, group: t("levels.office"), name: o.name, level: "office", id: o.id })),
  ];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <Card title={t("period")}>
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <SelectField label={t("period")} name="period" defaultValue={period}>
            <option value="month">{t("periodMonth")}</option>
            <option value="quarter">{t("periodQuarter")}</option>
          </SelectField>
          <SelectField label={t("year")} name="year" defaultValue={String(year)}>
            {years.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </SelectField>
          <SelectField label={t("month")} name="month" defaultValue={String(month)}>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={i + 1}>{monthName.format(new Date(Date.UTC(2000, i, 1)))}</option>
            ))}
          </SelectField>
          <SelectField label={t("quarter")} name="quarter" defaultValue={String(quarter)}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>{t("quarterN", { n: q })}</option>
            ))}
          </SelectField>
          <div className="flex items-end">
            <button type="submit" className={buttonClass("secondary")}>{t("choosePeriod")}</button>
          </div>
        </form>
      </Card>
      <Card title={t("listTitle", { period: period === "month" ? `${monthName.format(new Date(Date.UTC(2000, month - 1, 1)))} ${year}` : `${t("quarterN", { n: quarter })} ${year}` })}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="report-table">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-3">{t("level")}</th>
                <th scope="col" className="py-2 pr-3">{t("subject")}</th>
                <th scope="col" className="py-2">{t("format")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-b border-slate-100">
                  <td className="py-2 pr-3 text-slate-700">{r.group}</td>
                  <th scope="row" className="py-2 pr-3 font-medium">{r.name}</th>
                  <td className="py-2">
                    <span className="flex flex-wrap gap-3">
                      <a href={href(r.level, r.id, "pdf")} aria-label={`${t("formatPdf")}: ${r.name}`}>PDF</a>
                      <a href={href(r.level, r.id, "xlsx")} aria-label={`${t("formatXlsx")}: ${r.name}`}>XLSX</a>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
