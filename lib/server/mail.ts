import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/server/env";

/**
 * Email, only when SMTP_URL is set (smtp://user:pass@host:587, smtps://... for TLS). Without it
 * the portal works the same and links are copied or sent by WhatsApp by hand. One transport per
 * process, pooled by nodemailer; nothing is queued in memory: a send either happens now or the
 * caller is told it did not.
 */
let transport: Transporter | null | undefined;
/** A server other than SMTP_URL's (tests start their own); undefined: SMTP_URL. */
let serverOverride: string | null | undefined;
const smtpUrl = () => (serverOverride === undefined ? env.SMTP_URL : serverOverride) ?? null;

function getTransport(): Transporter | null {
  if (transport !== undefined) return transport;
  const url = smtpUrl();
  transport = url ? nodemailer.createTransport(url) : null;
  return transport;
}

export function mailConfigured(): boolean {
  return Boolean(smtpUrl());
}

export type Mail = { to: string; subject: string; text: string };

/** Sends one message; false when email is not configured or the server refused it (logged without content). */
export async function sendMail(mail: Mail): Promise<boolean> {
  const smtp = getTransport();
  if (!smtp) return false;
  try {
    await smtp.sendMail({ from: env.SMTP_FROM ?? "Portal Desa Binaan Imigrasi <no-reply@localhost>", ...mail });
    return true;
  } catch (error) {
    // Never the message or the address: the log is not a place for personal data or links.
    console.error(`mail: sending failed (${(error as Error).message})`);
    return false;
  }
}

/** Tests send through an SMTP server of their own (`undefined` goes back to SMTP_URL). */
export function useMailServer(url: string | null | undefined): void {
  transport?.close();
  transport = undefined;
  serverOverride = url;
}
