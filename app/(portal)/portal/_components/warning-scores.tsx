import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, Stat } from "@/components/ui/card";
import { formatDate, formatNumber } from "@/lib/dates";
import { isoDay, lastDayOf } from "@/lib/features/reports/period";
import type { DashboardFilters } from "@/lib/features/reports/schemas";
import { getWarningScores, type Score } from "@/lib/features/warnings/scores";
import type { SessionUser } from "@/lib/server/scope";

/** The red-flag filter of the office's queue (the lead's /portal/deteksi reads `tanda=terlambat`). */
export const OVERDUE_QUEUE_HREF = "/portal/deteksi?tanda=terlambat";

type T = Awaited<ReturnType<typeof getTranslations<"warningScores">>>;

/** "3 j 20 mnt" / "45 mnt"; "≈" in front when the median is approximate (ADR 0024). */
export function formatMedian(score: Pick<Score, "medianMinutes" | "medianApproximate">, t: T, locale: string): string {
  if (score.medianMinutes === null) return t("none");
  const total = Math.round(score.medianMinutes);
  const text =
    total < 60
      ? t("minutes", { value: formatNumber(total, locale) })
      : t("hoursMinutes", { hours: formatNumber(Math.floor(total / 60), locale), minutes: formatNumber(total % 60, locale) });
  return score.medianApproximate ? `≈ ${text}` : text;
}

const shareFormats = new Map<string, Intl.NumberFormat>();

export function formatShare(share: number | null, t: T, locale: string): string {
  if (share === null) return t("none");
  let format = shareFormats.get(locale);
  if (!format) shareFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return t("percent", { value: format.format(share * 100) });
}

/**
 * The early-warning scores on the dashboard of every level (ADR 0024): one self-contained section
 * with its own query, so the dashboard's own statement is untouched. Same filters as the page.
 */
export async function WarningScoresSection({ user, filters }: { user: SessionUser; filters: DashboardFilters }) {
  if (user.role === "VILLAGE") return null;
  const scores = await getWarningScores(user, filters);
  const t = await getTranslations("warningScores");
  const locale = await getLocale();
  const n = (v: number) => formatNumber(v, locale);
  const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`), locale);
  const s = scores.total;
  return (
    <Card title={t("sectionTitle")}>
      <p className="mb-3 text-sm text-slate-700">{t("sectionIntro", { from: day(isoDay(filters.period.from)), to: day(lastDayOf(filters.period)) })}</p>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5" data-testid="warning-scores">
        <Stat label={t("filed")} value={n(s.filed)} />
        <Stat label={t("median")} value={<span data-testid="warning-median">{formatMedian(s, t, locale)}</span>} />
        <Stat label={t("share")} value={<span data-testid="warning-share">{formatShare(s.shareWithinSla, t, locale)}</span>} />
        <Stat label={t("open")} value={<span data-testid="warning-open">{n(s.open)}</span>} />
        <Stat
          label={t("overdue")}
          value={<span data-testid="warning-overdue" className={s.overdue > 0 ? "text-red-700" : undefined}>{n(s.overdue)}</span>}
        />
      </dl>
      <ul className="mt-3 space-y-1 text-sm">
        <li>
          {s.overdue > 0 ? (
            <Link href={OVERDUE_QUEUE_HREF} className="font-medium text-red-800" data-testid="warning-overdue-link">
              {t("overdueLink", { count: s.overdue })}
            </Link>
          ) : (
            <span>{t("overdueLink", { count: 0 })}</span>
          )}
        </li>
        {s.pending > 0 && <li className="text-slate-700">{t("pendingNote", { count: s.pending })}</li>}
        {scores.unrouted.open > 0 && <li className="text-slate-700">{t("unrouted", { count: scores.unrouted.open, overdue: scores.unrouted.overdue })}</li>}
        {s.medianApproximate && <li className="text-slate-700">{t("approximate")}</li>}
        <li>
          <Link href="/portal/deteksi/sla">{t("slaLink")}</Link>
        </li>
      </ul>
    </Card>
  );
}
