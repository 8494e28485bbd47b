import { randomInt } from "node:crypto";

/**
 * Codes of early-warning reports. The alphabet leaves out 0/O, 1/I/L and U so that a code read
 * over the phone or copied from a screen is not mistyped (Crockford's base 32).
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

function randomChars(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** "DD-7K3Q-X9MA": readable, not sequential (it says nothing of how many reports there are), not secret. */
export function newTicketCode(): string {
  return `DD-${randomChars(4)}-${randomChars(4)}`;
}

/**
 * The public tipster's key to the tracking page: 16 characters (about 78 bits), so that nobody
 * finds another person's tip by trying codes; shown once, grouped in fours.
 */
export function newTrackingCode(): string {
  return [randomChars(4), randomChars(4), randomChars(4), randomChars(4)].join("-");
}

/** A code as a person types it: case, spaces and dashes do not matter. Null if it cannot be one. */
export function normalizeTrackingCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]+/g, "");
  if (compact.length !== 16 || ![...compact].every((c) => ALPHABET.includes(c))) return null;
  return compact.match(/.{4}/g)!.join("-");
}
