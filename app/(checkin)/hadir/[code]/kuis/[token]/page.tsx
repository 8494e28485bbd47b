import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { formatDateTimeInZone } from "@/lib/dates";
import { getAnswerPage } from "@/lib/features/quizzes/queries";
import { QUIZ_PHASES, type QuizPhaseValue } from "@/lib/features/quizzes/schemas";

export const metadata: Metadata = { title: "Kuis", robots: { index: false } };

const RESULTS = ["saved", "already", "early", "closed", "invalid"] as const;
type Result = (typeof RESULTS)[number];

/**
 * The attendee's quiz on their phone, reached from the check-in page: the pre-test after check-in,
 * the post-test once the session has started. A plain form posting to the route handler, so it
 * works without JavaScript; the token in the address is the only link to the attendance row.
 */
export default async function QuizAnswerPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; token: string }>;
  searchParams: Promise<{ hasil?: string; fase?: string; kolom?: string }>;
}) {
  const [{ code, token }, query] = await Promise.all([params, searchParams]);
  const t = await getTranslations("quiz");
  const locale = await getLocale();
  const page = await getAnswerPage(code, decodeURIComponent(token));
  const result = RESULTS.find((r) => r === query.hasil) as Result | undefined;
  const resultPhase = QUIZ_PHASES.find((p) => p === query.fase);
  const missing = new Set((query.kolom ?? "").split(",").filter(Boolean));

  if (!page || page.cancelled || (!page.pre && !page.post)) {
    return (
      <div className="mx-auto max-w-md px-4 py-6">
        <Card>
          <h1 className="mb-3 text-xl font-bold">{t("answer.unknownTitle")}</h1>
          <p>{t("answer.unknownBody")}</p>
        </Card>
      </div>
    );
  }
  // The phase to show: the pre-test until it is answered, then the post-test.
  const phase: QuizPhaseValue | null = page.pre && !page.done.PRE ? "PRE" : page.post && !page.done.POST ? "POST" : null;
  const quiz = phase === "PRE" ? page.pre : phase === "POST" ? page.post : null;
  const postEarly = phase === "POST" && !page.postOpen;

  return (
    <div className="mx-auto max-w-md space-y-4 px-4 py-6">
      <div>
        <p className="text-sm font-semibold text-brand-800">{t("answer.kicker")}</p>
        <h1 className="text-xl font-bold">{page.title}</h1>
      </div>
      {result === "saved" && <Alert tone="success">{t(resultPhase === "POST" ? "answer.savedPost" : "answer.savedPre")}</Alert>}
      {result === "already" && <Alert tone="info">{t("answer.already")}</Alert>}
      {result === "early" && <Alert>{t("errors.postTestEarly")}</Alert>}
      {result === "invalid" && <Alert>{t("answer.invalid")}</Alert>}
      {result === "closed" && <Alert>{t("answer.unknownBody")}</Alert>}

      {!quiz ? (
        <p data-testid="quiz-done">{t("answer.allDone")}</p>
      ) : postEarly ? (
        <Alert tone="info">
          {t("answer.postLater", { time: formatDateTimeInZone(page.startsAt, page.timeZone, locale) })}
        </Alert>
      ) : (
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t(phase === "PRE" ? "phase.PRE" : "phase.POST")}</h2>
          <p className="mb-4 text-sm text-slate-700">{quiz.title}</p>
          <form method="post" action={`/api/hadir/${encodeURIComponent(code)}/kuis`} className="space-y-5">
            <input type="hidden" name="token" value={decodeURIComponent(token)} />
            <input type="hidden" name="phase" value={phase!} />
            {quiz.questions.map((q, i) => (
              <fieldset key={q.id} className="space-y-1" aria-describedby={missing.has(q.id) ? `err-${q.id}` : undefined}>
                <legend className="font-medium text-slate-900">
                  {i + 1}. {q.text}
                  {q.several && <span className="block text-sm font-normal text-slate-700">{t("answer.several")}</span>}
                </legend>
                {missing.has(q.id) && (
                  <p id={`err-${q.id}`} className="text-sm font-medium text-red-700">
                    {t("errors.answerRequired")}
                  </p>
                )}
                {q.options.map((option, o) => (
                  <label key={o} className="flex min-h-11 items-center gap-3">
                    <input type={q.several ? "checkbox" : "radio"} name={`q_${q.id}`} value={o} required={!q.several} className="size-5 shrink-0" />
                    <span>{option}</span>
                  </label>
                ))}
              </fieldset>
            ))}
            <button type="submit" className={buttonClass("primary", "w-full")}>
              {t("answer.submit")}
            </button>
          </form>
        </Card>
      )}
      <p className="text-xs text-slate-600">{t("answer.privacy")}</p>
    </div>
  );
}
