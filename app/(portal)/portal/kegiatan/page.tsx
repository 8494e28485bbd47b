import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { formatDateTimeInZone } from "@/lib/dates";
import { findEvents, findEventsBetween } from "@/lib/features/events/queries";
import { localDay } from "@/lib/features/events/local-time";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { MonthCalendar } from "./_components/month-calendar";
import { StatusBadge } from "./_components/status-badge";

export const metadata: Metadata = { title: "Kegiatan" };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export default async function EventsPage({ searchParams }: { searchParams: Promise<{ tampilan?: string; bulan?: string; hal?: string }> }) {
  const user = await requireUser();
  const query = await searchParams;
  const t = await getTranslations("events");
  const tc = await getTranslations();
  const locale = await getLocale();
  const calendar = query.tampilan === "kalender";

  const tabs = (
    <div className="flex gap-2" role="navigation" aria-label={t("views")}>
      <Link href="/portal/kegiatan" aria-current={!calendar ? "page" : undefined} className={buttonClass(calendar ? "secondary" : "primary")}>
        {t("listView")}
      </Link>
      <Link href="/portal/kegiatan?tampilan=kalender" aria-current={calendar ? "page" : undefined} className={buttonClass(calendar ? "primary" : "secondary")}>
        {t("calendarView")}
      </Link>
    </div>
  );

  let body: React.ReactNode;
  if (calendar) {
    const now = new Date();
    const m = MONTH.exec(query.bulan ?? "");
    const year = m ? Number(m[1]) : now.getUTCFullYear();
    const month = m ? Number(m[2]) : now.getUTCMonth() + 1;
    // A day either side so that sessions in WIT/WITA near midnight still land on their local day.
    const from = new Date(Date.UTC(year, month - 1, 1) - 86_400_000);
    const to = new Date(Date.UTC(year, month, 1) + 86_400_000);
    const events = await orNotFound(findEventsBetween(user, from, to));
    body = (
      <MonthCalendar
        year={year}
        month={month}
        locale={locale}
        events={events.map((e) => ({
          id: e.id,
          title: e.title,
          status: e.status,
          day: localDay(e.startsAt, e.timeZone).toISOString().slice(0, 10),
          time: formatDateTimeInZone(e.startsAt, e.timeZone, locale),
        }))}
      />
    );
  } else {
    const page = Math.max(1, Number(query.hal) || 1);
    const { rows, total, pageSize } = await orNotFound(findEvents(user, { page }));
    body =
      rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-200">
            {rows.map((e) => (
              <li key={e.id} className="py-3">
                <Link href={`/portal/kegiatan/${e.id}`} className="font-semibold">
                  {e.title}
                </Link>{" "}
                <StatusBadge status={e.status} />
                <p className="text-sm text-slate-700">
                  {tc(`eventType.${e.type}`)} · {formatDateTimeInZone(e.startsAt, e.timeZone, locale)} · {e.venueName}
                </p>
                <p className="text-xs text-slate-600">
                  {e.office.name} · {t("namedCount", { count: e._count.attendees })}
                </p>
              </li>
            ))}
          </ul>
          {total > pageSize && (
            <nav className="mt-4 flex gap-2" aria-label={t("pages")}>
              {page > 1 && (
                <Link className={buttonClass("secondary")} href={`/portal/kegiatan?hal=${page - 1}`}>
                  {t("previous")}
                </Link>
              )}
              {page * pageSize < total && (
                <Link className={buttonClass("secondary")} href={`/portal/kegiatan?hal=${page + 1}`}>
                  {t("next")}
                </Link>
              )}
            </nav>
          )}
        </>
      );
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {can(user.role, "create:event") && (
          <Link href="/portal/kegiatan/baru" className={buttonClass("primary")}>
            {t("new")}
          </Link>
        )}
      </div>
      {tabs}
      <Card>{body}</Card>
    </div>
  );
}
