import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { findEventVillageChoices, findInstitutions, getOwnOfficeTimeZone } from "@/lib/features/events/queries";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { EventForm } from "../../_components/event-form";
import { InstitutionForm } from "../../_components/institution-form";

export const metadata: Metadata = { title: "Kegiatan baru" };

export default async function NewEventPage() {
  const user = await requireUser();
  const [villages, institutions, officeTimeZone] = await orNotFound(
    Promise.all([findEventVillageChoices(user), findInstitutions(user), getOwnOfficeTimeZone(user)]),
  );
  const t = await getTranslations("events");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <Card>
        <EventForm villages={villages} institutions={institutions} officeTimeZone={officeTimeZone} />
      </Card>
      <Card title={t("directoryTitle")}>
        <p className="mb-3 text-sm text-slate-700">{t("directoryIntro")}</p>
        <InstitutionForm />
      </Card>
    </div>
  );
}
