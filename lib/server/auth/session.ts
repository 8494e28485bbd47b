import "server-only";
import { cache } from "react";
import { LRUCache } from "lru-cache";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { queryRows } from "@/lib/server/db";
import { getAuthSecret } from "@/lib/auth/secret";
import type { SessionUser } from "@/lib/server/scope";
import { accountPending } from "@/lib/features/accounts/pending";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CookieStore = { getAll(): { name: string; value: string }[] };

/** next-auth's own allowance for clocks when it checks a token's expiry (next-auth/jwt decode). */
const CLOCK_TOLERANCE_SECONDS = 15;

/**
 * Session tokens already decrypted by this process, by secret and token text. next-auth derives
 * the decryption key with HKDF on every call, which cost a signed-in request about as much as
 * its user lookup. What a token says is a function of the token and the secret alone, so this is
 * not state another instance needs (docs/decisions/0004); only its expiry depends on the time,
 * and it is checked on every use as next-auth checks it.
 */
const decodedTokens = new LRUCache<string, JWT>({ max: 10_000 });

async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const key = `${String(params.secret)}\u0000${params.token}`;
  let payload = decodedTokens.get(key);
  if (!payload) {
    // throws on a forged or malformed token (getToken answers null): nothing is remembered then
    const fresh = await decode(params);
    if (!fresh) return null;
    payload = Object.freeze(fresh);
    decodedTokens.set(key, payload);
  }
  if (typeof payload.exp === "number" && payload.exp + CLOCK_TOLERANCE_SECONDS < Date.now() / 1000) {
    decodedTokens.delete(key);
    return null;
  }
  return payload;
}

/** What a session cookie names: its user and the user's session version at sign-in. */
export type SessionRef = { userId: string; sessionVersion: number };

/**
 * The session a valid cookie names, or null. The cookie is decrypted and its expiry checked
 * by next-auth's own getToken, which reads any cookie store with getAll (next/headers' and
 * NextRequest's have it). Only the id and session version are taken from the token: whoever uses
 * them must still re-read the user row (active, role, office, session_version equal to the
 * token's), as resolveSessionUser does. A token without a version (older than versions) is over.
 */
export async function sessionRef(cookieStore: CookieStore): Promise<SessionRef | null> {
  const req = { cookies: cookieStore, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  const token = await getToken({ req, secret: getAuthSecret(), decode: decodeRemembered });
  const userId = token?.sub;
  const sessionVersion = token?.sv;
  if (!userId || !UUID.test(userId) || !Number.isSafeInteger(sessionVersion) || (sessionVersion as number) < 0) return null;
  return { userId, sessionVersion: sessionVersion as number };
}

/**
 * Ends every session of a user at once: the next request with any of their cookies finds a
 * different version. Called on sign-out, disabling, and password and role changes.
 */
export async function endUserSessions(userId: string): Promise<void> {
  if (!UUID.test(userId)) return;
  await queryRows(`UPDATE app_user SET session_version = session_version + 1 WHERE id = $1::uuid RETURNING id`, [userId]);
}

/** The signed-in, still active user of a cookie store whose session has not ended, or null. */
export async function resolveSessionUser(cookieStore: CookieStore): Promise<SessionUser | null> {
  return (await resolveSignedIn(cookieStore))?.user ?? null;
}

/** A signed-in request's user, and what else every signed-in page reads in the same round trip. */
type SignedIn = {
  user: SessionUser;
  /**
   * The sum of figures_version when the user was read (docs/decisions/0021): part of the key of
   * every cached figures section. It changes with every committed write to the figures.
   */
  figuresVersion: string;
};

async function resolveSignedIn(cookieStore: CookieStore): Promise<SignedIn | null> {
  const ref = await sessionRef(cookieStore);
  if (!ref) return null;
  // Without the ORM: this runs on every signed-in request, and the ORM's work costs more than the
  // lookup itself. The id is one we issued, checked as a UUID by sessionRef, and bound. What the
  // shell or a cached section needs per request joins this statement rather than a round trip
  // of its own (docs/decisions/0021).
  const [user] = await queryRows<SessionUser & { active: boolean; mustChangePassword: boolean; hasSecondFactor: boolean; figuresVersion: string }>(
    `SELECT id::text, name, email, role::text AS role, office_id::text AS "officeId", kanwil_id::text AS "kanwilId",
      desa_binaan_id::text AS "desaBinaanId", active, must_change_password AS "mustChangePassword",
      totp_enabled_at IS NOT NULL AS "hasSecondFactor",
      (SELECT COALESCE(SUM(version), 0)::text FROM figures_version) AS "figuresVersion"
    FROM app_user WHERE id = $1::uuid AND session_version = $2`,
    [ref.userId, ref.sessionVersion],
  );
  if (!user?.active) return null;
  return { user: toSessionUser(user), figuresVersion: user.figuresVersion };
}

function toSessionUser(user: SessionUser & { mustChangePassword: boolean; hasSecondFactor: boolean }): SessionUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    officeId: user.officeId,
    kanwilId: user.kanwilId,
    desaBinaanId: user.desaBinaanId,
    pending: accountPending(user),
  };
}

/**
 * The signed-in, still active user, or null. Cached for the duration of one request.
 * getServerSession would do what sessionRef does behind an emulated /api/auth/session
 * request and re-encrypt the token, at about twice the cost per page.
 */
const getSignedIn = cache(async (): Promise<SignedIn | null> => resolveSignedIn(await cookies()));

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => (await getSignedIn())?.user ?? null);

/**
 * The figures version read with this request's user (docs/decisions/0021): a cached figures
 * section takes it as an argument, so the first request after a committed write misses.
 */
export async function figuresVersion(): Promise<string> {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect("/masuk");
  return signedIn.figuresVersion;
}

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/masuk");
  return user;
}
