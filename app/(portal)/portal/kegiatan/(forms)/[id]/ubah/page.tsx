import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { findEventVillageChoices, findInstitutions, getEventForEdit } from "@/lib/features/events/queries";
import { toLocalInput } from "@/lib/features/events/local-time";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { EventForm } from "../../../_components/event-form";

export const metadata: Metadata = { title: "Ubah kegiatan" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const [event, villages, institutions] = await orNotFound(
    Promise.all([getEventForEdit(user, id), findEventVillageChoices(user), findInstitutions(user)]),
  );
  const t = await getTranslations("events");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("edit")}</h1>
      <Card>
        <EventForm
          eventId={event.id}
          villages={villages}
          institutions={institutions}
          officeTimeZone={event.officeTimeZone}
          defaults={{
            type: event.type,
            title: event.title,
            theme: event.theme ?? "",
            description: event.description ?? "",
            venueName: event.venueName,
            venueAddress: event.venueAddress ?? "",
            venueVillageId: event.venueVillageId ?? "",
            startsAtLocal: toLocalInput(event.startsAt, event.timeZone),
            endsAtLocal: toLocalInput(event.endsAt, event.timeZone),
            desaBinaanIds: event.villages.map((v) => v.desaBinaanId),
            speakers: event.speakers.map((s) => ({ name: s.name, position: s.position ?? "", institutionId: s.institutionId ?? "" })),
            partnerIds: event.partners.map((p) => p.institutionId),
          }}
        />
      </Card>
    </div>
  );
}
