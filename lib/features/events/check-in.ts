import "server-only";
import { AppError } from "@/lib/server/errors";
import { publicBaseUrl } from "@/lib/features/accounts/base-url";
import { DEVICE_COOKIE, DEVICE_ID } from "@/lib/features/events/device";
import { clientAddressFrom } from "@/lib/server/client-address";
import { hitRateLimits } from "@/lib/server/rate-limit";
import { checkIn } from "@/lib/features/events/attendance";
import { checkInSchema } from "@/lib/features/events/schemas";
import { attendeeDedupeKey } from "@/lib/features/events/dedupe";
import { quizToken, quizTokenAfterCheckIn } from "@/lib/features/quizzes/token";

type Limit = { max: number; windowSeconds: number };

/**
 * A village hall shares one mobile hotspot or carrier NAT address, so the address alone cannot
 * tell one abuser from 200 people. Each phone gets a device cookie when it opens the page
 * (proxy.ts, DEVICE_COOKIE): per device a few check-ins a minute (a parent checking in family);
 * per address a generous burst for phones that carry the cookie, and the old, tighter limit for
 * requests without one (scripts, not phones that loaded the page); per session a ceiling far above
 * any real hall, against a flood on one code.
 */
export const CHECK_IN_LIMITS = {
  perDevice: { max: 10, windowSeconds: 60 },
  perAddressWithDevice: { max: 600, windowSeconds: 10 * 60 },
  perAddress: { max: 60, windowSeconds: 60 },
  perSession: { max: 1000, windowSeconds: 60 },
} satisfies Record<string, Limit>;

export { DEVICE_COOKIE };

export type LimitReason = "device" | "address" | "session";

export type CheckInReply =
  /** quizToken: the attendee's link to the session's quiz (ADR 0025), when it has one. */
  | { status: "created" | "already"; quizToken?: string }
  | { status: "closed" }
  | { status: "limited"; reason: LimitReason; retryAfterSeconds: number }
  | { status: "invalid"; fieldErrors: Record<string, string> };

/** The whole public check-in: rate limits, validation, the idempotent insert. */
export async function handleCheckIn(
  code: string,
  fields: Record<string, unknown>,
  client: { address: string; device?: string | null },
  limits: typeof CHECK_IN_LIMITS = CHECK_IN_LIMITS,
): Promise<CheckInReply> {
  const normalized = code.toUpperCase();
  if (!/^[0-9A-Z]{4,16}$/.test(normalized)) return { status: "closed" };
  const device = client.device && DEVICE_ID.test(client.device) ? client.device : null;
  const checks: [LimitReason, string, Limit][] = [
    ["session", `checkin:event:${normalized}`, limits.perSession],
    device
      ? ["address", `checkin:ip-device:${client.address}`, limits.perAddressWithDevice]
      : ["address", `checkin:ip:${client.address}`, limits.perAddress],
    ...(device ? [["device", `checkin:device:${device}`, limits.perDevice] as [LimitReason, string, Limit]] : []),
  ];
  // One statement for the three counters (lib/server/rate-limit.ts: hitRateLimits).
  const counted = await hitRateLimits(checks.map(([, key, limit]) => ({ key, windowSeconds: limit.windowSeconds })));
  const hits = checks.map(([, key]) => counted.get(key)!);
  // the narrowest reason first: it is the one the person can do something about
  for (const i of [2, 1, 0]) {
    const check = checks[i];
    if (check && hits[i]!.count > check[2].max) {
      return { status: "limited", reason: check[0], retryAfterSeconds: Math.max(1, Math.ceil((hits[i]!.resetAt.getTime() - Date.now()) / 1000)) };
    }
  }
  const parsed = checkInSchema.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    // catalogue keys only: zod's own English (a wrong type) becomes validation.invalid
    for (const issue of parsed.error.issues) {
      fieldErrors[issue.path.join(".") || "_form"] ??= issue.message.startsWith("validation.") ? issue.message : "validation.invalid";
    }
    return { status: "invalid", fieldErrors };
  }
  try {
    const { status, attendeeId, hasQuiz } = await checkIn(normalized, parsed.data);
    if (!hasQuiz) return { status };
    // a new row's id came back with the insert; a repeated check-in finds the row it repeats
    const token = attendeeId
      ? quizToken(attendeeId)
      : await quizTokenAfterCheckIn(normalized, {
          clientId: parsed.data.clientId,
          dedupeKey: attendeeDedupeKey({ name: parsed.data.name, phone: parsed.data.phone, origin: parsed.data.origin }),
        });
    return token ? { status, quizToken: token } : { status };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { status: "closed" };
    throw error;
  }
}

/** The client's address as stamped on the request (lib/server/client-address.ts), as sign-in does. */
export function clientAddress(h: Headers): string {
  return clientAddressFrom(h);
}

/** The public check-in page of a session, from the site root. */
export const checkInPath = (code: string) => `/hadir/${code}`;

/** The self check-in page of a session, absolute: it leaves the portal on QR codes and printed sheets. */
export async function checkInLink(code: string): Promise<string> {
  return `${publicBaseUrl()}${checkInPath(code)}`;
}

