import "server-only";
import { headers } from "next/headers";
import { AppError } from "@/lib/server/errors";
import { env } from "@/lib/server/env";
import { clientAddressFrom } from "@/lib/server/client-address";
import { hitRateLimit } from "@/lib/server/rate-limit";
import { checkIn } from "@/lib/features/events/attendance";
import { checkInSchema } from "@/lib/features/events/schemas";

/**
 * Per address: generous, because a whole village hall may share one mobile hotspot or carrier
 * NAT address. Per session: a ceiling far above any real hall, against a flood on one code.
 */
export const CHECK_IN_LIMITS = {
  perAddress: { max: 60, windowSeconds: 60 },
  perSession: { max: 1000, windowSeconds: 60 },
} as const;

export type CheckInReply =
  | { status: "created" | "already" }
  | { status: "closed" | "limited" }
  | { status: "invalid"; fieldErrors: Record<string, string> };

/** The whole public check-in: rate limits, validation, the idempotent insert. */
export async function handleCheckIn(
  code: string,
  fields: Record<string, unknown>,
  address: string,
  limits: { perAddress: { max: number; windowSeconds: number }; perSession: { max: number; windowSeconds: number } } = CHECK_IN_LIMITS,
): Promise<CheckInReply> {
  const normalized = code.toUpperCase();
  if (!/^[0-9A-Z]{4,16}$/.test(normalized)) return { status: "closed" };
  const [byAddress, bySession] = await Promise.all([
    hitRateLimit(`checkin:ip:${address}`, limits.perAddress.windowSeconds),
    hitRateLimit(`checkin:event:${normalized}`, limits.perSession.windowSeconds),
  ]);
  if (byAddress.count > limits.perAddress.max || bySession.count > limits.perSession.max) {
    return { status: "limited" };
  }
  const parsed = checkInSchema.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_form"] ??= issue.message;
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

