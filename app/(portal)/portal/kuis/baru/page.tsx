import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { findQuizMaterialChoices } from "@/lib/features/quizzes/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { QuizForm } from "../_components/quiz-form";

export const metadata: Metadata = { title: "Kuis baru" };

export default async function NewQuizPage() {
  const user = await requireUser();
  const materials = await orNotFound(findQuizMaterialChoices(user));
  const t = await getTranslations("quiz");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <Card>
        <QuizForm materials={materials} />
      </Card>
    </div>
  );
}
