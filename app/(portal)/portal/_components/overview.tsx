import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StageTable } from "@/components/stage-table";
import { Card, Stat } from "@/components/ui/card";
import { formatDateTimeInZone } from "@/lib/dates";
import type { getOverview } from "@/lib/features/home/queries";


/** Figures and coming sessions for the national, regional and office homes. */
export async function Overview({
  overview,
  showOffices,
}: {
  overview: Awaited<ReturnType<typeof getOverview>>;
  showOffices: boolean;
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {showOffices && <Stat label={t("home.offices")} value={overview.officeCount} />}
        <Stat label={t("home.villages")} value={overview.villageCount} />
        <Stat label={t("home.eventsHeld")} value={overview.heldEvents} />
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("home.villagesByStage")}>
          <StageTable counts={overview.villagesByStage} />
        </Card>
        <Card title={t("home.upcoming")}>
          {overview.upcoming.length === 0 ? (
            <p className="text-slate-600">{t("home.noUpcoming")}</p>
          ) : (
            <ul className="space-y-3">
              {overview.upcoming.map((event) => (
                <li key={event.id}>
                  <p className="font-medium">
                    <Link href={`/portal/kegiatan/${event.id}`}>{event.title}</Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    {t(`eventType.${event.type}`)} · {formatDateTimeInZone(event.startsAt, event.timeZone, locale)}
                  </p>
                  <p className="text-sm text-slate-600">
                    {event.venueName} · {event.office.name}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
