import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTimeInZone } from "@/lib/dates";
import { findEventVillageChoices, getEvent } from "@/lib/features/events/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { OfflineAttendance } from "./_components/offline-attendance";

// Linked from this page only: installing the app from here opens the staff portal (ADR 0019).
export const metadata: Metadata = { title: "Daftar hadir luring", manifest: "/staf.webmanifest" };

/**
 * Offline attendance for one session (ADR 0019). Opened while online, the service worker keeps
 * this page; it then opens and records with no connection, and sends when one returns.
 */
export default async function OfflineAttendancePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const event = await orNotFound(getEvent(user, id));
  if (!event.can.attend || event.status === "CANCELLED") notFound();
  const [t, locale, villages] = await Promise.all([getTranslations("offline"), getLocale(), findEventVillageChoices(user)]);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="font-semibold">{event.title}</p>
        <p className="text-slate-800">
          {formatDateTimeInZone(event.startsAt, event.timeZone, locale)} · {event.venueName}
        </p>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <OfflineAttendance eventId={event.id} villages={villages.map((v) => ({ id: v.id, label: v.label }))} />
      <p>
        {/* a full page load: the session page is not kept offline */}
        <a href={`/portal/kegiatan/${event.id}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
          {t("back")}
        </a>
      </p>
    </div>
  );
}
