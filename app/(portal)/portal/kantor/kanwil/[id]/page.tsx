import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getKanwilForEdit } from "@/lib/features/offices/queries";
import { titled } from "@/lib/i18n/metadata";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { EditKanwilForm } from "../../_components/kanwil-form";

export const generateMetadata = titled("office.kanwilAdmin.editTitle");

export default async function EditKanwilPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const kanwil = await orNotFound(getKanwilForEdit(user, id));
  const t = await getTranslations();
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/portal/kantor/kanwil" className="text-sm">← {t("office.kanwilAdmin.listTitle")}</Link>
      <div>
        <p className="text-sm font-medium text-slate-600">{kanwil.province.name}</p>
        <h1 className="text-2xl font-bold">{t("office.kanwilAdmin.editTitle")}</h1>
      </div>
      <Card>
        <EditKanwilForm
          defaults={{
            kanwilId: kanwil.id,
            version: kanwil.version,
            name: kanwil.name,
            address: kanwil.address ?? "",
            phone: kanwil.phone ?? "",
            email: kanwil.email ?? "",
            headName: kanwil.headName ?? "",
          }}
        />
      </Card>
    </div>
  );
}
