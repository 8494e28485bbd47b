import Link from "next/link";
import { getTranslations, getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatDateTimeInZone } from "@/lib/dates";
import { findAgencyImports } from "@/lib/features/agencies/queries";
import { REPORT_TIME_ZONE } from "@/lib/features/reports/period";
import { titled } from "@/lib/i18n/metadata";
import { requireUser } from "@/lib/server/auth/session";
import { todayWib } from "@/app/(portal)/portal/kantor/_components/choices";
import { AgencyImportForm } from "./_components/agency-import-form";

export const generateMetadata = titled("agency.page.title");

export default async function AgencyImportPage() {
  const user = await requireUser();
  // The action checks again; this only keeps the page from those who could not use it.
  if (!can(user.role, "manage:agency")) notFound();
  const [t, locale, imports] = await Promise.all([getTranslations("agency.page"), getLocale(), findAgencyImports(user)]);
  const today = todayWib();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <p className="text-slate-700">{t("columns")}</p>
      <Card>
        <AgencyImportForm today={today} />
      </Card>
      <p>
        <Link href="/agensi">{t("publicLink")}</Link>
      </p>
      <section aria-labelledby="agency-history" className="space-y-2">
        <h2 id="agency-history" className="text-xl font-semibold">
          {t("historyTitle")}
        </h2>
        {imports.length === 0 ? (
          <p className="text-slate-700">{t("historyEmpty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-2 py-1">{t("source")}</th>
                  <th scope="col" className="px-2 py-1">{t("sourceDate")}</th>
                  <th scope="col" className="px-2 py-1">{t("rows")}</th>
                  <th scope="col" className="px-2 py-1">{t("importedAt")}</th>
                  <th scope="col" className="px-2 py-1">{t("importedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((batch, i) => (
                  <tr key={batch.id} className="border-t border-slate-100 align-top" data-testid="agency-import-row">
                    <td className="px-2 py-1">
                      {batch.source}
                      <span className="block text-xs text-slate-600">
                        {batch.fileName}
                        {i === 0 && ` · ${t("current")}`}
                      </span>
                    </td>
                    <td className="px-2 py-1">{formatDate(batch.sourceDate, locale)}</td>
                    <td className="px-2 py-1 tabular-nums">{batch.rowCount}</td>
                    <td className="px-2 py-1">{formatDateTimeInZone(batch.importedAt, REPORT_TIME_ZONE, locale)}</td>
                    <td className="px-2 py-1">{batch.importedBy?.name ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
