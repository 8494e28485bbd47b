import "server-only";
import type { Language, WhatsappTemplateKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { AppError, assertId } from "@/lib/server/errors";
import { contactWhere, eventWhere, officeWhere, type SessionUser } from "@/lib/server/scope";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import { checkInPath } from "@/lib/features/events/check-in";
import { localDay } from "@/lib/features/events/local-time";
import { publicPath } from "@/lib/features/site/paths";
import { composeMessage, messageKinds, type ComposedMessage } from "@/lib/features/whatsapp/compose";
import { DEFAULT_TEMPLATES, TEMPLATE_KINDS, templateProblems } from "@/lib/features/whatsapp/template";

/** The office's wording of each kind in `language`: its own where it has one, else the built-in. */
async function templateBodies(officeId: string, language: Language) {
  const rows = await db.whatsappTemplate.findMany({ where: { officeId, language }, select: { kind: true, body: true, updatedAt: true } });
  return Object.fromEntries(
    TEMPLATE_KINDS.map((kind) => {
      const own = rows.find((r) => r.kind === kind);
      // A stored text that no longer parses (the placeholder list changed) falls back to the built-in.
      const usable = own && templateProblems(own.body, kind).length === 0 ? own : null;
      return [kind, { body: usable?.body ?? DEFAULT_TEMPLATES[language][kind], custom: !!usable, updatedAt: usable?.updatedAt ?? null }];
    }),
  ) as Record<WhatsappTemplateKind, { body: string; custom: boolean; updatedAt: Date | null }>;
}

/** The edit page: the office's texts in one language; update:template scopes which office. */
export async function getWhatsappTemplates(user: SessionUser, officeId: string, language: Language) {
  const office = await db.office.findFirst({ where: { AND: [{ id: assertId(officeId) }, officeWhere(user, "update:template")] }, select: { id: true, name: true } });
  if (!office) throw new AppError("NOT_FOUND");
  return { office, templates: await templateBodies(office.id, language), defaults: DEFAULT_TEMPLATES[language] };
}

/**
 * The prefilled messages of a session that fit now, in `language`: for those who may change the
 * session (they send them), with the liaisons of its villages who can be reached on WhatsApp:
 * active today, a number, WhatsApp on it, and consent recorded (UU PDP). Nothing about attendees.
 */
export async function getSessionMessages(
  user: SessionUser,
  eventId: string,
  opts: { language: Language; now?: Date; /** The site's address; by default APP_URL or the request's host. */ baseUrl?: string },
) {
  const { language, now = new Date() } = opts;
  const event = await db.event.findFirst({
    where: { AND: [{ id: assertId(eventId) }, eventWhere(user, "update:event")] },
    select: {
      id: true,
      officeId: true,
      status: true,
      title: true,
      venueName: true,
      venueAddress: true,
      timeZone: true,
      startsAt: true,
      endsAt: true,
      checkInCode: true,
      office: { select: { name: true } },
      villages: { select: { desaBinaanId: true, desaBinaan: { select: { village: { select: { name: true } } } } } },
    },
  });
  if (!event) throw new AppError("NOT_FOUND");
  const { kinds, reminderFrom } = messageKinds(event, now);
  if (kinds.length === 0) return { kinds, reminderFrom, messages: [] as ComposedMessage[], withoutWhatsapp: 0 };

  // a contact's term is in calendar days: today as the venue counts it
  const today = localDay(now, event.timeZone);
  const contacts = await db.contact.findMany({
    where: {
      AND: [
        contactWhere(user, "read:contact"),
        { desaBinaanId: { in: event.villages.map((v) => v.desaBinaanId) } },
        { activeFrom: { lte: today }, OR: [{ activeUntil: null }, { activeUntil: { gte: today } }] },
      ],
    },
    orderBy: [{ desaBinaan: { villageName: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, phone: true, hasWhatsapp: true, consentAt: true, desaBinaan: { select: { village: { select: { name: true } } } } },
  });
  const reachable = contacts.filter((c) => c.phone && c.hasWhatsapp && c.consentAt);
  const base = opts.baseUrl ?? publicBaseUrl();
  const session = {
    title: event.title,
    officeName: event.office.name,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    timeZone: event.timeZone,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    villageNames: event.villages.map((v) => v.desaBinaan.village.name).sort((a, b) => a.localeCompare(b, "id")),
    checkInLink: `${base}${checkInPath(event.checkInCode)}`,
    // Sessions do not record which material was used: the follow-up points to the public library.
    materialLinks: [`${base}${publicPath(language === "EN" ? "en" : "id", "/materi")}`],
  };
  const bodies = await templateBodies(event.officeId, language);
  const recipients = reachable.map((c) => ({ id: c.id, name: c.name, villageName: c.desaBinaan.village.name, phone: c.phone! }));
  const messages = kinds.map((kind) => composeMessage({ kind, body: bodies[kind].body, language, session, recipients }));
  return { kinds, reminderFrom, messages, withoutWhatsapp: contacts.length - reachable.length };
}
