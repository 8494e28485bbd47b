import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FilterSelectField } from "@/components/ui/field";
import { Pager } from "@/components/ui/pager";
import { formatDateTimeInZone, WIB } from "@/lib/dates";
import { findOfficeChoices, findQueue, parseQueueFilter, queueCan, queueQuery } from "@/lib/features/warnings/queries";
import { WARNING_CATEGORIES } from "@/lib/features/warnings/schemas";
import { requireUser } from "@/lib/server/auth/session";
import { SlaBadge, StatusBadge, UrgencyBadge } from "./_components/badges";

export const metadata: Metadata = { title: "Deteksi dini" };

const STATUS_FILTERS = ["terbuka", "selesai", "semua", "NEW", "IN_VERIFICATION", "NEEDS_INFO", "IN_FOLLOW_UP", "CLOSED_VALID", "CLOSED_INVALID", "CLOSED_DUPLICATE"] as const;

export default async function WarningQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filter = parseQueueFilter(await searchParams);
  const t = await getTranslations("warning");
  const locale = await getLocale();
  const [{ rows, total, pageSize }, offices] = await Promise.all([findQueue(user, filter), findOfficeChoices(user)]);
  const can = queueCan(user);
  const reporter = can.reporter;
  const filtered = filter.status !== "terbuka" || Boolean(filter.tanda || filter.kategori || filter.kantor || filter.saya);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{reporter ? t("queue.titleReporter") : t("queue.title")}</h1>
        <div className="flex flex-wrap gap-2">
          {can.slaView && (
            <Link href="/portal/deteksi/sla" className={buttonClass("secondary")}>
              {t("queue.slaView")}
            </Link>
          )}
          {can.file && (
            <Link href="/portal/deteksi/baru" className={buttonClass("primary")}>
              {t("queue.new")}
            </Link>
          )}
        </div>
      </div>
      <p className="text-sm text-slate-700">{reporter ? t("queue.introReporter") : t("queue.intro")}</p>
      <Card>
        <form method="get" action="/portal/deteksi" className="mb-4 grid gap-3 sm:grid-cols-3" aria-label={t("queue.filter")}>
          <FilterSelectField
            label={t("queue.status")}
            name="status"
            allLabel={t("queue.statusOpen")}
            choices={STATUS_FILTERS.filter((s) => s !== "terbuka").map((s) => ({ value: s, label: s === "selesai" ? t("queue.statusClosed") : s === "semua" ? t("queue.statusAll") : t(`status.${s}`) }))}
            defaultValue={filter.status === "terbuka" ? "" : filter.status}
          />
          {!reporter && (
            <FilterSelectField
              label={t("queue.flag")}
              name="tanda"
              allLabel={t("queue.flagAny")}
              choices={[
                { value: "terlambat", label: t("sla.overdue") },
                { value: "peringatan", label: t("sla.warning") },
              ]}
              defaultValue={filter.tanda ?? ""}
            />
          )}
          <FilterSelectField
            label={t("queue.category")}
            name="kategori"
            allLabel={t("queue.all")}
            choices={WARNING_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            defaultValue={filter.kategori ?? ""}
          />
          {offices.length > 0 && (
            <FilterSelectField label={t("queue.office")} name="kantor" allLabel={t("queue.all")} choices={offices} defaultValue={filter.kantor ?? ""} />
          )}
          {can.triage && (
            <label className="flex min-h-11 items-center gap-2 self-end text-sm">
              <input type="checkbox" name="saya" value="1" defaultChecked={!!filter.saya} className="size-5" />
              {t("queue.mine")}
            </label>
          )}
          <div className="flex flex-wrap items-end gap-2 sm:col-span-3">
            <button type="submit" className={buttonClass("primary")}>
              {t("queue.apply")}
            </button>
            {filtered && (
              <Link href="/portal/deteksi" className={buttonClass("secondary")}>
                {t("queue.reset")}
              </Link>
            )}
            <p className="text-sm text-slate-700" role="status">
              {t("queue.results", { count: total })}
            </p>
          </div>
        </form>
        {rows.length === 0 ? (
          <p>{t("queue.empty")}</p>
        ) : (
          <>
            <ul className="divide-y divide-slate-200" data-testid="warning-queue">
              {rows.map((r) => (
                <li key={r.id} className={`py-3 ${r.open && r.sla === "overdue" ? "border-l-4 border-red-700 pl-3" : ""}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/portal/deteksi/${r.id}`} className="font-mono font-semibold">
                      {r.ticketCode}
                    </Link>
                    <StatusBadge status={r.status} />
                    <UrgencyBadge urgency={r.urgency} />
                    {r.open && !reporter && <SlaBadge state={r.sla} />}
                    {r.pendingReminders > 0 && !reporter && <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{t("queue.reminded")}</span>}
                  </div>
                  <p className="text-sm text-slate-800">
                    {t(`category.${r.category}`)} · {r.village?.name ?? "—"}
                  </p>
                  <p className="text-xs text-slate-600">
                    {t("queue.filedAt", { at: formatDateTimeInZone(r.filedAt, WIB, locale) })}
                    {!reporter && r.open && !r.firstResponseAt && <> · {t("queue.dueAt", { at: formatDateTimeInZone(r.dueAt, WIB, locale) })}</>}
                    {!reporter && <> · {r.office?.name ?? r.kanwil?.name ?? t("queue.national")}</>}
                    {!reporter && r.assignedTo && <> · {t("queue.assignedTo", { name: r.assignedTo.name })}</>}
                  </p>
                </li>
              ))}
            </ul>
            <Pager page={filter.page} pageCount={Math.ceil(total / pageSize)} href={(p) => `/portal/deteksi${queueQuery(filter, p)}`} />
          </>
        )}
      </Card>
    </div>
  );
}
