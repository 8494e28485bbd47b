import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/dates";
import { NUMERIC_TABLE } from "@/components/ui/table";
import { formatPercent } from "@/lib/features/quizzes/format";
import { gain, percentCorrect, type EventQuizResults } from "@/lib/features/quizzes/queries";

/**
 * The session's quiz figures: who answered (online and on paper) against who came, and per
 * question the percent right before and after and the gain in points. No answer set is shown.
 */
export async function QuizResults({ results, locale }: { results: EventQuizResults; locale: string }) {
  const t = await getTranslations({ locale, namespace: "quiz" });
  const n = (v: number) => formatNumber(v, locale);
  return (
    <div className="space-y-3">
      <p data-testid="quiz-participation">
        {t("results.participation", {
          attendees: n(results.attendees),
          preOnline: n(results.pre.online),
          prePaper: n(results.pre.paper),
          postOnline: n(results.post.online),
          postPaper: n(results.post.paper),
        })}
      </p>
      {!results.sameQuiz && results.preQuiz && results.postQuiz && <p className="text-sm text-slate-700">{t("results.differentQuizzes")}</p>}
      <div className="overflow-x-auto">
        <table className={NUMERIC_TABLE} data-testid="quiz-results">
          <caption className="sr-only">{t("results.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("results.question")}</th>
              <th scope="col" className="text-right">{t("results.pre")}</th>
              <th scope="col" className="text-right">{t("results.post")}</th>
              <th scope="col" className="text-right">{t("results.gain")}</th>
            </tr>
          </thead>
          <tbody>
            {results.questions.map((q, i) => (
              <tr key={q.questionId}>
                <th scope="row" className="font-normal">
                  {i + 1}. {q.text}
                </th>
                <td>{formatPercent(percentCorrect(q.pre), locale)}</td>
                <td>{formatPercent(percentCorrect(q.post), locale)}</td>
                <td data-testid={`gain-${i}`}>{formatPercent(gain(q), locale, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
