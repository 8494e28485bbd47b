import type { EventStatus, Language, WhatsappTemplateKind } from "@/lib/generated/prisma/enums";
import { dateTimeFormat, zoneAbbreviation } from "@/lib/dates";
import { localDay, parseLocalDateTime } from "@/lib/features/events/local-time";
import { whatsappChatLink } from "@/lib/phone";
import { renderTemplate, type TemplateValues } from "@/lib/features/whatsapp/template";

/**
 * Which messages fit a session now (ADR 0026): an invitation until it starts, a reminder from
 * the start of the local day before it until it starts, a follow-up once it has ended (or was
 * marked held). A cancelled session has none.
 */
export function messageKinds(
  session: { status: EventStatus; startsAt: Date; endsAt: Date; timeZone: string },
  now: Date,
): { kinds: WhatsappTemplateKind[]; reminderFrom: Date } {
  const reminderFrom = dayBefore(session.startsAt, session.timeZone);
  if (session.status === "CANCELLED") return { kinds: [], reminderFrom };
  const kinds: WhatsappTemplateKind[] = [];
  const upcoming = now < session.startsAt && session.status !== "HELD";
  if (upcoming) kinds.push("INVITATION");
  if (upcoming && now >= reminderFrom) kinds.push("REMINDER");
  if (session.status === "HELD" || now >= session.endsAt) kinds.push("FOLLOW_UP");
  return { kinds, reminderFrom };
}

/** Midnight, in the venue's zone, of the day before the session's local day. */
function dayBefore(startsAt: Date, timeZone: string): Date {
  const day = localDay(startsAt, timeZone);
  const previous = new Date(day.getTime() - 86_400_000).toISOString().slice(0, 10);
  return parseLocalDateTime(`${previous}T00:00`, timeZone);
}

const localeOf = (language: Language) => (language === "EN" ? "en" : "id");

/** What a message can say about a session: no attendee, nothing personal. */
export type MessageSession = {
  title: string;
  officeName: string;
  venueName: string;
  venueAddress: string | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  villageNames: string[];
  checkInLink: string;
  /** Links to the material used at the session, or to the public library when none is recorded. */
  materialLinks: string[];
};

/** The placeholder values for one village (a contact's) or for all of them (the group text). */
export function templateValues(session: MessageSession, language: Language, villageNames: string[]): TemplateValues {
  const locale = localeOf(language);
  const { timeZone } = session;
  const date = dateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone });
  const time = dateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  const list = new Intl.ListFormat(language === "EN" ? "en-GB" : "id-ID", { type: "conjunction" });
  return {
    judul: session.title,
    desa: list.format(villageNames),
    tanggal: date.format(session.startsAt),
    jam: `${time.format(session.startsAt)}–${time.format(session.endsAt)}`,
    zona: zoneAbbreviation(timeZone),
    tempat: session.venueAddress ? `${session.venueName}, ${session.venueAddress}` : session.venueName,
    tautan_hadir: session.checkInLink,
    materi: session.materialLinks.join("\n"),
    kantor: session.officeName,
  };
}

export type Recipient = { id: string; name: string; villageName: string; phone: string };

export type ComposedMessage = {
  kind: WhatsappTemplateKind;
  /** The text for a group: every village of the session named. */
  groupText: string;
  /** wa.me without a number: WhatsApp asks whom (or which group) to send it to. */
  groupLink: string;
  recipients: (Recipient & { text: string; link: string })[];
};

/** One message of `kind`: the group text and a wa.me link per liaison with their village filled in. */
export function composeMessage(input: {
  kind: WhatsappTemplateKind;
  body: string;
  language: Language;
  session: MessageSession;
  recipients: Recipient[];
}): ComposedMessage {
  const { kind, body, language, session } = input;
  const groupText = renderTemplate(body, kind, templateValues(session, language, session.villageNames));
  return {
    kind,
    groupText,
    groupLink: whatsappChatLink("", groupText),
    recipients: input.recipients.map((r) => {
      const text = renderTemplate(body, kind, templateValues(session, language, [r.villageName]));
      return { ...r, text, link: whatsappChatLink(r.phone, text) };
    }),
  };
}
