import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatDate, formatDateTimeInZone } from "@/lib/dates";
import type { getOwnVillage } from "@/lib/features/home/queries";

export async function VillageHome({ village }: { village: Awaited<ReturnType<typeof getOwnVillage>> }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const place = village.village;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("home.villageTitle", { village: place.name })}</h1>
        <p className="text-slate-700">
          {t("home.location", { district: place.district.name, regency: place.regency.name, province: place.province.name })}
        </p>
        <p className="mt-2">
          <Link href={`/portal/desa/${village.id}`} className="font-semibold">
            {t("villages.openVillagePage")}
          </Link>
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("home.stage")}>
          <p className="text-xl font-semibold">{t(`stages.${village.stage}`)}</p>
          <p className="text-sm text-slate-600">{t("home.since", { date: formatDate(village.stageChangedAt, locale) })}</p>
          <p className="mt-3 text-sm">
            {t("home.ownerOffice")}: <strong>{village.office.name}</strong>
          </p>
          {village.whatsappGroupUrl && (
            <p className="mt-3">
              <a href={village.whatsappGroupUrl} rel="noopener noreferrer" target="_blank" className="font-semibold">
                {t("home.openWhatsapp")}
              </a>
            </p>
          )}
        </Card>
        <Card title={t("home.contacts")}>
          {village.contacts.length === 0 ? (
            <p className="text-slate-600">{t("home.noContacts")}</p>
          ) : (
            <ul className="space-y-2">
              {village.contacts.map((c) => (
                <li key={c.id}>
                  <span className="font-medium">{c.name}</span>{" "}
                  <span className="text-sm text-slate-600">· {c.position ?? t(`contactRole.${c.role}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("home.upcoming")} className="lg:col-span-2">
          {village.events.length === 0 ? (
            <p className="text-slate-600">{t("home.noUpcoming")}</p>
          ) : (
            <ul className="space-y-3">
              {village.events.map(({ event }) => (
                <li key={event.id}>
                  <p className="font-medium">
                    <Link href={`/portal/kegiatan/${event.id}`}>{event.title}</Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    {t(`eventType.${event.type}`)} · {formatDateTimeInZone(event.startsAt, event.timeZone, locale)} ·{" "}
                    {event.venueName}
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
