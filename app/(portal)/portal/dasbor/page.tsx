import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StageTable } from "@/components/stage-table";
import { Card, Stat } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import { getOwnKanwil } from "@/lib/features/home/queries";
import { getOffice } from "@/lib/features/offices/queries";
import { isoDay, lastDayOf } from "@/lib/features/reports/period";
import { ATTENTION_DAYS, getDashboard } from "@/lib/features/reports/queries";
import { parseDashboardFilters } from "@/lib/features/reports/schemas";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { BarChart } from "./_components/bar-chart";
import { CoverageMap } from "./_components/coverage-map";
import { DashboardFilters } from "./_components/dashboard-filters";

export const metadata: Metadata = { title: "Dasbor" };

const th = "py-2 pr-3";
const num = "py-2 pr-3 text-right tabular-nums";

/** The oversight dashboard: an office sees its own, a Kanwil its offices, Ditjen all. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filters = parseDashboardFilters(await searchParams);
  const d = await orNotFound(getDashboard(user, filters));
  const t = await getTranslations("dashboard");
  const tStage = await getTranslations("stages");
  const locale = await getLocale();
  const n = (v: number) => v.toLocaleString(locale === "en" ? "en-GB" : "id-ID");
  const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`), locale);
  const monthLabel = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { month: "short", year: "2-digit", timeZone: "UTC" });

  let title: string;
  if (user.role === "NATIONAL_ADMIN") title = t("titleNational");
  else if (user.role === "REGIONAL_OVERSEER") title = t("titleRegional", { kanwil: (await orNotFound(getOwnKanwil(user))).name });
  else title = t("titleOffice", { office: (await orNotFound(getOffice(user, user.officeId ?? ""))).name });

  const months = d.trend.map((m) => monthLabel.format(new Date(Date.UTC(m.year, m.month - 1, 1))));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{title}</h1>
          <p className="text-slate-700">{t("intro")}</p>
        </div>
        <Link href="/portal/laporan" className="text-sm font-medium">{t("reportsLink")}</Link>
      </div>

      <Card title={t("filters")}>
        <DashboardFilters dashboard={d} />
      </Card>
      <p className="text-sm text-slate-700" data-testid="dashboard-scope">
        {t("showing", { from: day(isoDay(d.period.from)), to: day(lastDayOf(d.period)), offices: d.officeCount })}
      </p>
      {d.officeCount === 0 && <p role="status">{t("noOffices")}</p>}

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        {d.officeCount > 1 && <Stat label={t("offices")} value={n(d.officeCount)} />}
        <Stat label={t("villages")} value={n(d.villageCount)} />
        <Stat label={t("sessionsHeld")} value={<span data-testid="stat-held">{n(d.sessions.held)}</span>} />
        <Stat label={t("sessionsPlanned")} value={n(d.sessions.planned)} />
        <Stat label={t("reached")} value={<span data-testid="stat-reached">{n(d.reach.total)}</span>} />
        <Stat label={t("needsAttention")} value={n(d.attention.total)} />
      </dl>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("villagesByStage")}>
          <StageTable counts={d.villagesByStage} />
        </Card>
        <Card title={t("reachByGender")}>
          <table className="w-full text-left text-sm">
            <tbody>
              {(["male", "female", "unknown", "total"] as const).map((g) => (
                <tr key={g} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className={`${th} font-medium`}>{t(`gender.${g}`)}</th>
                  <td className={num}>{n(d.reach[g])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t("reachByCategory")}>
          {d.reachByCategory.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noReach")}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className={th}>{t("categoryCol")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("gender.male")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("gender.female")}</th>
                  <th scope="col" className="py-2 text-right">{t("gender.total")}</th>
                </tr>
              </thead>
              <tbody>
                {d.reachByCategory.map((c) => (
                  <tr key={c.category} className="border-b border-slate-100">
                    <th scope="row" className={`${th} font-medium`}>{t(`category.${c.category}`)}</th>
                    <td className={num}>{n(c.male)}</td>
                    <td className={num}>{n(c.female)}</td>
                    <td className="py-2 text-right tabular-nums">{n(c.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>

      <Card title={t("trendTitle")}>
        <div className="grid gap-6 lg:grid-cols-2">
          <div>
            <h3 className="mb-2 font-medium">{t("trendSessions")}</h3>
            <BarChart
              title={t("trendSessions")}
              categories={months}
              series={[
                { label: t("heldCol"), className: "fill-brand-700", values: d.trend.map((m) => m.held) },
                { label: t("plannedCol"), className: "fill-amber-500", values: d.trend.map((m) => m.planned) },
              ]}
            />
          </div>
          <div>
            <h3 className="mb-2 font-medium">{t("trendReach")}</h3>
            <BarChart title={t("trendReach")} categories={months} series={[{ label: t("reachedCol"), className: "fill-sky-600", values: d.trend.map((m) => m.reached) }]} />
          </div>
        </div>
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-800">{t("trendDataTable")}</summary>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="trend-table">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className={th}>{t("monthCol")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("heldCol")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("plannedCol")}</th>
                  <th scope="col" className="py-2 text-right">{t("reachedCol")}</th>
                </tr>
              </thead>
              <tbody>
                {d.trend.map((m, i) => (
                  <tr key={m.key} className="border-b border-slate-100">
                    <th scope="row" className={`${th} font-medium`}>{months[i]}</th>
                    <td className={num}>{n(m.held)}</td>
                    <td className={num}>{n(m.planned)}</td>
                    <td className="py-2 text-right tabular-nums">{n(m.reached)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Card>

      {d.officeCount > 1 && (
        <Card title={t("mapTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("mapIntro")}</p>
          <CoverageMap coverage={d.coverage} />
        </Card>
      )}

      <Card title={t("attentionTitle")}>
        {d.attention.total === 0 ? (
          <p className="text-sm">{t("attentionNone", { days: ATTENTION_DAYS })}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700">{t("attentionIntro", { days: ATTENTION_DAYS, count: d.attention.total })}</p>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="attention-table">
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className={th}>{t("villageCol")}</th>
                    <th scope="col" className={th}>{t("regencyCol")}</th>
                    {d.officeCount > 1 && <th scope="col" className={th}>{t("officeCol")}</th>}
                    <th scope="col" className={th}>{t("stageCol")}</th>
                    <th scope="col" className={th}>{t("lastHeldCol")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.attention.villages.map((v) => (
                    <tr key={v.id} className="border-b border-slate-100">
                      <th scope="row" className={`${th} font-medium`}>
                        {v.village}
                        <span className="block text-xs font-normal text-slate-600">{v.district}</span>
                      </th>
                      <td className={th}>{v.regency}</td>
                      {d.officeCount > 1 && <td className={th}>{v.office}</td>}
                      <td className={th}>{tStage(v.stage)}</td>
                      <td className={th}>{v.lastHeldAt ? day(isoDay(v.lastHeldAt)) : t("never")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {d.attention.total > d.attention.villages.length && (
              <p className="mt-2 text-xs text-slate-600">{t("attentionMore", { shown: d.attention.villages.length, count: d.attention.total })}</p>
            )}
          </>
        )}
      </Card>

      {d.perOffice.length > 1 && (
        <Card title={t("perOfficeTitle")}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="office-table">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className={th}>{t("officeCol")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("villagesCol")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("heldCol")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("plannedCol")}</th>
                  <th scope="col" className="py-2 text-right">{t("reachedCol")}</th>
                </tr>
              </thead>
              <tbody>
                {d.perOffice.map((o) => (
                  <tr key={o.officeId} className="border-b border-slate-100">
                    <th scope="row" className={`${th} font-medium`}>
                      <Link href={`/portal/dasbor?office=${o.officeId}&period=${d.period.kind}&year=${d.period.year}${d.period.month ? `&month=${d.period.month}` : ""}${d.period.quarter ? `&quarter=${d.period.quarter}` : ""}`}>{o.name}</Link>
                    </th>
                    <td className={num}>{n(o.villages)}</td>
                    <td className={num}>{n(o.held)}</td>
                    <td className={num}>{n(o.planned)}</td>
                    <td className="py-2 text-right tabular-nums">{n(o.reached)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </div>
  );
}
