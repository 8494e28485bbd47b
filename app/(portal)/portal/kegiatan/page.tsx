import type { Metadata } from "next";
import Link from "next/link";
import { cacheLife } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { can } from "@/lib/auth/permissions";
import { formatDateTimeInZone, WIB } from "@/lib/dates";
import { getCalendarFeedState } from "@/lib/features/events/calendar";
import { findEventFilterOptions, findEvents, findEventsBetween } from "@/lib/features/events/queries";
import { EVENT_STATUSES, EVENT_TYPES, eventListQuery, parseEventListFilter, type EventListFilter } from "@/lib/features/events/schemas";
import { FilterSelectField, TextField } from "@/components/ui/field";
import { localDay } from "@/lib/features/events/local-time";
import { figuresVersion, requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { CalendarFeed } from "./_components/calendar-feed";
import { ClientMessages } from "@/components/layout/client-messages";
import { requireScope } from "@/lib/server/scope";
import { readerScope, scopeReader, type ReaderScope } from "@/lib/server/section-cache";
import { MonthCalendar } from "./_components/month-calendar";
import { StatusLabel } from "./_components/status-badge";

export const metadata: Metadata = { title: "Kegiatan" };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = await searchParams;
  const t = await getTranslations("events");
  const tw = await getTranslations("whatsapp");
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
    const bulan = typeof query.bulan === "string" ? query.bulan : "";
    const m = MONTH.exec(bulan);
    const year = m ? Number(m[1]) : now.getUTCFullYear();
    const month = m ? Number(m[2]) : now.getUTCMonth() + 1;
    // A day either side so that sessions in WIT/WITA near midnight still land on their local day.
    const from = new Date(Date.UTC(year, month - 1, 1) - 86_400_000);
    const to = new Date(Date.UTC(year, month, 1) + 86_400_000);
    const [events, feed, tcal] = await Promise.all([orNotFound(findEventsBetween(user, from, to)), getCalendarFeedState(user), getTranslations("calendar")]);
    const feedState = feed
      ? tcal("feedActive", { created: formatDateTimeInZone(feed.createdAt, WIB, locale), expires: formatDateTimeInZone(feed.expiresAt, WIB, locale) })
      : null;
    body = (
      <>
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
      <Card title={tcal("feedTitle")} className="mt-4">
        {/* the list view has no client component that reads messages; the feed's form does */}
        <ClientMessages group="events">
          <CalendarFeed active={feedState} />
        </ClientMessages>
      </Card>
      </>
    );
  } else {
    const filter = parseEventListFilter(query);
    // Refused before the cached list: an error thrown inside it reaches the page without its kind.
    await orNotFound(Promise.resolve().then(() => requireScope(user, "read:event")));
    body = <EventList scope={readerScope(user)} filter={filter} locale={locale} version={await figuresVersion()} />;
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="flex flex-wrap gap-2">
          {can(user.role, "update:template") && (
            <Link href="/portal/kegiatan/pesan-whatsapp" className={buttonClass("secondary")}>
              {tw("pageTitle")}
            </Link>
          )}
          {can(user.role, "create:event") && (
            <Link href="/portal/kegiatan/baru" className={buttonClass("primary")}>
              {t("new")}
            </Link>
          )}
        </div>
      </div>
      {tabs}
      <Card>{body}</Card>
    </div>
  );
}

/**
 * The list and its filters for one scope, filter, language and figures version, cached in the
 * instance's memory (docs/decisions/0021): sessions, their offices, their named attendees and the
 * villages and provinces to filter by all move the figures version when written. No cookie, no user id in here.
 */
async function EventList({ scope, filter, locale, version }: { scope: ReaderScope; filter: EventListFilter; locale: string; version: string }) {
  "use cache";
  cacheLife({ stale: 0, revalidate: 600, expire: 600 });
  void version;
  const user = scopeReader(scope);
  const t = await getTranslations({ locale, namespace: "events" });
  const tc = await getTranslations({ locale });
  const page = filter.page ?? 1;
  const [{ rows, total, pageSize }, options] = await Promise.all([findEvents(user, filter), findEventFilterOptions(user, filter)]);
  const filtered = Boolean(filter.q || filter.province || filter.desaBinaanId || filter.type || filter.status || filter.from || filter.to);
  return (
      <>
        <form method="get" action="/portal/kegiatan" className="mb-4 grid gap-3 sm:grid-cols-3" aria-label={t("filter.label")}>
          <TextField label={t("filter.q")} name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} />
          {options.provinces.length > 0 && (
            <FilterSelectField
              label={t("filter.province")}
              name="provinsi"
              allLabel={t("filter.all")}
              choices={options.provinces}
              defaultValue={filter.province ?? ""}
            />
          )}
          {(options.villages.length > 0 || options.villagesNeedProvince) && (
            <FilterSelectField
              label={t("filter.village")}
              name="desa"
              allLabel={t("filter.all")}
              hint={options.villagesNeedProvince ? t("filter.chooseProvinceFirst") : undefined}
              choices={options.villages}
              defaultValue={filter.desaBinaanId ?? ""}
            />
          )}
          <FilterSelectField
            label={t("filter.type")}
            name="jenis"
            allLabel={t("filter.all")}
            choices={EVENT_TYPES.map((v) => ({ value: v, label: tc(`eventType.${v}`) }))}
            defaultValue={filter.type ?? ""}
          />
          <FilterSelectField
            label={t("filter.status")}
            name="status"
            allLabel={t("filter.all")}
            choices={EVENT_STATUSES.map((v) => ({ value: v, label: tc(`eventStatus.${v}`) }))}
            defaultValue={filter.status ?? ""}
          />
          <TextField label={t("filter.from")} name="dari" type="date" defaultValue={filter.from ?? ""} />
          <TextField label={t("filter.to")} name="sampai" type="date" defaultValue={filter.to ?? ""} />
          <div className="flex flex-wrap items-end gap-2 sm:col-span-3">
            <button type="submit" className={buttonClass("primary")}>
              {t("filter.apply")}
            </button>
            {filtered && (
              <Link href="/portal/kegiatan" className={buttonClass("secondary")}>
                {t("filter.reset")}
              </Link>
            )}
            <p className="text-sm text-slate-700" role="status">
              {t("filter.results", { count: total })}
            </p>
          </div>
        </form>
        {rows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
        <>
          <ul className="divide-y divide-slate-200">
            {rows.map((e) => (
              <li key={e.id} className="py-3">
                <Link href={`/portal/kegiatan/${e.id}`} className="font-semibold">
                  {e.title}
                </Link>{" "}
                <StatusLabel status={e.status} label={tc(`eventStatus.${e.status}`)} />
                <p className="text-sm text-slate-700">
                  {tc(`eventType.${e.type}`)} · {formatDateTimeInZone(e.startsAt, e.timeZone, locale)} · {e.venueName}
                </p>
                <p className="text-xs text-slate-600">
                  {e.office.name} · {t("namedCount", { count: e._count.attendees })}
                </p>
              </li>
            ))}
          </ul>
          <Pager locale={locale} page={page} pageCount={Math.ceil(total / pageSize)} href={(p) => `/portal/kegiatan${eventListQuery(filter, p)}`} />
        </>
        )}
      </>
  );
}
