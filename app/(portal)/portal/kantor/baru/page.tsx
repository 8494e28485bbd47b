import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { findRegencyChoices } from "@/lib/features/offices/queries";
import { titled } from "@/lib/i18n/metadata";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { officeChoices, todayWib } from "../_components/choices";
import { NewOfficeForm } from "../_components/office-form";

export const generateMetadata = titled("office.newTitle");

export default async function NewOfficePage() {
  const user = await requireUser();
  const [choices, regencies] = await orNotFound(Promise.all([officeChoices(user), findRegencyChoices(user)]));
  const t = await getTranslations();
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/portal/kantor" className="text-sm">← {t("office.listTitle")}</Link>
      <h1 className="text-2xl font-bold">{t("office.newTitle")}</h1>
      <Card>
        <NewOfficeForm
          choices={choices}
          regencies={regencies}
          defaults={{
            name: "",
            officeClass: "KELAS_II_NON_TPI",
            kanwilId: "",
            provinceCode: "",
            address: "",
            phone: "",
            email: "",
            headName: "",
            regencyCodes: [],
            effectiveOn: todayWib(),
          }}
        />
      </Card>
    </div>
  );
}
