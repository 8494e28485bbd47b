import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { queryRows } from "@/lib/server/db";
import { getAuthSecret } from "@/lib/auth/secret";
import type { SessionUser } from "@/lib/server/scope";
import { accountPending } from "@/lib/features/accounts/pending";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CookieStore = { getAll(): { name: string; value: string }[] };

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
  const token = await getToken({ req, secret: getAuthSecret() });
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
  const ref = await sessionRef(cookieStore);
  if (!ref) return null;
  // Without the ORM: this runs on every signed-in request, and the ORM's work costs more than the
  // lookup itself. The id is one we issued, checked as a UUID by sessionRef, and bound.
  const [user] = await queryRows<SessionUser & { active: boolean; mustChangePassword: boolean; hasSecondFactor: boolean }>(
    `SELECT id::text, name, email, role::text AS role, office_id::text AS "officeId", kanwil_id::text AS "kanwilId",
      desa_binaan_id::text AS "desaBinaanId", active, must_change_password AS "mustChangePassword",
      totp_enabled_at IS NOT NULL AS "hasSecondFactor"
    FROM app_user WHERE id = $1::uuid AND session_version = $2`,
    [ref.userId, ref.sessionVersion],
  );
  if (!user?.active) return null;
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
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => resolveSessionUser(await cookies()));

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/masuk");
  return user;
}
