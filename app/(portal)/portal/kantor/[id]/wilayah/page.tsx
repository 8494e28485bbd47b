import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { findRegencyChoices, getOfficeForEdit } from "@/lib/features/offices/queries";
import { titled } from "@/lib/i18n/metadata";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { todayWib } from "../../_components/choices";
import { WorkAreaEditor } from "../../_components/work-area-editor";

export const generateMetadata = titled("office.workAreaTitle");

export default async function WorkAreaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const [office, provinces] = await orNotFound(Promise.all([getOfficeForEdit(user, id), findRegencyChoices(user)]));
  const t = await getTranslations();
  return (
    <div className="max-w-3xl space-y-4">
      <Link href={`/portal/kantor/${office.id}`} className="text-sm">← {office.name}</Link>
      <div>
        <p className="text-sm font-medium text-slate-600">{office.name}</p>
        <h1 className="text-2xl font-bold">{t("office.workAreaTitle")}</h1>
      </div>
      <Card>
        <WorkAreaEditor
          officeId={office.id}
          version={office.version}
          current={office.workArea.map((w) => w.regencyCode)}
          provinces={provinces}
          initialProvince={office.provinceCode}
          today={todayWib()}
        />
      </Card>
    </div>
  );
}
