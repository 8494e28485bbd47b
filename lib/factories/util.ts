import { WIB, WIT, WITA } from "@/lib/dates";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * What every factory takes: the app's client or an interactive-transaction client,
 * so the seed can group related rows atomically.
 */
export type FactoryDb = Prisma.TransactionClient;

// Crockford's base32: no I, L, O, U, so a code read aloud or typed from paper is unambiguous.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += CROCKFORD[b & 31];
  return out;
}

/** Suffix that keeps names unique across parallel test files sharing one database. */
export function uniqueSuffix(): string {
  return randomBase32(6).toLowerCase();
}

/** 8 characters of base32 = 40 bits: collisions are negligible and the column is unique anyway. */
export function randomCheckInCode(): string {
  return randomBase32(8);
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A calendar day as Prisma writes @db.Date columns: midnight UTC of that day. */
export function day(isoDate: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`Expected YYYY-MM-DD, got ${isoDate}`);
  return new Date(`${isoDate}T00:00:00Z`);
}

export function today(): Date {
  return day(new Date().toISOString().slice(0, 10));
}

// Indonesia has kept fixed offsets without daylight saving since 1988, so a table is exact.
const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  [WIB]: "+07:00",
  [WITA]: "+08:00",
  [WIT]: "+09:00",
};

/** The instant of a wall-clock time in one of Indonesia's zones, e.g. ("2023-09-12", "09:00", "Asia/Jakarta"). */
export function localInstant(isoDate: string, time: string, timeZone: string): Date {
  const offset = ZONE_OFFSETS[timeZone];
  if (!offset) throw new Error(`Unsupported time zone ${timeZone}`);
  const instant = new Date(`${isoDate}T${time}:00${offset}`);
  if (Number.isNaN(instant.getTime())) throw new Error(`Invalid local time ${isoDate} ${time}`);
  return instant;
}
