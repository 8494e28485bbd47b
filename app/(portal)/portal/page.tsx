import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { monthPeriod, wibDay } from "@/lib/features/reports/period";
import { getOverview, getOwnVillage } from "@/lib/features/home/queries";
import { requireUser } from "@/lib/server/auth/session";
import { Overview } from "./_components/overview";
import { VillageHome } from "./_components/village-home";
import { WarningScoresSection } from "./_components/warning-scores";
import { titled } from "@/lib/i18n/metadata";

export const generateMetadata = titled("nav.portalHome");

function thisMonth() {
  const today = wibDay(new Date());
  return monthPeriod(today.year, today.month);
}

/** Each role lands here and sees its own level: nation, province, office or village. */
export default async function PortalHomePage() {
  const user = await requireUser();
  const t = await getTranslations("home");

  if (user.role === "VILLAGE") return <VillageHome village={await getOwnVillage(user)} />;

  const overview = await getOverview(user);
  let title: string;
  if (user.role === "NATIONAL_ADMIN") title = t("nationalTitle");
  else if (user.role === "REGIONAL_OVERSEER") title = t("regionalTitle", { kanwil: overview.headingName ?? "" });
  else title = t("officeTitle", { office: overview.headingName ?? "" });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-slate-700">{t("greeting", { name: user.name })}</p>
      </div>
      <Overview overview={overview} showOffices={user.role === "NATIONAL_ADMIN" || user.role === "REGIONAL_OVERSEER"} />
      {/* this month's early-warning scores and red flag (ADR 0024); streamed, its own query */}
      <Suspense fallback={null}>
        <WarningScoresSection user={user} filters={{ period: thisMonth() }} />
      </Suspense>
    </div>
  );
}
