import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDate, formatDateTimeInZone, formatNumber } from "@/lib/dates";
import { findOfficerChoices, getVillage } from "@/lib/features/villages/queries";
import { whatsappQrSvg } from "@/lib/features/villages/qr";
import { formatIndonesianPhone, whatsappChatLink } from "@/lib/phone";
import { requireUser } from "@/lib/server/auth/session";
import { materialPath } from "@/lib/features/site/paths";
import { orNotFound } from "@/lib/server/page";
import { EditVillageForm } from "../_components/village-profile-form";
import {
  AddContactForm,
  DeleteContactButton,
  EditContactForm,
  EndContactForm,
  HandoverForm,
} from "./_components/contact-forms";
import { StageForm } from "./_components/stage-form";
import { localDay } from "@/lib/features/events/local-time";

export const metadata: Metadata = { title: "Desa binaan" };

const day = (d: Date) => d.toISOString().slice(0, 10);

function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

/** The village page: profile, lifecycle and timeline, contacts, sessions, materials, WhatsApp QR. */
export default async function VillagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const locale = await getLocale();
  const desa = await orNotFound(getVillage(user, id, { language: locale === "en" ? "EN" : "ID" }));
  // the forms' usual day: today where the village is (from 17:00 UTC, WIB is a day ahead of UTC)
  const today = day(localDay(new Date(), desa.village.province.timeZone));
  const { update: canUpdate, addContact: canAddContact, editContact: canEditContact, deleteContact: canDeleteContact } = desa.can;
  const officers = canUpdate ? await findOfficerChoices(user, desa.officeId) : [];
  const qr = desa.whatsappGroupUrl ? await whatsappQrSvg(desa.whatsappGroupUrl) : null;
  const t = await getTranslations();
  const place = desa.village;
  const active = desa.contacts.filter((c) => !c.activeUntil);
  const past = desa.contacts.filter((c) => c.activeUntil);
  const nameOf = new Map(desa.contacts.map((c) => [c.id, c.name]));
  const notSet = <span className="text-slate-500">{t("villages.notSet")}</span>;
  const figure = (n: number | null) => (n === null ? notSet : formatNumber(n, locale));

  const profile: [string, ReactNode][] = [
    [t("villages.code"), place.code],
    [t("villages.ownerOffice"), desa.office.name],
    [t("villages.registeredOn"), formatDate(desa.registeredOn, locale)],
    [t("villages.selectionReason"), desa.selectionReason ?? notSet],
    [t("villages.migrantWorkerCount"), figure(desa.migrantWorkerCount)],
    [t("villages.prospectiveCount"), figure(desa.prospectiveCount)],
    [t("villages.figuresYear"), desa.figuresYear ?? notSet],
    [t("villages.migranEmas"), desa.isDesaMigranEmas ? t("villages.yes") : t("villages.no")],
    [t("villages.desmigratif"), desa.isDesmigratif ? t("villages.yes") : t("villages.no")],
    [t("villages.officers"), desa.officers.length ? desa.officers.map((o) => o.user.name).join(", ") : notSet],
  ];
  if (desa.declaredOn) profile.push([t("villages.declaredOn"), formatDate(desa.declaredOn, locale)]);
  if (desa.inauguratedOn) profile.push([t("villages.inauguratedOn"), formatDate(desa.inauguratedOn, locale)]);
  if (desa.decreeNumber) {
    profile.push([t("villages.decree"), `${desa.decreeNumber}${desa.decreeDate ? ` (${formatDate(desa.decreeDate, locale)})` : ""}`]);
  }

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-slate-600">{t("villages.listTitle")}</p>
        <h1 className="text-2xl font-bold">{t("home.villageTitle", { village: place.name })}</h1>
        <p className="text-slate-700">
          {t("home.location", { district: place.district.name, regency: place.regency.name, province: place.province.name })}
        </p>
        <p className="mt-2">
          <span className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-800" data-testid="village-stage">
            {t(`stages.${desa.stage}`)}
          </span>{" "}
          <span className="text-sm text-slate-600">{t("home.since", { date: formatDate(desa.stageChangedAt, locale) })}</span>
        </p>
        {user.role === "VILLAGE" && <p className="mt-2 text-sm text-slate-700">{t("villages.mineHint")}</p>}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("villages.profile")}>
          <dl className="divide-y divide-slate-100 text-sm">
            {profile.map(([label, value]) => (
              <div key={label} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-2 py-2">
                <dt className="font-medium text-slate-700">{label}</dt>
                <dd className="whitespace-pre-line break-words">{value}</dd>
              </div>
            ))}
          </dl>
          {canUpdate && (
            <div className="mt-4">
              <Disclosure summary={t("villages.editProfile")}>
                <EditVillageForm
                  officers={officers}
                  defaults={{
                    id: desa.id,
                    selectionReason: desa.selectionReason ?? "",
                    migrantWorkerCount: desa.migrantWorkerCount?.toString() ?? "",
                    prospectiveCount: desa.prospectiveCount?.toString() ?? "",
                    figuresYear: desa.figuresYear?.toString() ?? "",
                    isDesaMigranEmas: desa.isDesaMigranEmas,
                    isDesmigratif: desa.isDesmigratif,
                    whatsappGroupUrl: desa.whatsappGroupUrl ?? "",
                    officerIds: desa.officers.map((o) => o.user.id),
                  }}
                />
              </Disclosure>
            </div>
          )}
        </Card>

        <Card title={t("villages.whatsappGroup")}>
          {desa.whatsappGroupUrl && qr ? (
            <div className="space-y-3">
              <figure className="mx-auto w-56 max-w-full">
                {/* SVG produced by the qrcode library from a validated invite link, never from raw input. */}
                <div
                  role="img"
                  aria-label={t("villages.qrAlt", { village: place.name })}
                  className="[&>svg]:h-auto [&>svg]:w-full"
                  dangerouslySetInnerHTML={{ __html: qr }}
                />
              </figure>
              <p className="break-all text-center text-sm">{desa.whatsappGroupUrl}</p>
              <div className="flex flex-wrap justify-center gap-2">
                <a href={desa.whatsappGroupUrl} target="_blank" rel="noopener noreferrer" className={buttonClass("secondary", "no-underline")}>
                  {t("villages.openGroup")}
                </a>
                <Link href={`/portal/desa/${desa.id}/poster`} className={buttonClass("secondary", "no-underline")}>
                  {t("villages.poster")}
                </Link>
              </div>
            </div>
          ) : (
            <p className="text-slate-600">{t("villages.noWhatsappGroup")}</p>
          )}
        </Card>

        <Card title={t("villages.timeline")}>
          {canUpdate && (
            <div className="mb-4">
              <Disclosure summary={t("villages.changeStage")}>
                <StageForm
                  id={desa.id}
                  today={today}
                  current={desa.stage}
                  sessions={desa.events
                    .filter(({ event }) => event.officeId === desa.officeId)
                    .map(({ event }) => ({ id: event.id, label: `${formatDate(event.startsAt, locale)}: ${event.title}` }))}
                />
              </Disclosure>
            </div>
          )}
          {desa.stageHistory.length === 0 ? (
            <p className="text-slate-600">{t("villages.noTimeline")}</p>
          ) : (
            <ol className="space-y-3 border-l-2 border-brand-100 pl-4" data-testid="timeline">
              {desa.stageHistory.map((s) => (
                <li key={s.id}>
                  <p className="font-medium">
                    <time dateTime={day(s.effectiveOn)}>{formatDate(s.effectiveOn, locale)}</time>:{" "}
                    {s.fromStage
                      ? t("villages.timelineEntry", { from: t(`stages.${s.fromStage}`), to: t(`stages.${s.toStage}`) })
                      : t("villages.timelineFirst", { to: t(`stages.${s.toStage}`) })}
                  </p>
                  {s.decreeNumber && <p className="text-sm">{t("villages.decreeNumber")}: {s.decreeNumber}</p>}
                  {s.event && (
                    <p className="text-sm">
                      <Link href={`/portal/kegiatan/${s.event.id}`}>{t("villages.session", { title: s.event.title })}</Link>
                    </p>
                  )}
                  {s.note && <p className="whitespace-pre-line text-sm text-slate-700">{s.note}</p>}
                  {s.changedByName && <p className="text-xs text-slate-600">{t("villages.by", { name: s.changedByName })}</p>}
                </li>
              ))}
            </ol>
          )}
        </Card>

        <Card title={t("contacts.title")}>
          {active.length === 0 ? (
            <p className="text-slate-600">{t("contacts.noActive")}</p>
          ) : (
            <ul className="space-y-4" data-testid="active-contacts">
              {active.map((c) => (
                <li key={c.id} className="space-y-2 border-b border-slate-100 pb-3 last:border-0">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <p className="font-medium">{c.name}</p>
                      <p className="text-sm text-slate-700">
                        {t(`contactRole.${c.role}`)}
                        {c.position && ` · ${c.position}`}
                      </p>
                      <p className="text-xs text-slate-600">{t("contacts.periodOpen", { from: formatDate(c.activeFrom, locale) })}</p>
                      {c.phone && <p className="text-sm tabular-nums">{formatIndonesianPhone(c.phone)}</p>}
                      {c.notes && <p className="whitespace-pre-line text-sm text-slate-700">{c.notes}</p>}
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      {c.phone && c.hasWhatsapp && (
                        <a
                          href={whatsappChatLink(c.phone)}
                          target="_blank"
                          rel="noopener noreferrer"
                          className={buttonClass("secondary", "no-underline min-h-9 px-3 py-1 text-xs")}
                          aria-label={t("contacts.chat", { name: c.name })}
                        >
                          {t("contacts.chatShort")}
                        </a>
                      )}
                      {canDeleteContact && <DeleteContactButton contactId={c.id} name={c.name} />}
                    </div>
                  </div>
                  {canEditContact && (
                    <div className="space-y-2">
                      <Disclosure summary={`${t("contacts.edit")}: ${c.name}`}>
                        <EditContactForm
                          contactId={c.id}
                          defaults={{
                            name: c.name,
                            role: c.role,
                            position: c.position ?? "",
                            phone: c.phone ? `+${c.phone}` : "",
                            hasWhatsapp: c.hasWhatsapp,
                            consent: !!c.consentAt,
                            notes: c.notes ?? "",
                          }}
                        />
                      </Disclosure>
                      <Disclosure summary={t("contacts.handoverTitle", { name: c.name })}>
                        <HandoverForm contactId={c.id} role={c.role} today={today} />
                      </Disclosure>
                      <Disclosure summary={t("contacts.endTitle", { name: c.name })}>
                        <EndContactForm contactId={c.id} today={today} />
                      </Disclosure>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          {past.length > 0 && (
            <div className="mt-4">
              <h3 className="mb-2 font-semibold">{t("contacts.history")}</h3>
              <ul className="space-y-2 text-sm" data-testid="past-contacts">
                {past.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-start justify-between gap-2">
                    <span>
                      <span className="font-medium">{c.name}</span> · {t(`contactRole.${c.role}`)} ·{" "}
                      {t("contacts.period", { from: formatDate(c.activeFrom, locale), until: formatDate(c.activeUntil!, locale) })}
                      {c.replacedById && nameOf.get(c.replacedById) && (
                        <span className="text-slate-600"> · {t("contacts.replacedBy", { name: nameOf.get(c.replacedById)! })}</span>
                      )}
                    </span>
                    {canDeleteContact && <DeleteContactButton contactId={c.id} name={c.name} />}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {canAddContact && (
            <div className="mt-4">
              <Disclosure summary={t("contacts.add")}>
                <AddContactForm desaBinaanId={desa.id} today={today} />
              </Disclosure>
            </div>
          )}
        </Card>

        <Card title={t("villages.sessions")}>
          {desa.events.length === 0 ? (
            <p className="text-slate-600">{t("villages.noSessions")}</p>
          ) : (
            <ul className="space-y-3">
              {desa.events.map(({ event }) => (
                <li key={event.id}>
                  <p className="font-medium">
                    <Link href={`/portal/kegiatan/${event.id}`}>{event.title}</Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    {t(`eventType.${event.type}`)} · {formatDateTimeInZone(event.startsAt, event.timeZone, locale)} · {event.venueName}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("villages.materials")}>
          {desa.materials.length === 0 ? (
            <p className="text-slate-600">{t("villages.noMaterials")}</p>
          ) : (
            <ul className="space-y-3">
              {desa.materials.map((m) => (
                <li key={m.id}>
                  <p className="font-medium">
                    <Link href={materialPath(m.language, m.slug)}>{m.title}</Link>
                  </p>
                  {m.summary && <p className="text-sm text-slate-700">{m.summary}</p>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
