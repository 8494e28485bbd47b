import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { can } from "@/lib/auth/permissions";
import { findQuizzes } from "@/lib/features/quizzes/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";

export const metadata: Metadata = { title: "Kuis pengetahuan" };

export default async function QuizzesPage() {
  const user = await requireUser();
  const quizzes = await orNotFound(findQuizzes(user));
  const t = await getTranslations("quiz");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
        </div>
        {can(user.role, "create:quiz") && (
          <Link href="/portal/kuis/baru" className={buttonClass("primary", "no-underline")}>
            {t("new")}
          </Link>
        )}
      </div>
      <Card>
        {quizzes.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <DataTable
            label={t("title")}
            rows={quizzes}
            rowKey={(q) => q.id}
            columns={[
              {
                header: t("colTitle"),
                cell: (q) => (
                  <Link href={`/portal/kuis/${q.id}`} className="font-medium">
                    {q.title}
                  </Link>
                ),
              },
              { header: t("colMaterial"), cell: (q) => q.material.title },
              { header: t("colQuestions"), cell: (q) => q._count.questions },
              { header: t("colAnswers"), cell: (q) => q._count.responses },
              { header: t("colOwner"), cell: (q) => q.office?.name ?? t("national") },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
