import "server-only";
import { headers } from "next/headers";
import { AppError } from "@/lib/server/errors";
import { env } from "@/lib/server/env";
import { DEVICE_COOKIE, DEVICE_ID } from "@/lib/features/events/device";
import { clientAddressFrom } from "@/lib/server/client-address";
import { hitRateLimit } from "@/lib/server/rate-limit";
import { checkIn } from "@/lib/features/events/attendance";
import { checkInSchema } from "@/lib/features/events/schemas";

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
  | { status: "created" | "already" }
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
  const hits = await Promise.all(checks.map(([, key, limit]) => hitRateLimit(key, limit.windowSeconds)));
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
    return await checkIn(normalized, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { status: "closed" };
    throw error;
  }
}

/** The client's address as stamped on the request (lib/server/client-address.ts), as sign-in does. */
export function clientAddress(h: Headers): string {
  return clientAddressFrom(h);
}

/** Absolute base URL for links that leave the portal (QR codes, printed sheets). */
export async function publicBaseUrl(): Promise<string> {
  if (env.APP_URL) return env.APP_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export async function checkInLink(code: string): Promise<string> {
  return `${await publicBaseUrl()}/hadir/${code}`;
}

