import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { findKanwils } from "@/lib/features/offices/queries";
import { titled } from "@/lib/i18n/metadata";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";

export const generateMetadata = titled("office.kanwilAdmin.listTitle");

export default async function KanwilsPage() {
  const user = await requireUser();
  const kanwils = await orNotFound(findKanwils(user));
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <Link href="/portal/kantor" className="text-sm">← {t("office.listTitle")}</Link>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("office.kanwilAdmin.listTitle")}</h1>
        <Link href="/portal/kantor/kanwil/baru" className={buttonClass()}>
          {t("office.kanwilAdmin.new")}
        </Link>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">{t("office.kanwilAdmin.name")}</th>
              <th scope="col" className="px-3 py-2">{t("office.kanwilAdmin.province")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("office.kanwilAdmin.offices")}</th>
            </tr>
          </thead>
          <tbody>
            {kanwils.map((k) => (
              <tr key={k.id} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  <Link href={`/portal/kantor/kanwil/${k.id}`}>{k.name}</Link>
                </td>
                <td className="px-3 py-2">{k.province.name}</td>
                <td className="px-3 py-2 text-right tabular-nums">{k._count.offices}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
