import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/dates";
import { findMaterials } from "@/lib/features/materials/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";

export const metadata: Metadata = { title: "Materi edukasi" };

export default async function MaterialsPage() {
  const user = await requireUser();
  const materials = await orNotFound(findMaterials(user));
  const t = await getTranslations("materials");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
        </div>
        {can(user.role, "create:material") && (
          <Link href="/portal/materi/baru" className={buttonClass("primary", "no-underline")}>
            {t("new")}
          </Link>
        )}
      </div>
      <Card>
        {materials.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-3">{t("colTitle")}</th>
                  <th scope="col" className="py-2 pr-3">{t("colCategory")}</th>
                  <th scope="col" className="py-2 pr-3">{t("colLanguage")}</th>
                  <th scope="col" className="py-2 pr-3">{t("colStatus")}</th>
                  <th scope="col" className="py-2 pr-3">{t("colOwner")}</th>
                  <th scope="col" className="py-2 pr-3">{t("colUpdated")}</th>
                </tr>
              </thead>
              <tbody>
                {materials.map((m) => (
                  <tr key={m.id} className="border-b border-slate-100" data-testid={`material-${m.slug}`}>
                    <td className="py-2 pr-3">
                      <Link href={`/portal/materi/${m.id}`} className="font-medium">
                        {m.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{t(`categories.${m.category}`)}</td>
                    <td className="py-2 pr-3">{m.language}</td>
                    <td className="py-2 pr-3">{t(`status.${m.status}`)}</td>
                    <td className="py-2 pr-3">{m.office?.name ?? t("national")}</td>
                    <td className="py-2 pr-3">{formatDate(m.updatedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
