import type { Metadata } from "next";
import Link from "next/link";
import { cacheLife } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { CheckboxField, FilterSelectField, SelectField, TextField } from "@/components/ui/field";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/dates";
import { findVillageFilterOptions, findVillages } from "@/lib/features/villages/queries";
import { parseVillageListFilter, VILLAGE_SORTS, villageListQuery, type VillageListFilter } from "@/lib/features/villages/schemas";
import { figuresVersion, requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { requireScope } from "@/lib/server/scope";
import { readerScope, scopeReader, type ReaderScope } from "@/lib/server/section-cache";
import { VILLAGE_STAGES } from "@/lib/stages";

export const metadata: Metadata = { title: "Desa binaan" };

const SORT_LABEL = {
  name: "sortName",
  stage: "sortStage",
  stageChangedAt: "sortStageChangedAt",
  regency: "sortRegency",
  office: "sortOffice",
  createdAt: "sortCreatedAt",
} as const;

/** Staff and overseers: every desa binaan in scope, filtered, sorted and paged on the server. */
export default async function VillageListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  // Refused before the cached list: an error thrown inside it reaches the page without its kind.
  await orNotFound(Promise.resolve().then(() => requireScope(user, "read:village")));
  const filter = parseVillageListFilter(await searchParams);
  return <VillageList scope={readerScope(user)} filter={filter} locale={await getLocale()} version={await figuresVersion()} />;
}

/**
 * The list and its filters for one scope, filter, language and figures version, cached in the
 * instance's memory (docs/decisions/0021): villages, their names, offices and numbers of contacts
 * all move the figures version when written. No cookie, no user id in here.
 */
async function VillageList({ scope, filter, locale, version }: { scope: ReaderScope; filter: VillageListFilter; locale: string; version: string }) {
  "use cache";
  cacheLife({ stale: 0, revalidate: 600, expire: 600 });
  void version;
  const user = scopeReader(scope);
  const [list, options] = await Promise.all([findVillages(user, filter), findVillageFilterOptions(user, filter)]);
  const t = await getTranslations({ locale });
  const showOffice = options.manyOffices;
  const query = (over: Parameters<typeof villageListQuery>[1]) => {
    const q = villageListQuery(filter, over);
    return q ? `/portal/desa?${q}` : "/portal/desa";
  };
  const exportQuery = villageListQuery(filter, { page: 1 });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("villages.listTitle")}</h1>
          <p className="text-slate-700">{t("villages.listIntro")}</p>
        </div>
        {can(user.role, "create:village") && (
          <Link href="/portal/desa/baru" className={buttonClass("primary", "no-underline")}>
            {t("villages.register")}
          </Link>
        )}
      </div>

      <Card>
        <form method="get" action="/portal/desa" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" role="search">
          <TextField label={t("villages.search")} name="q" type="search" defaultValue={filter.q} maxLength={60} />
          <FilterSelectField
            label={t("villages.stage")}
            name="stage"
            defaultValue={filter.stage ?? ""}
            allLabel={t("villages.allStages")}
            choices={VILLAGE_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          />
          {options.provinces.length > 0 && (
            <FilterSelectField
              label={t("villages.province")}
              name="province"
              defaultValue={filter.province ?? ""}
              allLabel={t("villages.allProvinces")}
              choices={options.provinces.map((p) => ({ value: p.code, label: p.name }))}
            />
          )}
          <FilterSelectField
            label={t("villages.regency")}
            name="regency"
            defaultValue={filter.regency ?? ""}
            hint={options.regenciesNeedProvince ? t("villages.chooseProvinceFirst") : undefined}
            allLabel={t("villages.allRegencies")}
            choices={options.regencies.map((r) => ({ value: r.code, label: r.name }))}
          />
          {showOffice && (
            <FilterSelectField
              label={t("villages.office")}
              name="office"
              defaultValue={filter.office ?? ""}
              hint={options.officesNeedProvince ? t("villages.chooseProvinceFirst") : undefined}
              allLabel={t("villages.allOffices")}
              choices={options.offices.map((o) => ({ value: o.id, label: o.name }))}
            />
          )}
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-900">{t("villages.flags")}</legend>
            <CheckboxField name="migranEmas" value="1" defaultChecked={!!filter.migranEmas} label={t("villages.migranEmas")} />
            <CheckboxField name="desmigratif" value="1" defaultChecked={!!filter.desmigratif} label={t("villages.desmigratif")} />
          </fieldset>
          <SelectField label={t("villages.sort")} name="sort" defaultValue={filter.sort}>
            {VILLAGE_SORTS.filter((s) => showOffice || s !== "office").map((s) => (
              <option key={s} value={s}>
                {t(`villages.${SORT_LABEL[s]}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("villages.dir")} name="dir" defaultValue={filter.dir}>
            <option value="asc">{t("villages.asc")}</option>
            <option value="desc">{t("villages.desc")}</option>
          </SelectField>
          <div className="flex flex-wrap items-end gap-2">
            <button type="submit" className={buttonClass("primary")}>
              {t("villages.apply")}
            </button>
            <Link href="/portal/desa" className={buttonClass("secondary", "no-underline")}>
              {t("villages.reset")}
            </Link>
          </div>
        </form>
      </Card>

      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <p className="font-medium" role="status" data-testid="village-total">
            {t("villages.total", { count: list.total })}
          </p>
          <div className="flex flex-wrap gap-2">
            <a href={`/api/desa/export?${exportQuery ? `${exportQuery}&` : ""}format=csv`} className={buttonClass("secondary", "no-underline")}>
              {t("villages.exportCsv")}
            </a>
            <a href={`/api/desa/export?${exportQuery ? `${exportQuery}&` : ""}format=xlsx`} className={buttonClass("secondary", "no-underline")}>
              {t("villages.exportXlsx")}
            </a>
          </div>
        </div>
        {list.rows.length === 0 ? (
          <p>{t("villages.empty")}</p>
        ) : (
          <DataTable
            label={t("villages.listTitle")}
            rows={list.rows}
            rowKey={(r) => r.id}
            rowProps={() => ({ className: "align-top" })}
            columns={[
              {
                header: t("villages.village"),
                cell: (r) => (
                  <>
                    <Link href={`/portal/desa/${r.id}`} className="font-medium">
                      {r.village.name}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {r.village.district.name}, {r.village.regency.name}
                      {showOffice && `, ${r.village.province.name}`}
                    </span>
                  </>
                ),
              },
              {
                header: t("villages.stage"),
                cell: (r) => (
                  <>
                    {t(`stages.${r.stage}`)}
                    <span className="block text-xs text-slate-600">{formatDate(r.stageChangedAt, locale)}</span>
                  </>
                ),
              },
              ...(showOffice ? [{ header: t("villages.office"), cell: (r: (typeof list.rows)[number]) => r.office.name }] : []),
              {
                header: t("villages.flags"),
                cell: (r) => [r.isDesaMigranEmas && t("villages.migranEmas"), r.isDesmigratif && t("villages.desmigratif")].filter(Boolean).join(", ") || "–",
              },
              { header: t("villages.contacts"), className: "text-right tabular-nums", cell: (r) => r._count.contacts },
            ]}
          />
        )}
        <Pager locale={locale} page={list.page} pageCount={list.pageCount} href={(page) => query({ page })} />
      </Card>
    </div>
  );
}
