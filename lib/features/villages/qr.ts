import "server-only";
import { qrSvg } from "@/lib/qr";
import { WHATSAPP_INVITE } from "@/lib/features/villages/schemas";

/**
 * The WhatsApp group link as an SVG QR code, drawn on the server so that the page needs no
 * script and prints sharply. Only a validated invite link is ever encoded.
 */
export async function whatsappQrSvg(url: string): Promise<string | null> {
  if (!WHATSAPP_INVITE.test(url)) return null;
  return qrSvg(url);
}
