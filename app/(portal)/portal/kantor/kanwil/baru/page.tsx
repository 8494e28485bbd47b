import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { findProvincesWithoutKanwil } from "@/lib/features/offices/queries";
import { titled } from "@/lib/i18n/metadata";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { NewKanwilForm } from "../../_components/kanwil-form";

export const generateMetadata = titled("office.kanwilAdmin.newTitle");

export default async function NewKanwilPage() {
  const user = await requireUser();
  const provinces = await orNotFound(findProvincesWithoutKanwil(user));
  const t = await getTranslations();
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/portal/kantor/kanwil" className="text-sm">← {t("office.kanwilAdmin.listTitle")}</Link>
      <h1 className="text-2xl font-bold">{t("office.kanwilAdmin.newTitle")}</h1>
      <Card>
        {provinces.length === 0 ? (
          <p>{t("office.kanwilAdmin.noFreeProvince")}</p>
        ) : (
          <NewKanwilForm
            provinces={provinces}
            defaults={{ provinceCode: provinces[0]!.code, name: "", address: "", phone: "", email: "", headName: "" }}
          />
        )}
      </Card>
    </div>
  );
}
