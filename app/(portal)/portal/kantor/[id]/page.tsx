import { getTranslations } from "next-intl/server";
import { StageTable } from "@/components/stage-table";
import { Card, Stat } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { zoneAbbreviation } from "@/lib/dates";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { findWorkAreaHistory, getOffice } from "@/lib/features/offices/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { OfficeProfileForm } from "./_components/office-profile-form";
import { titled } from "@/lib/i18n/metadata";

export const generateMetadata = titled("office.profileTitle");


export default async function OfficeProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const [office, history] = await orNotFound(Promise.all([getOffice(user, id), findWorkAreaHistory(user, id)]));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const t = await getTranslations();
  const villageCount = Object.values(office.villagesByStage).reduce((a, b) => a + b, 0);
  const rows: [string, string | null][] = [
    [t("office.class"), t(`officeClass.${office.officeClass}`)],
    [t("office.kanwil"), office.kanwil.name],
    [t("office.province"), office.province.name],
    [t("office.timeZone"), zoneAbbreviation(office.province.timeZone)],
    [t("office.head"), office.headName],
    [t("office.address"), office.address],
    [t("office.phone"), office.phone],
    [t("office.email"), office.email],
    [t("office.serviceHours"), office.serviceHours],
  ];
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-slate-600">{t("office.profileTitle")}</p>
        <h1 className="text-2xl font-bold">{office.name}</h1>
        {can(user.role, "manage:office") && (
          <div className="mt-2 flex flex-wrap gap-2">
            <Link href={`/portal/kantor/${office.id}/ubah`} className={buttonClass("secondary")}>
              {t("office.editOffice")}
            </Link>
            <Link href={`/portal/kantor/${office.id}/wilayah`} className={buttonClass("secondary")}>
              {t("office.editWorkArea")}
            </Link>
          </div>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Stat label={t("office.villages")} value={villageCount} />
        <Stat label={t("office.eventsHeld")} value={office.heldEvents} />
        <Stat label={t("office.eventsUpcoming")} value={office.upcomingEvents} />
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("office.profileTitle")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-700">{label}</dt>
                <dd>{value ?? <span className="text-slate-500">{t("office.notSet")}</span>}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("office.workArea")}>
          <ul className="columns-1 text-sm sm:columns-2">
            {office.workArea.map(({ regency }) => (
              <li key={regency.code} className="py-1">
                {regency.name}
              </li>
            ))}
          </ul>
        </Card>
        {can(user.role, "update:office") && (
          <Card title={t("office.edit")}>
            <OfficeProfileForm
              defaults={{
                officeId: office.id,
                headName: office.headName ?? "",
                address: office.address ?? "",
                phone: office.phone ?? "",
                email: office.email ?? "",
                serviceHours: office.serviceHours ?? "",
              }}
            />
          </Card>
        )}
        <Card title={t("office.historyTitle")}>
          <ul className="space-y-1 text-sm">
            {history.periods.map((p) => (
              <li key={p.id}>
                {p.regency.name}:{" "}
                {t("office.historyPeriod", { from: day(p.validFrom), until: p.validUntil ? day(p.validUntil) : t("office.historyNow") })}
              </li>
            ))}
          </ul>
          {history.transfers.length > 0 && (
            <>
              <h3 className="mt-3 font-medium">{t("office.transfersTitle")}</h3>
              <ul className="space-y-1 text-sm">
                {history.transfers.map((m) => (
                  <li key={m.id}>
                    {t("office.transferRow", {
                      village: m.desaBinaan.villageName,
                      from: m.fromOffice?.name ?? "",
                      to: m.toOffice.name,
                      date: day(m.effectiveOn),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card title={t("home.villagesByStage")}>
          <StageTable counts={office.villagesByStage} />
        </Card>
      </div>
    </div>
  );
}
