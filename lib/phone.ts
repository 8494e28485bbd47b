import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { z } from "zod";

/**
 * An Indonesian phone number as people write it (0812-3456-7890, +62 812 3456 7890,
 * 62812...) normalised to E.164 digits without "+" (6281234567890), or null if it is not a
 * valid Indonesian number. Mobile numbers are what WhatsApp links need; landlines pass too.
 */
export function normalizeIndonesianPhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d(][\d\s().-]*$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, "ID");
  if (!parsed || parsed.country !== "ID" || !parsed.isValid()) return null;
  return parsed.number.slice(1);
}

/** Optional phone field: empty means none; anything else must be a valid Indonesian number. */
export const optionalIndonesianPhoneSchema = z
  .string()
  .trim()
  .max(30, "validation.phone")
  .transform((value, ctx) => {
    if (!value) return null;
    const normalized = normalizeIndonesianPhone(value);
    if (!normalized) {
      ctx.addIssue({ code: "custom", message: "validation.phone" });
      return z.NEVER;
    }
    return normalized;
  });

/**
 * "wa.me" link that opens a chat with the number (digits only, country code first), or, without
 * a number, lets the person pick the chat or group. The text is percent-encoded (a space is %20,
 * not "+", which some WhatsApp versions show as a plus sign).
 */
export function whatsappChatLink(e164Digits: string, text?: string): string {
  if (e164Digits && !/^\d{6,15}$/.test(e164Digits)) throw new Error("whatsappChatLink expects E.164 digits");
  return `https://wa.me/${e164Digits}${text ? `?text=${encodeURIComponent(text)}` : ""}`;
}

/** 6281234567890 -> "+62 812-3456-7890" for display. */
export function formatIndonesianPhone(e164Digits: string): string {
  const parsed = parsePhoneNumberFromString(`+${e164Digits}`);
  return parsed ? parsed.formatInternational() : `+${e164Digits}`;
}
