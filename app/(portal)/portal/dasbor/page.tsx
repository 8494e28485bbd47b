import type { Metadata } from "next";
import Link from "next/link";
import { cacheLife } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { StageTable } from "@/components/stage-table";
import { Card, Stat } from "@/components/ui/card";
import { dateTimeFormat, formatDate, formatNumber } from "@/lib/dates";
import { isoDay, lastDayOf } from "@/lib/features/reports/period";
import { ATTENTION_DAYS } from "@/lib/features/reports/figures";
import { getDashboard, PER_OFFICE_LIMIT } from "@/lib/features/reports/dashboard";
import { parseDashboardFilters, type DashboardFilters as DashboardFilterValues } from "@/lib/features/reports/schemas";
import { figuresVersion, requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { requireScope } from "@/lib/server/scope";
import { currentMinute, readerScope, scopeReader, type ReaderScope } from "@/lib/server/section-cache";
import { BarChart } from "./_components/bar-chart";
import { CoverageMap } from "./_components/coverage-map";
import { DashboardFilters } from "./_components/dashboard-filters";
import { WarningScoresSection } from "../_components/warning-scores";
import { QuizSection } from "./_components/quiz-section";
import { DisclosureTable } from "@/components/ui/disclosure-table";
import { FigureTable } from "@/components/ui/figure-table";
import { NUMERIC_TABLE } from "@/components/ui/table";

export const metadata: Metadata = { title: "Dasbor" };

/** The oversight dashboard: an office sees its own, a Kanwil its offices, Ditjen all. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  // Refused before the cached view: an error thrown inside it reaches the page without its kind.
  await orNotFound(Promise.resolve().then(() => requireScope(user, "read:report")));
  const filters = parseDashboardFilters(await searchParams);
  return (
    <DashboardView
      scope={readerScope(user)}
      filters={filters}
      locale={await getLocale()}
      version={await figuresVersion()}
      minute={currentMinute()}
      // Early-warning scores are live (open and overdue counts move with the clock and with every
      // report): rendered per request and passed through the cached view as a slot, never cached in it.
      warnings={<WarningScoresSection user={user} filters={filters} />}
    />
  );
}

/**
 * The dashboard's content for one scope, filters, language, figures version and minute, cached
 * in the instance's memory with `"use cache"` (docs/decisions/0021): readers of the same scope
 * (every national reader, one Kanwil's staff, one office) share the rendered result until a
 * write in the figures bumps the version read with the signed-in user. Nothing about the reader
 * besides the scope may enter here: no cookie, no user id.
 */
async function DashboardView({
  scope,
  filters,
  locale,
  version,
  minute,
  warnings,
}: {
  scope: ReaderScope;
  filters: DashboardFilterValues;
  locale: string;
  /** figures_version's sum, read with the user: the key changes on the first request after a write */
  version: string;
  /** the minute the page was asked for: "needing attention" counts 90 days back from it */
  minute: number;
  /** A per-request section shown inside the view; a slot is not part of the cache key. */
  warnings: React.ReactNode;
}) {
  "use cache";
  // A version is never reused, so an entry is never stale while kept; the time only frees memory.
  cacheLife({ stale: 0, revalidate: 600, expire: 600 });
  void version;
  const user = scopeReader(scope);
  const d = await getDashboard(user, filters, new Date(minute));
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const tStage = await getTranslations({ locale, namespace: "stages" });
  const n = (v: number) => formatNumber(v, locale);
  const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`), locale);
  const monthLabel = dateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" });

  let title: string;
  if (user.role === "NATIONAL_ADMIN") title = t("titleNational");
  else if (user.role === "REGIONAL_OVERSEER") title = t("titleRegional", { kanwil: d.kanwilName ?? "" });
  // an office's own name is among its (single) office choices: no extra query
  else title = t("titleOffice", { office: d.officeChoices.find((o) => o.id === user.officeId)?.name ?? "" });

  const p = d.period;
  const periodQuery = new URLSearchParams({
    period: p.kind,
    year: String(p.year),
    ...(p.month ? { month: String(p.month) } : {}),
    ...(p.quarter ? { quarter: String(p.quarter) } : {}),
    ...(p.kind === "custom" ? { from: isoDay(p.from), to: lastDayOf(p) } : {}),
  }).toString();
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
        <DashboardFilters dashboard={d} locale={locale} />
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

      {warnings}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("villagesByStage")}>
          <StageTable counts={d.villagesByStage} locale={locale} />
        </Card>
        <Card title={t("reachByGender")}>
          <table className={NUMERIC_TABLE}>
            <tbody>
              {(["male", "female", "unknown", "total"] as const).map((g) => (
                <tr key={g}>
                  <th scope="row">{t(`gender.${g}`)}</th>
                  <td>{n(d.reach[g])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t("reachByCategory")}>
          {d.reachByCategory.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noReach")}</p>
          ) : (
            <table className={NUMERIC_TABLE}>
              <thead>
                <tr>
                  <th scope="col">{t("categoryCol")}</th>
                  <th scope="col" className="text-right">{t("gender.male")}</th>
                  <th scope="col" className="text-right">{t("gender.female")}</th>
                  <th scope="col" className="text-right">{t("gender.total")}</th>
                </tr>
              </thead>
              <tbody>
                {d.reachByCategory.map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{t(`category.${c.category}`)}</th>
                    <td>{n(c.male)}</td>
                    <td>{n(c.female)}</td>
                    <td>{n(c.total)}</td>
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
              locale={locale}
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
            <BarChart locale={locale} title={t("trendReach")} categories={months} series={[{ label: t("reachedCol"), className: "fill-sky-600", values: d.trend.map((m) => m.reached) }]} />
          </div>
        </div>
        <DisclosureTable
          className="mt-4"
          summary={t("trendDataTable")}
          withoutScript={t("tableNeedsScript")}
          numeric
          testId="trend-table"
          columns={[t("monthCol"), t("heldCol"), t("plannedCol"), t("reachedCol")]}
          rows={d.trend.map((m, i) => [m.key, months[i]!, n(m.held), n(m.planned), n(m.reached)])}
        />
      </Card>

      <QuizSection reader={user} filters={filters} locale={locale} />

      {/* A map of Indonesia with one province coloured (a Kanwil, one province's offices) says
          nothing the figures above do not: shown when the villages span several provinces. */}
      {d.coverage.length > 1 && (
        <Card title={t("mapTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("mapIntro")}</p>
          <CoverageMap coverage={d.coverage} locale={locale} />
        </Card>
      )}

      <Card title={t("attentionTitle")}>
        {d.attention.total === 0 ? (
          <p className="text-sm">{t("attentionNone", { days: ATTENTION_DAYS })}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700">{t("attentionIntro", { days: ATTENTION_DAYS, count: d.attention.total })}</p>
            <div className="overflow-x-auto">
              <FigureTable
                testId="attention-table"
                columns={[t("villageCol"), t("regencyCol"), ...(d.officeCount > 1 ? [t("officeCol")] : []), t("stageCol"), t("lastHeldCol")]}
                rows={d.attention.villages.map((v) => [
                  v.id,
                  [v.village, v.district],
                  v.regency,
                  ...(d.officeCount > 1 ? [v.office] : []),
                  tStage(v.stage),
                  v.lastHeldAt ? day(isoDay(v.lastHeldAt)) : t("never"),
                ])}
              />
            </div>
            {d.attention.total > d.attention.villages.length && (
              <p className="mt-2 text-xs text-slate-600">{t("attentionMore", { shown: d.attention.villages.length, count: d.attention.total })}</p>
            )}
          </>
        )}
      </Card>

      {d.officeCount > PER_OFFICE_LIMIT && (
        <p className="text-sm text-slate-700">{t("perOfficeNarrow", { count: d.officeCount })}</p>
      )}
      {d.perOffice.length > 0 && (
        <Card title={t("perOfficeTitle")}>
          <div className="overflow-x-auto">
            <table className={NUMERIC_TABLE} data-testid="office-table">
              <thead>
                <tr>
                  <th scope="col">{t("officeCol")}</th>
                  <th scope="col" className="text-right">{t("villagesCol")}</th>
                  <th scope="col" className="text-right">{t("heldCol")}</th>
                  <th scope="col" className="text-right">{t("plannedCol")}</th>
                  <th scope="col" className="text-right">{t("reachedCol")}</th>
                </tr>
              </thead>
              <tbody>
                {d.perOffice.map((o) => (
                  <tr key={o.officeId}>
                    <th scope="row">
                      <Link href={`/portal/dasbor?office=${o.officeId}&${periodQuery}`}>{o.name}</Link>
                    </th>
                    <td>{n(o.villages)}</td>
                    <td>{n(o.held)}</td>
                    <td>{n(o.planned)}</td>
                    <td>{n(o.reached)}</td>
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
