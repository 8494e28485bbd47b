import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { getAuthSecret } from "@/lib/auth/secret";

/**
 * Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app reads
 * them) through the `otpauth` library. The shared secret is stored encrypted (AES-256-GCM with
 * a key derived from AUTH_SECRET), so a copy of the database alone does not give the codes.
 */
const ISSUER = "Desa Binaan Imigrasi";
const PERIOD = 30;

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", getAuthSecret(), "", "totp-secret-v1", 32));
}

export function encryptSecret(base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("unknown TOTP secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

const totp = (base32: string, label = "") => new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });

/** A new secret and the otpauth:// URI an authenticator app reads from the QR code. */
export function newTotpSecret(label: string): { base32: string; uri: string } {
  const secret = new Secret({ size: 20 });
  return { base32: secret.base32, uri: totp(secret.base32, label).toString() };
}

/**
 * The time step a code belongs to, if it is valid now (one step of clock drift either way), else
 * null. The caller refuses a step not later than the last one accepted: a code works once.
 */
export function totpStep(base32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(base32).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** The current code (tests and the demo). */
export function totpCode(base32: string, now = Date.now()): string {
  return totp(base32).generate({ timestamp: now });
}

/** Ten single-use recovery codes, as shown once (xxxxx-xxxxx) and as stored (hashed). */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const raw = new Secret({ size: 7 }).base32.slice(0, 10).toLowerCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** Codes carry 50 bits of randomness: a plain hash is enough (no dictionary to try). */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.trim().toLowerCase().replace(/[^a-z2-7]/g, "")).digest("hex");
}
