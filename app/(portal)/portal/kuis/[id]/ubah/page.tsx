import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { findQuizMaterialChoices, getQuiz } from "@/lib/features/quizzes/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { QuizForm } from "../../_components/quiz-form";

export const metadata: Metadata = { title: "Ubah kuis" };

export default async function EditQuizPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const quiz = await orNotFound(getQuiz(user, id));
  if (!quiz.can.edit) notFound();
  const t = await getTranslations("quiz");
  // An office quiz keeps its office's material choices; a national one only national material.
  const materials = await orNotFound(findQuizMaterialChoices(user));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("edit")}</h1>
      {quiz._count.responses > 0 ? (
        <Alert tone="info">{t("errors.alreadyAnswered")}</Alert>
      ) : (
        <Card>
          <QuizForm
            materials={materials}
            values={{
              id: quiz.id,
              title: quiz.title,
              materialId: quiz.materialId,
              questions: quiz.questions.map((q) => ({ text: q.text, options: q.options.map((text, i) => ({ text, correct: q.correct.includes(i) })) })),
            }}
          />
        </Card>
      )}
    </div>
  );
}
