import "server-only";
import { createTranslator } from "next-intl";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import idAccounts from "@/lib/i18n/messages/id/accounts.json";
import enAccounts from "@/lib/i18n/messages/en/accounts.json";
import { sendMail } from "@/lib/server/mail";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import { setPasswordPath, TOKEN_TTL_HOURS } from "@/lib/features/accounts/tokens";


export type DeliveredLink = { url: string; expiresAt: string; whatsappUrl: string; emailed: boolean };

/**
 * A set-password link, ready for whoever hands it over: the URL to copy, a WhatsApp deep link
 * with the message filled in (wa.me, to the person's number when we have one), and the same
 * message by email when SMTP is configured. The message is in Indonesian and English, since
 * we do not know which the person reads; it names no one but the recipient.
 */
export async function deliverPasswordLink(input: {
  token: string;
  purpose: AccountTokenPurpose;
  expiresAt: Date;
  user: { name: string; email: string; phone?: string | null };
}): Promise<DeliveredLink> {
  const url = `${publicBaseUrl()}${setPasswordPath(input.token)}`;
  const values = { name: input.user.name, url, hours: TOKEN_TTL_HOURS };
  const kind = input.purpose === "INVITE" ? "invite" : "reset";
  const id = createTranslator({ locale: "id", messages: idAccounts, namespace: "accounts.message" });
  const en = createTranslator({ locale: "en", messages: enAccounts, namespace: "accounts.message" });
  const text = `${id(`${kind}.text`, values)}\n\n---\n\n${en(`${kind}.text`, values)}`;
  const phone = input.user.phone?.replace(/\D/g, "");
  const whatsappUrl = `https://wa.me/${phone ?? ""}?text=${encodeURIComponent(id(`${kind}.text`, values))}`;
  const emailed = await sendMail({ to: input.user.email, subject: `${id(`${kind}.subject`)} / ${en(`${kind}.subject`)}`, text });
  return { url, expiresAt: input.expiresAt.toISOString(), whatsappUrl, emailed };
}
