import { getTranslations } from "next-intl/server";
import { Card, Stat } from "@/components/ui/card";
import { FigureTable } from "@/components/ui/figure-table";
import { formatNumber } from "@/lib/dates";
import { getQuizDashboard, HARDEST_MIN_ANSWERS, percentCorrect } from "@/lib/features/quizzes/queries";
import type { DashboardFilters } from "@/lib/features/reports/schemas";
import type { SessionUser } from "@/lib/server/scope";
import { formatPercent } from "@/lib/features/quizzes/format";

/**
 * The dashboard's quiz figures (ADR 0025), rendered inside the cached DashboardView: it reads
 * only its arguments (a scope reader, the filters, the language), and answer sets and paper
 * tallies bump figures_version, so the view's key changes with them (ADR 0021).
 */
export async function QuizSection({ reader, filters, locale }: { reader: SessionUser; filters: DashboardFilters; locale: string }) {
  const q = await getQuizDashboard(reader, filters);
  const t = await getTranslations({ locale, namespace: "quiz" });
  const n = (v: number) => formatNumber(v, locale);
  const answered = q.pre.online + q.pre.paper + q.post.online + q.post.paper;
  const gainRows = (rows: typeof q.topGains) =>
    rows.map((r) => [r.questionId, r.quizTitle, r.text, formatPercent(percentCorrect(r.pre), locale), formatPercent(percentCorrect(r.post), locale), formatPercent(r.gain, locale, true)] as const);
  const gainColumns = [t("dashboard.quizCol"), t("dashboard.questionCol"), t("results.pre"), t("results.post"), t("results.gain")];
  return (
    <Card title={t("dashboard.title")}>
      <div className="space-y-4" data-testid="quiz-dashboard">
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label={t("dashboard.sessions")} value={n(q.sessions)} />
          <Stat label={t("dashboard.preSets")} value={n(q.pre.online + q.pre.paper)} />
          <Stat label={t("dashboard.postSets")} value={n(q.post.online + q.post.paper)} />
          <Stat label={t("dashboard.averageGain")} value={<span data-testid="quiz-average-gain">{formatPercent(q.averageGain, locale, true)}</span>} />
        </dl>
        {answered === 0 ? (
          <p className="text-sm text-slate-600">{t("dashboard.none")}</p>
        ) : (
          <>
            {q.topGains.length > 0 && (
              <div className="overflow-x-auto">
                <h3 className="mb-2 font-medium">{t("dashboard.topGains")}</h3>
                <FigureTable testId="quiz-top-gains" columns={gainColumns} rows={gainRows(q.topGains)} />
              </div>
            )}
            {q.lowestGains.length > 0 && (
              <div className="overflow-x-auto">
                <h3 className="mb-2 font-medium">{t("dashboard.lowestGains")}</h3>
                <FigureTable testId="quiz-lowest-gains" columns={gainColumns} rows={gainRows(q.lowestGains)} />
              </div>
            )}
            {q.national && (
              <div className="overflow-x-auto">
                <h3 className="mb-1 font-medium">{t("dashboard.hardest")}</h3>
                <p className="mb-2 text-sm text-slate-700">{t("dashboard.hardestIntro", { min: HARDEST_MIN_ANSWERS })}</p>
                {q.hardest.length === 0 ? (
                  <p className="text-sm text-slate-600">{t("dashboard.none")}</p>
                ) : (
                  <FigureTable
                    testId="quiz-hardest"
                    columns={[t("dashboard.quizCol"), t("dashboard.questionCol"), t("results.pre"), t("results.post")]}
                    rows={q.hardest.map((r) => [r.questionId, r.quizTitle, r.text, formatPercent(percentCorrect(r.pre), locale), formatPercent(percentCorrect(r.post), locale)] as const)}
                  />
                )}
              </div>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
