import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getOfficeForEdit } from "@/lib/features/offices/queries";
import { titled } from "@/lib/i18n/metadata";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { officeChoices } from "../../_components/choices";
import { EditOfficeForm } from "../../_components/office-form";

export const generateMetadata = titled("office.editTitle");

export default async function EditOfficePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const [office, choices] = await orNotFound(Promise.all([getOfficeForEdit(user, id), officeChoices(user)]));
  const t = await getTranslations();
  return (
    <div className="max-w-2xl space-y-4">
      <Link href={`/portal/kantor/${office.id}`} className="text-sm">← {office.name}</Link>
      <h1 className="text-2xl font-bold">{t("office.editTitle")}</h1>
      <Card>
        <EditOfficeForm
          choices={choices}
          defaults={{
            officeId: office.id,
            version: office.version,
            name: office.name,
            officeClass: office.officeClass,
            kanwilId: office.kanwilId,
            provinceCode: office.provinceCode,
            address: office.address ?? "",
            phone: office.phone ?? "",
            email: office.email ?? "",
            headName: office.headName ?? "",
          }}
        />
      </Card>
    </div>
  );
}
