import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getQuiz } from "@/lib/features/quizzes/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { DeleteQuizButton } from "./_components/delete-quiz-button";

export const metadata: Metadata = { title: "Kuis" };

export default async function QuizPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const quiz = await orNotFound(getQuiz(user, id));
  const t = await getTranslations("quiz");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm font-semibold text-brand-800">{quiz.office?.name ?? t("national")}</p>
          <h1 className="text-2xl font-bold">{quiz.title}</h1>
          <p className="text-slate-700">
            {t("materialLabel")}: {quiz.material.title} · {t("answerSets", { count: quiz._count.responses })}
          </p>
        </div>
        {quiz._count.responses === 0 && (quiz.can.edit || quiz.can.delete) && (
          <div className="flex flex-wrap items-start gap-2">
            {quiz.can.edit && (
              <Link href={`/portal/kuis/${quiz.id}/ubah`} className={buttonClass("secondary", "no-underline")}>
                {t("edit")}
              </Link>
            )}
            {quiz.can.delete && <DeleteQuizButton id={quiz.id} />}
          </div>
        )}
      </div>
      <Card title={t("questions")}>
        <ol className="list-inside list-decimal space-y-4">
          {quiz.questions.map((q) => (
            <li key={q.id}>
              <span className="font-medium">{q.text}</span>
              <ul className="mt-1 ml-6 list-disc">
                {q.options.map((o, i) => (
                  <li key={i}>
                    {o}
                    {q.correct.includes(i) && <strong className="ml-2 text-green-800">({t("correctMark")})</strong>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
