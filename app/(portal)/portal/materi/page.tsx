import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
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
          <DataTable
            label={t("title")}
            rows={materials}
            rowKey={(m) => m.id}
            rowProps={(m) => ({ "data-testid": `material-${m.slug}` })}
            columns={[
              {
                header: t("colTitle"),
                cell: (m) => (
                  <Link href={`/portal/materi/${m.id}`} className="font-medium">
                    {m.title}
                  </Link>
                ),
              },
              { header: t("colCategory"), cell: (m) => t(`categories.${m.category}`) },
              { header: t("colLanguage"), cell: (m) => m.language },
              { header: t("colStatus"), cell: (m) => t(`status.${m.status}`) },
              { header: t("colOwner"), cell: (m) => m.office?.name ?? t("national") },
              { header: t("colUpdated"), cell: (m) => formatDate(m.updatedAt, locale) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
