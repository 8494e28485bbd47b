import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { findOffices } from "@/lib/features/offices/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { titled } from "@/lib/i18n/metadata";

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
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">{t("office.name")}</th>
                <th scope="col" className="px-3 py-2">{t("office.province")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("office.villages")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("office.events")}</th>
              </tr>
            </thead>
            <tbody>
              {offices.map((o) => (
                <tr key={o.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/portal/kantor/${o.id}`}>{o.name}</Link>
                    <span className="block text-xs text-slate-600">{t(`officeClass.${o.officeClass}`)}</span>
                  </td>
                  <td className="px-3 py-2">{o.province.name}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{o._count.villages}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{o._count.events}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
