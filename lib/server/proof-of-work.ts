import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { createChallenge, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import { getAuthSecret } from "@/lib/auth/secret";
import { db } from "@/lib/server/db";

/**
 * A self-hosted proof-of-work challenge (ALTCHA, docs/decisions/0023): the browser derives
 * PBKDF2 keys until it finds the one the server chose, which costs it a second or two of work per
 * form sent and the server one HMAC to check. No third party, nothing in process memory: a
 * challenge is signed with a key derived from AUTH_SECRET (every instance checks it), and a
 * solution counts once, on every instance, through the `spent_challenge` table.
 */
export type PowPolicy = {
  /** What the challenge is for; signed with it, so a challenge of one form does not open another. */
  purpose: string;
  /** PBKDF2 iterations per attempt. */
  cost: number;
  /** The server picks the counter the browser must find from this range: the work is bounded both ways. */
  minCounter: number;
  maxCounter: number;
  /** How long a challenge may be solved and sent (a phone user types slowly). */
  ttlSeconds: number;
};

/** The public tip form: about 500 PBKDF2-SHA-256 derivations of 1,000 iterations on average. */
export const TIP_POW: PowPolicy = { purpose: "tip", cost: 1_000, minCounter: 200, maxCounter: 800, ttlSeconds: 2 * 3600 };

const ALGORITHM = "PBKDF2/SHA-256";

/** Two keys of their own, derived from AUTH_SECRET, so that no other use of the secret signs a challenge. */
function secrets() {
  const derive = (label: string) => createHmac("sha256", getAuthSecret()).update(`altcha:${label}`).digest("hex");
  return { hmacSignatureSecret: derive("challenge"), hmacKeySignatureSecret: derive("key") };
}

/** A challenge for the browser, as JSON (about 400 bytes). */
export async function newChallenge(policy: PowPolicy, now = new Date()): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: policy.cost,
    counter: randomInt(policy.minCounter, policy.maxCounter + 1),
    deriveKey,
    expiresAt: new Date(now.getTime() + policy.ttlSeconds * 1000),
    data: { purpose: policy.purpose },
    ...secrets(),
  });
}

/** What the browser sends back: base64 of { challenge, solution } (ALTCHA's payload). */
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z
      .object({
        algorithm: z.literal(ALGORITHM),
        nonce: z.string().max(200),
        salt: z.string().max(200),
        cost: z.number().int(),
        keyLength: z.number().int(),
        keyPrefix: z.string().max(200),
        keySignature: z.string().max(200).optional(),
        expiresAt: z.number().optional(),
        data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      })
      .loose(),
    signature: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  solution: z.object({ counter: z.number().int().nonnegative(), derivedKey: z.string().max(200), time: z.number().optional() }),
});

export type PowRefusal = "missing" | "invalid" | "expired" | "used";
export type PowReply = { ok: true; signature: string; expiresAt: Date } | { ok: false; reason: PowRefusal };

/**
 * Checks a solution without spending it: well-formed, signed by us, for this purpose, not
 * expired, the key found. Costs one HMAC (the key the server chose is signed in the challenge).
 */
export async function checkSolution(payload: string | undefined | null, policy: PowPolicy): Promise<PowReply> {
  if (!payload) return { ok: false, reason: "missing" };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { challenge, solution } = parsed.data;
  const result = await verifySolution({ challenge: challenge as Challenge, solution, deriveKey, ...secrets() }).catch(() => null);
  if (!result) return { ok: false, reason: "invalid" };
  if (result.expired) return { ok: false, reason: "expired" };
  // The signature covers the parameters, so these can only be ours; checked anyway, as the policy may have grown.
  const { parameters } = challenge;
  if (!result.verified || parameters.data?.purpose !== policy.purpose || parameters.cost < policy.cost || !parameters.expiresAt) {
    return { ok: false, reason: "invalid" };
  }
  return { ok: true, signature: challenge.signature, expiresAt: new Date(parameters.expiresAt * 1000) };
}

/**
 * Marks a checked solution as used, once for all instances: the first caller gets true, every
 * other (a replay, or the same form sent twice at once) false. Expired rows are pruned on the way
 * (a few per call, a margin for clocks), since an expired challenge is refused before this.
 */
export async function spendSolution(signature: string, expiresAt: Date): Promise<boolean> {
  const rows = await db.$queryRaw<{ signature: string }[]>`
    WITH pruned AS (
      DELETE FROM spent_challenge WHERE signature IN (
        SELECT signature FROM spent_challenge WHERE expires_at < now() - interval '10 minutes' LIMIT 20 FOR UPDATE SKIP LOCKED))
    INSERT INTO spent_challenge (signature, expires_at) VALUES (${signature}, ${expiresAt})
    ON CONFLICT (signature) DO NOTHING
    RETURNING signature`;
  return rows.length === 1;
}

/** Gives a spent solution back (the form it came with was refused for its content: it may be sent again). */
export async function unspendSolution(signature: string): Promise<void> {
  await db.spentChallenge.deleteMany({ where: { signature } });
}
