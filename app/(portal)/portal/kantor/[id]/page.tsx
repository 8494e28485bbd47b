import { getTranslations } from "next-intl/server";
import { StageTable } from "@/components/stage-table";
import { Card, Stat } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { zoneAbbreviation } from "@/lib/dates";
import { getOffice } from "@/lib/features/offices/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { OfficeProfileForm } from "./_components/office-profile-form";
import { titled } from "@/lib/i18n/metadata";

export const generateMetadata = titled("office.profileTitle");


export default async function OfficeProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const office = await orNotFound(getOffice(user, id));
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
  ];
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-slate-600">{t("office.profileTitle")}</p>
        <h1 className="text-2xl font-bold">{office.name}</h1>
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
              }}
            />
          </Card>
        )}
        <Card title={t("home.villagesByStage")}>
          <StageTable counts={office.villagesByStage} />
        </Card>
      </div>
    </div>
  );
}
