import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FilterSelectField, SelectField } from "@/components/ui/field";
import { NUMERIC_TABLE } from "@/components/ui/table";
import { dateTimeFormat, formatDate, formatNumber } from "@/lib/dates";
import { isoDay, lastDayOf } from "@/lib/features/reports/period";
import { parseDashboardFilters } from "@/lib/features/reports/schemas";
import { getWarningScores, type OfficeScore, type Score } from "@/lib/features/warnings/scores";
import { titled } from "@/lib/i18n/metadata";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { formatMedian, formatShare } from "../../_components/warning-scores";

export const generateMetadata = titled("warningScores.page.title");

/** Offices listed nationally when sorted by overdue count (all of them once a province is chosen). */
const TOP_OVERDUE = 25;

/**
 * The SLA view (ADR 0024): first-response scores per office for a month, quarter or year. The
 * nation sees one row per Kanwil and, for a chosen province, its offices; a Kanwil its offices; an
 * office its own row; a village account gets 404. Sortable by the live overdue count
 * (`urut=terlambat`; nationally the 25 offices with most).
 */
export default async function WarningSlaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  // the running month unless a period is asked for
  const parsed = parseDashboardFilters({ period: "month", ...params });
  // whole months only: a custom range becomes the year it starts in
  const filters = { ...parsed, officeId: undefined };
  const scores = await orNotFound(getWarningScores(user, filters));
  const byOverdue = params.urut === "terlambat";
  const t = await getTranslations("warningScores");
  const locale = await getLocale();
  const n = (v: number) => formatNumber(v, locale);
  const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`), locale);
  const monthName = dateTimeFormat(locale, { month: "long", timeZone: "UTC" });
  const p = scores.period;
  const national = user.role === "NATIONAL_ADMIN";
  const title = user.role === "REGIONAL_OVERSEER" && scores.kanwils[0] ? t("page.titleRegional", { kanwil: scores.kanwils[0].name }) : t("page.title");
  const query = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams({
      period: p.kind === "custom" ? "year" : p.kind,
      year: String(p.year),
      ...(p.month ? { month: String(p.month) } : {}),
      ...(p.quarter ? { quarter: String(p.quarter) } : {}),
      ...(filters.provinceCode ? { province: filters.provinceCode } : {}),
    });
    for (const [k, v] of Object.entries(over)) {
      if (v === undefined) q.delete(k);
      else q.set(k, v);
    }
    return `/portal/deteksi/sla?${q.toString()}`;
  };
  const officeQuery = query({ urut: undefined }).split("?")[1];
  const years = Array.from({ length: 6 }, (_, i) => new Date().getUTCFullYear() - i);
  // The nation without a province: one row per Kanwil (its offices one click away), or, sorted by
  // overdue, the offices with most red flags; 125 office rows cost the page six times its weight.
  const nationwide = national && !filters.provinceCode;
  const sorted = byOverdue ? [...scores.offices].sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name)) : [];
  const hidden = byOverdue && nationwide ? Math.max(0, sorted.length - TOP_OVERDUE) : 0;
  const groups: { key: string; heading: string | null; headingHref?: string; total: Score | null; offices: OfficeScore[] }[] = byOverdue
    ? [{ key: "all", heading: null, total: null, offices: hidden > 0 ? sorted.slice(0, TOP_OVERDUE) : sorted }]
    : scores.kanwils.map((k) => ({
        key: k.kanwilId,
        heading: national ? k.name : null,
        headingHref: nationwide ? query({ province: k.provinceCode }) : undefined,
        total: national ? k : null,
        offices: nationwide ? [] : k.offices,
      }));
  const cells = (s: Score) => (
    <>
      <td>{n(s.filed)}</td>
      <td>{formatMedian(s, t, locale)}</td>
      <td>{formatShare(s.shareWithinSla, t, locale)}</td>
      <td>{n(s.open)}</td>
      <td className={s.overdue > 0 ? "font-semibold text-red-800" : undefined}>{n(s.overdue)}</td>
    </>
  );
  const showKanwil = national && byOverdue;
  const approximate = scores.total.medianApproximate || scores.offices.some((o) => o.medianApproximate);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-slate-700">{t("page.intro")}</p>
      </div>
      <Card title={t("page.filters")}>
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" aria-label={t("page.filters")}>
          {scores.kanwilChoices.length > 1 && (
            <FilterSelectField
              label={t("page.province")}
              name="province"
              defaultValue={filters.provinceCode ?? ""}
              allLabel={t("page.allProvinces")}
              choices={scores.kanwilChoices.map((k) => ({ value: k.provinceCode, label: k.name }))}
            />
          )}
          <SelectField label={t("page.period")} name="period" defaultValue={p.kind === "custom" ? "year" : p.kind}>
            {(["month", "quarter", "year"] as const).map((k) => (
              <option key={k} value={k}>{t(`page.${k}`)}</option>
            ))}
          </SelectField>
          <SelectField label={t("page.year")} name="year" defaultValue={String(p.year)}>
            {years.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </SelectField>
          <SelectField label={t("page.monthNumber")} name="month" defaultValue={String(p.month ?? "")}>
            <option value="">–</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={i + 1}>{monthName.format(new Date(Date.UTC(2000, i, 1)))}</option>
            ))}
          </SelectField>
          <SelectField label={t("page.quarterNumber")} name="quarter" defaultValue={String(p.quarter ?? "")}>
            <option value="">–</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>{`Q${q}`}</option>
            ))}
          </SelectField>
          {byOverdue && <input type="hidden" name="urut" value="terlambat" />}
          <div className="flex items-end">
            <button type="submit" className={buttonClass("primary")}>{t("page.apply")}</button>
          </div>
        </form>
      </Card>

      <nav aria-label={t("page.sortBy")} className="flex flex-wrap gap-3 text-sm">
        <span className="font-medium">{t("page.sortBy")}:</span>
        <Link href={query({ urut: undefined })} aria-current={byOverdue ? undefined : "page"}>{t("page.sortName")}</Link>
        <Link href={query({ urut: "terlambat" })} aria-current={byOverdue ? "page" : undefined} data-testid="sort-overdue">{t("page.sortOverdue")}</Link>
      </nav>

      {scores.offices.length === 0 ? (
        <p role="status">{t("page.noOffices")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("page.tableCaption", { from: day(isoDay(p.from)), to: day(lastDayOf(p)) })}>
          <table className={`${NUMERIC_TABLE} min-w-[40rem]`} data-testid="sla-table">
            <caption className="sr-only">{t("page.tableCaption", { from: day(isoDay(p.from)), to: day(lastDayOf(p)) })}</caption>
            <thead>
              <tr>
                <th scope="col">{nationwide && !byOverdue ? t("page.kanwilCol") : t("page.officeCol")}</th>
                {showKanwil && <th scope="col">{t("page.kanwilCol")}</th>}
                <th scope="col" className="text-right">{t("page.filedCol")}</th>
                <th scope="col" className="text-right">{t("page.medianCol")}</th>
                <th scope="col" className="text-right">{t("page.shareCol")}</th>
                <th scope="col" className="text-right">{t("page.openCol")}</th>
                <th scope="col" className="text-right">
                  <Link href={query({ urut: "terlambat" })}>{t("page.overdueCol")}</Link>
                </th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.key}>
                {g.heading && g.total && (
                  <tr className={g.headingHref ? undefined : "bg-slate-100"} data-testid="sla-kanwil-row">
                    <th scope={g.headingHref ? "row" : "rowgroup"} className="font-semibold">
                      {g.headingHref ? <a href={g.headingHref}>{g.heading}</a> : g.heading}
                    </th>
                    {cells(g.total)}
                  </tr>
                )}
                {g.offices.map((o) => (
                  <tr key={o.officeId} data-testid="sla-office-row">
                    <th scope="row" className={g.heading ? "pl-6 font-normal" : "font-normal"}>
                      {/* a plain link: 125 <Link>s would each prefetch and travel as client props */}
                      <a href={`/portal/dasbor?office=${o.officeId}&${officeQuery}`}>{o.name}</a>
                    </th>
                    {showKanwil && <td className="text-left">{o.kanwilName}</td>}
                    {cells(o)}
                  </tr>
                ))}
              </tbody>
            ))}
            {scores.offices.length > 1 && (
              <tfoot>
                <tr className="border-t-2 border-slate-400">
                  <th scope="row">{t("page.totalRow")}</th>
                  {showKanwil && <td />}
                  {cells(scores.total)}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
      <ul className="space-y-1 text-sm text-slate-700">
        {byOverdue && <li>{t("page.sortedByOverdue")}</li>}
        {nationwide && !byOverdue && <li>{t("page.nationwideNote")}</li>}
        {hidden > 0 && <li>{t("page.topOverdue", { shown: TOP_OVERDUE, count: sorted.length })}</li>}
        {scores.total.pending > 0 && <li>{t("pendingNote", { count: scores.total.pending })}</li>}
        {scores.unrouted.open > 0 && <li>{t("unrouted", { count: scores.unrouted.open, overdue: scores.unrouted.overdue })}</li>}
        {approximate && <li>{t("approximate")}</li>}
      </ul>
    </div>
  );
}
