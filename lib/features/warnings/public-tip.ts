import "server-only";
import { createTranslator } from "next-intl";
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WarningStatus, WarningStepKind } from "@/lib/generated/prisma/enums";
import { formatDate, formatDateTimeInZone } from "@/lib/dates";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/config";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { checkSolution, spendSolution, TIP_POW, unspendSolution, type PowPolicy, type PowRefusal } from "@/lib/server/proof-of-work";
import { releaseAttempt, reserveAttempt, type AttemptPolicy } from "@/lib/server/rate-limit";
import { escapeLike } from "@/lib/features/villages/search";
import { villageCodeFrom } from "@/lib/features/villages/schemas";
import { normalizeTrackingCode } from "@/lib/features/warnings/codes";
import { fileTip } from "@/lib/features/warnings/filing";
import type { publicTipSchema, tipAnswerSchema, trackSchema } from "@/lib/features/warnings/schemas";
import { recordAnswer, REPORT_SELECT } from "@/lib/features/warnings/triage";

/**
 * The public tip line (/lapor) and its tracking page (/lapor/lacak): flood limits per client
 * address, the proof-of-work challenge, filing, and what the tipster may see again
 * (docs/decisions/0023). Nothing the tipster wrote about people, nor their contact, nor anything
 * the office wrote for itself, is ever read here for display.
 */

const perWindow = (windowSeconds: number, max: number): AttemptPolicy => ({ windowSeconds, max, free: max, baseDelaySeconds: 0, maxDelaySeconds: 0 });

/**
 * Per client address. Many phones share one carrier address, and a real tipster sends one or
 * two tips; a flood gets five through in ten minutes and twenty a day, each with its own solved
 * challenge. Tracking lookups and answers share one limit against guessing codes.
 */
export const TIP_LIMITS = {
  recent: perWindow(10 * 60, 5),
  daily: perWindow(24 * 3600, 20),
  track: perWindow(10 * 60, 30),
};

export type TipOptions = { limits?: typeof TIP_LIMITS; pow?: PowPolicy; now?: Date };

const POW_ERRORS: Record<PowRefusal, string> = {
  missing: "tip.errors.challengeMissing",
  invalid: "tip.errors.challengeInvalid",
  expired: "tip.errors.challengeExpired",
  used: "tip.errors.challengeUsed",
};

/**
 * Files a public tip sent with a solved challenge. In this order, so that a refusal costs
 * nothing and writes nothing: the solution is checked (one HMAC), the address's two limits are
 * reserved (one statement each; over either, nothing is counted), the solution is spent (once,
 * for every instance), and the tip is filed in one transaction (lib/features/warnings/filing.ts).
 * A tip refused for its content gives its limits and its solution back, so the corrected form
 * can be sent again.
 */
export async function submitPublicTip(
  input: z.output<typeof publicTipSchema>,
  proof: string | null | undefined,
  client: { address: string },
  options: TipOptions = {},
): Promise<{ ticketCode: string; trackingCode: string }> {
  const limits = options.limits ?? TIP_LIMITS;
  const pow = await checkSolution(proof, options.pow ?? TIP_POW);
  if (!pow.ok) throw new AppError("VALIDATION", undefined, { altcha: POW_ERRORS[pow.reason] });

  const recentKey = `tip:recent:${client.address}`;
  const dailyKey = `tip:daily:${client.address}`;
  const recent = await reserveAttempt(recentKey, limits.recent);
  if (!recent.admitted) throw new AppError("RATE_LIMITED", undefined, { _form: "tip.errors.tooManyRecent" });
  const daily = await reserveAttempt(dailyKey, limits.daily);
  if (!daily.admitted) {
    await releaseAttempt(recentKey);
    throw new AppError("RATE_LIMITED", undefined, { _form: "tip.errors.tooManyToday" });
  }
  const giveBack = () => Promise.all([releaseAttempt(recentKey), releaseAttempt(dailyKey)]);

  if (!(await spendSolution(pow.signature, pow.expiresAt))) {
    await giveBack();
    throw new AppError("VALIDATION", undefined, { altcha: POW_ERRORS.used });
  }
  try {
    return await fileTip(input, options.now);
  } catch (error) {
    // Refused for what it says (an unknown village, a day in the future): nothing was written.
    if (error instanceof AppError && error.code === "VALIDATION") {
      await Promise.all([giveBack(), unspendSolution(pow.signature)]);
    }
    throw error;
  }
}

// ───────────────────────────── Choosing the village ─────────────────────────────

export type PublicVillage = { code: string; name: string; district: string; regency: string; province: string };

/**
 * Up to 20 real villages by name (trigram index) or by Kemendagri code, exact names first:
 * public data, the same for everyone. Nothing about adoption or offices is said.
 */
export async function searchPublicVillages(term: string): Promise<PublicVillage[]> {
  const code = villageCodeFrom(term);
  const match = code ? Prisma.sql`v.code = ${code}` : Prisma.sql`v.name ILIKE ${`%${escapeLike(term)}%`}`;
  return db.$queryRaw<PublicVillage[]>`
    WITH hits AS (
      SELECT v.code, v.name, v.district_code, v.regency_code, v.province_code, lower(v.name) = lower(${term}) AS exact
      FROM village v WHERE ${match}
      ORDER BY exact DESC, v.name, v.code LIMIT 20)
    SELECT h.code, h.name,
           (SELECT d.name FROM district d WHERE d.code = h.district_code) AS district,
           (SELECT r.name FROM regency r WHERE r.code = h.regency_code) AS regency,
           (SELECT p.name FROM province p WHERE p.code = h.province_code) AS province
    FROM hits h ORDER BY h.exact DESC, h.name, h.code`;
}

/** The village a link chose (`/lapor?desa=<code>`), or null. */
export async function findPublicVillage(code: string | undefined): Promise<PublicVillage | null> {
  const normalized = code ? villageCodeFrom(code) : null;
  if (!normalized) return null;
  const [village] = await searchPublicVillages(normalized);
  return village ?? null;
}

// ───────────────────────────── Tracking ─────────────────────────────

/** The steps a tipster sees: filing, status changes, the office's questions and the answers. */
const REPORTER_KINDS: WarningStepKind[] = ["FILED", "STATUS", "QUESTION", "ANSWER"];

export type TipStep = { at: string; kind: "FILED" | "STATUS" | "QUESTION" | "ANSWER"; label: string; body: string | null };
export type TipStatusView = {
  ticketCode: string;
  category: string;
  status: WarningStatus;
  statusLabel: string;
  filedOn: string;
  village: string | null;
  steps: TipStep[];
  /** The office asked a question that waits for an answer. */
  awaitsAnswer: boolean;
};

/**
 * Only what the tracking page shows, plus what recordAnswer reads (REPORT_SELECT: ids, status,
 * version, times, and whether it was verified, to pick the status after an answer, never shown):
 * never the description, the people involved, the contact, internal notes, follow-ups or who acted.
 */
const TRACK_SELECT = {
  ...REPORT_SELECT,
  category: true,
  filedAt: true,
  village: { select: { name: true } },
  province: { select: { timeZone: true } },
  steps: {
    where: { forReporter: true, kind: { in: REPORTER_KINDS } },
    orderBy: { at: "asc" },
    select: { kind: true, status: true, body: true, at: true },
  },
} satisfies Prisma.WarningReportSelect;

async function reserveLookup(address: string, limits: typeof TIP_LIMITS) {
  const reply = await reserveAttempt(`tip:track:${address}`, limits.track);
  if (!reply.admitted) throw new AppError("RATE_LIMITED", undefined, { _form: "tip.errors.tooManyLookups" });
}

async function loadByCode(raw: string) {
  const trackingCode = normalizeTrackingCode(raw);
  const report = trackingCode
    ? await db.warningReport.findUnique({ where: { trackingCode }, select: TRACK_SELECT })
    : null;
  if (!report) throw new AppError("NOT_FOUND", undefined, { trackingCode: "tip.errors.unknownCode" });
  return report;
}

async function present(report: Awaited<ReturnType<typeof loadByCode>>, locale: Locale): Promise<TipStatusView> {
  const t = createTranslator({ locale, messages: await loadMessages(locale) }) as unknown as (key: string) => string;
  const zone = report.province.timeZone;
  return {
    ticketCode: report.ticketCode,
    category: t(`warning.category.${report.category}`),
    status: report.status,
    statusLabel: t(`warning.status.${report.status}`),
    filedOn: formatDate(report.filedAt, locale),
    village: report.village?.name ?? null,
    awaitsAnswer: report.status === "NEEDS_INFO",
    steps: report.steps.map((step) => {
      const kind = step.kind as TipStep["kind"];
      const status = step.status ? t(`warning.status.${step.status}`) : "";
      return {
        at: formatDateTimeInZone(step.at, zone, locale),
        kind,
        label: kind === "QUESTION" ? t("tip.track.stepQuestion") : kind === "ANSWER" ? t("tip.track.stepAnswer") : kind === "FILED" ? t("tip.track.stepFiled") : status,
        // Only the office's question and the tipster's own answer carry text.
        body: kind === "QUESTION" || kind === "ANSWER" ? step.body : null,
      };
    }),
  };
}

/** The tracking page's lookup: a code typed by the tipster, counted against guessing. */
export async function trackTip(input: z.output<typeof trackSchema>, client: { address: string }, locale: Locale, options: TipOptions = {}) {
  await reserveLookup(client.address, options.limits ?? TIP_LIMITS);
  return present(await loadByCode(input.trackingCode), locale);
}

/** The tipster's answer to the office's question (status NEEDS_INFO), by the tracking code. */
export async function answerTip(input: z.output<typeof tipAnswerSchema>, client: { address: string }, locale: Locale, options: TipOptions = {}) {
  await reserveLookup(client.address, options.limits ?? TIP_LIMITS);
  const report = await loadByCode(input.trackingCode);
  // TRACK_SELECT holds REPORT_SELECT: the row is what recordAnswer takes.
  await recordAnswer(report, input.answer, null, options.now);
  return present(await loadByCode(input.trackingCode), locale);
}
