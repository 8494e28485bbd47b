import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { formatDateTimeInZone, formatTimeInZone, zoneAbbreviation } from "@/lib/dates";
import { markEventHeldAction } from "@/lib/features/events/actions";
import { checkInLink } from "@/lib/features/events/check-in";
import { qrSvg } from "@/lib/qr";
import { toLocalInput } from "@/lib/features/events/local-time";
import { findAttendees, findEventVillageChoices, getEvent } from "@/lib/features/events/queries";
import { getSessionMessages } from "@/lib/features/whatsapp/queries";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { StatusBadge } from "../../_components/status-badge";
import { ActionButton } from "./_components/action-button";
import { AttendeeForm, CountsForm, ReportForm } from "./_components/attendance-forms";
import { ImportPanel } from "./_components/import-panel";
import { AttendeeTable } from "./_components/attendee-table";
import { CheckInCard } from "./_components/check-in-card";
import { isPhotoResult, PhotoGallery } from "./_components/photo-gallery";
import { CancelForm, PostponeForm } from "./_components/status-forms";
import { WhatsappCard } from "./_components/whatsapp-card";
import { EventQuizzesForm, PaperTallyForm } from "./_components/quiz-forms";
import { QuizResults } from "./_components/quiz-results";
import { findEventQuizChoices, getEventQuizResults } from "@/lib/features/quizzes/queries";

export const metadata: Metadata = { title: "Kegiatan" };


export default async function EventPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string; foto?: string; pesan?: string }>;
}) {
  const user = await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const event = await orNotFound(getEvent(user, id));
  const t = await getTranslations("events");
  const tc = await getTranslations();
  const locale = await getLocale();
  const zone = zoneAbbreviation(event.timeZone);
  const { edit: canEdit, attend: canAttend, readAttendees: canReadAttendees, export: canExport } = event.can;
  const active = event.status === "SCHEDULED" || event.status === "POSTPONED";
  const page = Math.max(1, Number(query.page) || 1);
  const messageLanguage = query.pesan === "en" ? "EN" : "ID";
  const [attendees, villageChoices, whatsapp, quizResults, quizChoices] = await Promise.all([
    canReadAttendees ? findAttendees(user, event.id, page) : null,
    canAttend ? findEventVillageChoices(user) : [],
    // the officers who may change the session send its messages (liaisons' numbers are personal data)
    canEdit ? getSessionMessages(user, event.id, { language: messageLanguage }) : null,
    getEventQuizResults(user, event.id),
    canEdit ? findEventQuizChoices(event.officeId) : [],
  ]);
  const tq = await getTranslations("quiz");
  const link = event.checkInCode ? await checkInLink(event.checkInCode) : null;
  const qr = link ? await qrSvg(link) : null;
  const photoResult = isPhotoResult(query.foto) ? query.foto : null;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm font-semibold text-brand-800">
          {tc(`eventType.${event.type}`)} · {event.office.name}
        </p>
        <h1 className="text-2xl font-bold">
          {event.title} <StatusBadge status={event.status} />
        </h1>
        {event.theme && <p className="text-slate-700">{event.theme}</p>}
        <p className="text-slate-800" data-testid="event-when">
          {formatDateTimeInZone(event.startsAt, event.timeZone, locale)} – {formatTimeInZone(event.endsAt, event.timeZone, locale)}
        </p>
        <p className="text-slate-800">
          {event.venueName}
          {event.venueAddress ? `, ${event.venueAddress}` : ""}
        </p>
        <p>
          <a href={`/api/kegiatan/${event.id}/kalender.ics`} className="inline-flex min-h-11 items-center text-brand-800 underline">
            {tc("calendar.addToCalendar")}
          </a>
        </p>
        {event.statusReason && (event.status === "POSTPONED" || event.status === "CANCELLED") && (
          <p className="text-sm text-slate-700">
            {t("reasonLabel")}: {event.statusReason}
          </p>
        )}
      </div>

      {canEdit && (
        <Card title={t("manage")}>
          <div className="flex flex-wrap gap-2">
            {event.status !== "CANCELLED" && (
              <Link href={`/portal/kegiatan/${event.id}/ubah`} className={buttonClass("secondary")}>
                {t("edit")}
              </Link>
            )}
            {active && (
              <ActionButton action={markEventHeldAction} input={{ eventId: event.id }} label={t("markHeld")} variant="primary" confirm={t("markHeldConfirm")} />
            )}
          </div>
          {active && (
            <div className="mt-4 space-y-2">
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("postpone")}</summary>
                <PostponeForm
                  eventId={event.id}
                  zone={zone}
                  startsAtLocal={toLocalInput(event.startsAt, event.timeZone)}
                  endsAtLocal={toLocalInput(event.endsAt, event.timeZone)}
                />
              </details>
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("cancel")}</summary>
                <CancelForm eventId={event.id} />
              </details>
            </div>
          )}
        </Card>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("villages")}>
          {event.villages.length === 0 ? (
            <p>{t("noneLinked")}</p>
          ) : (
            <ul className="list-inside list-disc">
              {event.villages.map((v) => (
                <li key={v.desaBinaan.id}>
                  {v.desaBinaan.village.name}, {v.desaBinaan.village.district.name} ({tc(`stages.${v.desaBinaan.stage}`)})
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("speakersAndPartners")}>
          {event.speakers.length === 0 && event.partners.length === 0 && <p>{t("noneLinked")}</p>}
          <ul className="space-y-1">
            {event.speakers.map((s) => (
              <li key={s.id}>
                <span className="font-medium">{s.name}</span>
                {[s.position, s.institution?.name].filter(Boolean).length > 0 && <span className="text-slate-700"> · {[s.position, s.institution?.name].filter(Boolean).join(", ")}</span>}
              </li>
            ))}
          </ul>
          {event.partners.length > 0 && (
            <p className="mt-2 text-sm text-slate-700">
              {t("partners")}: {event.partners.map((p) => p.institution.name).join(", ")}
            </p>
          )}
        </Card>
      </div>

      <section aria-labelledby="attendance-title" className="space-y-4">
        <h2 id="attendance-title" className="text-xl font-bold">
          {t("attendance")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label={t("total")} value={<span data-testid="attendance-total">{event.attendance.total}</span>} />
          <Stat label={t("named")} value={event.attendance.named} />
          <Stat label={t("counted")} value={event.attendance.counted} />
          <Stat label={t("menWomenUnknown")} value={`${event.attendance.male} / ${event.attendance.female} / ${event.attendance.unknown}`} />
        </dl>

        {canEdit && link && qr && <CheckInCard event={event} link={link} qr={qr} />}

        {canExport && (
          <div className="flex flex-wrap gap-2">
            <a href={`/api/kegiatan/${event.id}/daftar-hadir.pdf`} className={buttonClass("secondary")}>
              {t("sheetPdf")}
            </a>
            <a href={`/api/kegiatan/${event.id}/peserta`} className={buttonClass("secondary")}>
              {t("exportCsv")}
            </a>
            <a href={`/api/kegiatan/${event.id}/peserta?format=xlsx`} className={buttonClass("secondary")}>
              {t("exportXlsx")}
            </a>
          </div>
        )}

        {canAttend && event.status !== "CANCELLED" && (
          <>
            <p>
              {/* a full page load, so that the service worker keeps the page it registers on (ADR 0019) */}
              <a href={`/portal/kegiatan/${event.id}/luring`} className={buttonClass("secondary")}>
                {tc("offline.openOffline")}
              </a>
            </p>
            <Card title={t("addAttendeeTitle")}>
              <AttendeeForm eventId={event.id} villages={villageChoices.map((v) => ({ id: v.id, label: v.label }))} />
            </Card>
            <Card title={t("countsTitle")}>
              <p className="mb-2 text-sm text-slate-700">{t("countsHelp")}</p>
              <CountsForm eventId={event.id} counts={event.counts} />
            </Card>
            <Card title={t("importTitle")}>
              <ImportPanel eventId={event.id} />
            </Card>
          </>
        )}

        {attendees && <AttendeeTable eventId={event.id} attendees={attendees} canRemove={canAttend} />}
      </section>

      {(quizResults || (canEdit && quizChoices.length > 0)) && (
        <section aria-labelledby="quiz-title" className="space-y-4">
          <h2 id="quiz-title" className="text-xl font-bold">
            {tq("event.title")}
          </h2>
          {canEdit && event.status !== "CANCELLED" && (
            <Card title={tq("event.choose")}>
              <p className="mb-2 text-sm text-slate-700">{tq("event.help")}</p>
              <EventQuizzesForm
                eventId={event.id}
                choices={quizChoices.map((q) => ({ id: q.id, label: q.officeId ? q.title : `${q.title} (${tq("national")})` }))}
                pre={event.preTestQuizId}
                post={event.postTestQuizId}
              />
            </Card>
          )}
          {quizResults && (
            <Card title={tq("results.title")}>
              <QuizResults results={quizResults} locale={locale} />
            </Card>
          )}
          {quizResults && event.can.tally && event.status !== "CANCELLED" && (
            <Card title={tq("paper.title")}>
              <p className="mb-2 text-sm text-slate-700">{tq("paper.help")}</p>
              <div className="space-y-2">
                {(["PRE", "POST"] as const).map((phase) => {
                  const quiz = phase === "PRE" ? quizResults.preQuiz : quizResults.postQuiz;
                  if (!quiz) return null;
                  return (
                    <details key={phase} className="rounded-md border border-slate-200 p-3">
                      <summary className="min-h-11 cursor-pointer py-2 font-medium">{tq(`paper.form${phase}`)}</summary>
                      <PaperTallyForm eventId={event.id} phase={phase} questions={quiz.questions} current={quizResults.paperTally[phase]} />
                    </details>
                  );
                })}
              </div>
            </Card>
          )}
        </section>
      )}

      {(event.status === "HELD" || event.reportNotes) && (
        <Card title={t("reportTitle")}>
          {canEdit && event.status === "HELD" ? (
            <ReportForm
              eventId={event.id}
              defaults={{ reportNotes: event.reportNotes ?? "", followUps: event.followUps ?? "", whatsappGroupShared: event.whatsappGroupShared }}
            />
          ) : (
            <div className="space-y-2 whitespace-pre-line">
              <p>{event.reportNotes ?? t("noReport")}</p>
              {event.followUps && <p>{event.followUps}</p>}
              {event.whatsappGroupShared && <p>{t("whatsappGroupShared")}</p>}
            </div>
          )}
        </Card>
      )}

      {whatsapp && (
        <WhatsappCard
          eventId={event.id}
          status={event.status}
          timeZone={event.timeZone}
          language={messageLanguage}
          messages={whatsapp}
          canEditTemplates={can(user.role, "update:template")}
        />
      )}

      <PhotoGallery eventId={event.id} photos={event.photos} canEdit={canEdit} result={photoResult} />
    </div>
  );
}
