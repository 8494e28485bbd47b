import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { findOffices } from "@/lib/features/offices/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { titled } from "@/lib/i18n/metadata";
import { DataTable } from "@/components/ui/data-table";
import { Card } from "@/components/ui/card";

export const generateMetadata = titled("nav.offices");

export default async function OfficesPage() {
  const user = await requireUser();
  const offices = await orNotFound(findOffices(user));
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("office.listTitle")}</h1>
        {can(user.role, "manage:office") && (
          <nav aria-label={t("office.listTitle")} className="flex flex-wrap gap-2">
            <Link href="/portal/kantor/baru" className={buttonClass()}>
              {t("office.new")}
            </Link>
            <Link href="/portal/kantor/impor" className={buttonClass("secondary")}>
              {t("office.importLink")}
            </Link>
            {can(user.role, "manage:kanwil") && (
              <Link href="/portal/kantor/kanwil" className={buttonClass("secondary")}>
                {t("office.kanwils")}
              </Link>
            )}
          </nav>
        )}
      </div>
      {offices.length === 0 ? (
        <p>{t("office.noOffices")}</p>
      ) : (
        <Card>
          <DataTable
            label={t("office.listTitle")}
            rows={offices}
            rowKey={(o) => o.id}
            columns={[
              {
                header: t("office.name"),
                cell: (o) => (
                  <>
                    <Link href={`/portal/kantor/${o.id}`}>{o.name}</Link>
                    <span className="block text-xs text-slate-600">{t(`officeClass.${o.officeClass}`)}</span>
                  </>
                ),
              },
              { header: t("office.province"), cell: (o) => o.province.name },
              { header: t("office.villages"), className: "text-right tabular-nums", cell: (o) => o._count.villages },
              { header: t("office.events"), className: "text-right tabular-nums", cell: (o) => o._count.events },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
