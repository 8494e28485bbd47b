import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { findFilingVillages } from "@/lib/features/warnings/queries";
import { latestIndonesianToday } from "@/lib/features/warnings/sla";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { ReportForm } from "../_components/report-form";

export const metadata: Metadata = { title: "Buat laporan deteksi dini" };

export default async function NewReportPage() {
  const user = await requireUser();
  const t = await getTranslations("warning.form");
  const villages = await orNotFound(findFilingVillages(user));
  const today = latestIndonesianToday();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <Card>
        <ReportForm villages={villages} today={today} />
      </Card>
    </div>
  );
}
