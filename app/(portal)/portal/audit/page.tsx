import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
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
          <DataTable
            label={t("audit.title")}
            rows={list.rows}
            rowKey={(r) => r.id}
            rowProps={() => ({ className: "align-top" })}
            columns={[
              { header: t("audit.when"), className: "whitespace-nowrap", cell: (r) => formatDateTimeInZone(r.at, WIB, locale) },
              {
                header: t("audit.who"),
                cell: (r) => (
                  <>
                    {r.actorName ?? t("audit.system")}
                    {r.actorRole && <span className="block text-xs text-slate-600">{t(`roles.${r.actorRole}`)}</span>}
                    {r.officeName && <span className="block text-xs text-slate-600">{r.officeName}</span>}
                  </>
                ),
              },
              {
                header: t("audit.what"),
                cell: (r) => (
                  <>
                    {auditAction(r.action, tr)}
                    {r.entityType === "desa_binaan" && (
                      <Link href={`/portal/desa/${r.entityId}`} className="block text-xs">
                        {t("audit.openEntity")}
                      </Link>
                    )}
                  </>
                ),
              },
              { header: t("audit.changes"), cell: (r) => <Changes entry={r} t={tr} locale={locale} labels={{ before: t("audit.before"), after: t("audit.after") }} /> },
            ]}
          />
        )}
        <Pager page={list.page} pageCount={list.pageCount} href={pageHref} />
      </Card>
    </div>
  );
}

/** An entry's before and after, field by field, in words. */
function Changes({
  entry,
  t,
  locale,
  labels,
}: {
  entry: { entityType: string; changes: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null };
  t: Parameters<typeof auditValue>[3];
  locale: string;
  labels: { before: string; after: string };
}) {
  const after = entry.changes?.after ?? {};
  const before = entry.changes?.before ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return (
    <dl className="space-y-1">
      {keys.map((k) => (
        <div key={k}>
          <dt className="inline text-xs font-medium">{auditField(k, t)}: </dt>
          <dd className="inline break-words">
            {k in before && (
              <span className="text-red-800">
                <span className="sr-only">{labels.before} </span>
                <del>{auditValue(entry.entityType, k, before[k], t, locale)}</del>{" "}
              </span>
            )}
            {k in after && (
              <span className="text-green-800">
                <span className="sr-only">{labels.after} </span>
                {auditValue(entry.entityType, k, after[k], t, locale)}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
