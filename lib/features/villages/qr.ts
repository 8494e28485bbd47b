import "server-only";
import QRCode from "qrcode";
import { WHATSAPP_INVITE } from "@/lib/features/villages/schemas";

/**
 * The WhatsApp group link as an SVG QR code, drawn on the server so that the page needs no
 * script and prints sharply. Only a validated invite link is ever encoded.
 */
export async function whatsappQrSvg(url: string): Promise<string | null> {
  if (!WHATSAPP_INVITE.test(url)) return null;
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}
