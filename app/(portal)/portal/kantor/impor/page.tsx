import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { titled } from "@/lib/i18n/metadata";
import { requireUser } from "@/lib/server/auth/session";
import { notFound } from "next/navigation";
import { todayWib } from "../_components/choices";
import { ImportForm } from "../_components/import-form";

export const generateMetadata = titled("office.importPage.title");

export default async function ImportOfficesPage() {
  const user = await requireUser();
  // The actions check again; this only keeps the page from those who could not use it.
  if (!can(user.role, "manage:office")) notFound();
  const t = await getTranslations();
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/portal/kantor" className="text-sm">← {t("office.listTitle")}</Link>
      <h1 className="text-2xl font-bold">{t("office.importPage.title")}</h1>
      <p className="text-slate-700">{t("office.importPage.intro")}</p>
      <Card>
        <ImportForm today={todayWib()} />
      </Card>
    </div>
  );
}
