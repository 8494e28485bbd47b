import { createTranslator } from "next-intl";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import { subjectPath } from "@/lib/features/notifications/subjects";
import enNotifications from "@/lib/i18n/messages/en/notifications.json";
import idNotifications from "@/lib/i18n/messages/id/notifications.json";

/**
 * The words of a notification outside the inbox: its email and its WhatsApp text. Built from the
 * kind, the reference and the link alone, whatever else the caller knows, so that no name, phone
 * number or report content can reach an inbox or a phone (UU PDP). The portal keeps no language
 * per account (the choice is a cookie), so an email says it in Indonesian first, then English.
 */
type Source = { kind: NotificationKind; subjectType: string; subjectId: string; reference: string };

const translators = {
  id: createTranslator({ locale: "id", messages: idNotifications, namespace: "notifications" }),
  en: createTranslator({ locale: "en", messages: enNotifications, namespace: "notifications" }),
};

/** The absolute link to the subject (its page checks who may see it), or to the inbox. */
export function notificationUrl(source: Pick<Source, "subjectType" | "subjectId">, baseUrl = publicBaseUrl()): string {
  return `${baseUrl}${subjectPath(source.subjectType, source.subjectId) ?? "/portal/notifikasi"}`;
}

export function notificationTitle(source: Pick<Source, "kind" | "reference">, locale: "id" | "en" = "id"): string {
  return translators[locale](`kind.${source.kind}`, { reference: source.reference });
}

export function notificationEmail(source: Source, baseUrl = publicBaseUrl()): { subject: string; text: string } {
  const url = notificationUrl(source, baseUrl);
  const [id, en] = (["id", "en"] as const).map((locale) => {
    const title = notificationTitle(source, locale);
    return { subject: translators[locale]("message.subject", { title }), text: translators[locale]("message.text", { title, url }) };
  });
  return { subject: id!.subject, text: `${id!.text}\n\n---\n\n${en!.text}` };
}

/**
 * A wa.me link with the text filled in, for staff to notify a reporter by phone from their own
 * WhatsApp: the number is the one dialled, never part of the text.
 */
export function whatsappLink(source: Source, phone: string | null | undefined, baseUrl = publicBaseUrl()): string {
  const text = translators.id("message.whatsapp", { title: notificationTitle(source, "id"), url: notificationUrl(source, baseUrl) });
  return `https://wa.me/${phone?.replace(/\D/g, "") ?? ""}?text=${encodeURIComponent(text)}`;
}
