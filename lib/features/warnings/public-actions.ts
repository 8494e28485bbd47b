"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { definePublicAction, type ActionResult } from "@/lib/server/action";
import { clientAddressFrom } from "@/lib/server/client-address";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { publicTipSchema, tipAnswerSchema, trackSchema } from "@/lib/features/warnings/schemas";
import { answerTip, submitPublicTip, trackTip, type TipStatusView } from "@/lib/features/warnings/public-tip";

/**
 * The public tip line's actions (/lapor, /lapor/lacak): anyone may call them; the flood limits,
 * the proof of work and the tracking code are the checks (lib/features/warnings/public-tip.ts).
 * The page's language comes with the form (public pages take it from the URL, not a cookie).
 */
const language = { locale: z.string().max(5).optional() };
const localeOf = (input: { locale?: unknown }) => (typeof input.locale === "string" ? input.locale : undefined);
const pageLocale = (raw: string | undefined): Locale => (isLocale(raw) ? raw : "id");
const client = async () => ({ address: clientAddressFrom(await headers()) });

export const submitTipAction = definePublicAction({
  schema: publicTipSchema.extend({ ...language, altcha: z.string().max(4000).optional() }),
  localeOf,
  handler: async ({ altcha, ...tip }) => submitPublicTip(tip, altcha, await client()),
});

export const trackTipAction = definePublicAction({
  schema: trackSchema.extend(language),
  localeOf,
  handler: async (input) => trackTip(input, await client(), pageLocale(input.locale)),
});

export const answerTipAction = definePublicAction({
  schema: tipAnswerSchema.extend(language),
  localeOf,
  handler: async (input) => answerTip(input, await client(), pageLocale(input.locale)),
});

export type TrackState = (ActionResult<TipStatusView> & { code?: string }) | null;

/**
 * The tracking form through React's form state, so that it also works without JavaScript: the
 * code is posted (never in the URL, history or logs), looked up or answered, and comes back in
 * the state only to fill the answer form's hidden field.
 */
export async function trackFormAction(_previous: TrackState, form: FormData): Promise<TrackState> {
  const values = Object.fromEntries([...form.entries()].filter(([key]) => !key.startsWith("$ACTION")).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  // Whatever was posted: the wrapper's schema parses it.
  const input = values as { trackingCode: string; answer: string; locale?: string };
  const result = "answer" in values ? await answerTipAction(input) : await trackTipAction(input);
  return { ...result, code: result.ok ? values.trackingCode : undefined };
}
