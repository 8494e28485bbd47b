import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { formatDateTimeInZone, WIB } from "@/lib/dates";
import { auditAction, auditField, auditValue } from "@/lib/features/audit/present";
import { AUDIT_ENTITY_TYPES, auditFilterSchema, findAuditEntries } from "@/lib/features/audit/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";

export const metadata: Metadata = { title: "Log audit" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;


/** Who changed what and when: office admins see their office, Kanwil its region, Ditjen all. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const filter = auditFilterSchema.parse({ entity: first(params.entity), entityId: first(params.entityId), page: first(params.page) });
  const list = await orNotFound(findAuditEntries(user, filter));
  const t = await getTranslations();
  const locale = await getLocale();
  const pageHref = (page: number) => {
    const q = new URLSearchParams();
    if (filter.entity) q.set("entity", filter.entity);
    if (filter.entityId) q.set("entityId", filter.entityId);
    if (page > 1) q.set("page", String(page));
    return `/portal/audit${q.size ? `?${q}` : ""}`;
  };
  const tr = t as unknown as Parameters<typeof auditAction>[1];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
        <p className="text-slate-700">{t("audit.intro")}</p>
      </div>
      <Card>
        <form method="get" action="/portal/audit" className="flex flex-wrap items-end gap-3">
          <SelectField label={t("audit.entity")} name="entity" defaultValue={filter.entity ?? ""}>
            <option value="">{t("audit.allEntities")}</option>
            {AUDIT_ENTITY_TYPES.map((e) => (
              <option key={e} value={e}>
                {t(`audit.entity_${e}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className={buttonClass("primary", "mb-0")}>
            {t("audit.filter")}
          </button>
        </form>
      </Card>
      <Card>
        <p className="mb-3 font-medium" role="status">
          {t("audit.total", { count: list.total })}
        </p>
        {list.rows.length === 0 ? (
          <p>{t("audit.empty")}</p>
        ) : (
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("audit.title")}>
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-3">{t("audit.when")}</th>
                  <th scope="col" className="py-2 pr-3">{t("audit.who")}</th>
                  <th scope="col" className="py-2 pr-3">{t("audit.what")}</th>
                  <th scope="col" className="py-2 pr-3">{t("audit.changes")}</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => {
                  const after = r.changes?.after ?? {};
                  const before = r.changes?.before ?? {};
                  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
                  return (
                    <tr key={r.id} className="border-b border-slate-100 align-top">
                      <td className="whitespace-nowrap py-2 pr-3">{formatDateTimeInZone(r.at, WIB, locale)}</td>
                      <td className="py-2 pr-3">
                        {r.actorName ?? t("audit.system")}
                        {r.actorRole && <span className="block text-xs text-slate-600">{t(`roles.${r.actorRole}`)}</span>}
                        {r.officeName && <span className="block text-xs text-slate-600">{r.officeName}</span>}
                      </td>
                      <td className="py-2 pr-3">
                        {auditAction(r.action, tr)}
                        {r.entityType === "desa_binaan" && (
                          <Link href={`/portal/desa/${r.entityId}`} className="block text-xs">
                            {t("audit.openEntity")}
                          </Link>
                        )}
                      </td>
                      <td className="py-2 pr-3">
                        <dl className="space-y-1">
                          {keys.map((k) => (
                            <div key={k}>
                              <dt className="inline text-xs font-medium">{auditField(k, tr)}: </dt>
                              <dd className="inline break-words">
                                {k in before && (
                                  <span className="text-red-800">
                                    <span className="sr-only">{t("audit.before")} </span>
                                    <del>{auditValue(r.entityType, k, before[k], tr, locale)}</del>{" "}
                                  </span>
                                )}
                                {k in after && (
                                  <span className="text-green-800">
                                    <span className="sr-only">{t("audit.after")} </span>
                                    {auditValue(r.entityType, k, after[k], tr, locale)}
                                  </span>
                                )}
                              </dd>
                            </div>
                          ))}
                        </dl>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {list.pageCount > 1 && (
          <nav aria-label={t("villages.pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-2">
            {list.page > 1 ? (
              <Link href={pageHref(list.page - 1)} className={buttonClass("secondary", "no-underline")}>
                {t("villages.previous")}
              </Link>
            ) : (
              <span />
            )}
            <span className="text-sm">{t("villages.pageOf", { page: list.page, pageCount: list.pageCount })}</span>
            {list.page < list.pageCount ? (
              <Link href={pageHref(list.page + 1)} className={buttonClass("secondary", "no-underline")}>
                {t("villages.next")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </Card>
    </div>
  );
}
