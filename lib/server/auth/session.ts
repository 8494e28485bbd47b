import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { queryRows } from "@/lib/server/db";
import { getAuthSecret } from "@/lib/auth/secret";
import type { SessionUser } from "@/lib/server/scope";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user id of a valid session cookie, or null. The cookie is decrypted and its expiry checked
 * by next-auth's own getToken, which reads any cookie store with getAll (next/headers' and
 * NextRequest's have it). Only the id is taken from the token: whoever uses it must still
 * re-read the user row (active, role, office), as getCurrentUser does.
 */
export async function sessionUserId(cookieStore: { getAll(): { name: string; value: string }[] }): Promise<string | null> {
  const req = { cookies: cookieStore, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  const token = await getToken({ req, secret: getAuthSecret() });
  const userId = token?.sub;
  return userId && UUID.test(userId) ? userId : null;
}

/**
 * The signed-in, still active user, or null. Cached for the duration of one request.
 * getServerSession would do what sessionUserId does behind an emulated /api/auth/session
 * request and re-encrypt the token, at about twice the cost per page.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const userId = await sessionUserId(await cookies());
  if (!userId) return null;
  // Without the ORM: this runs on every signed-in request, and the ORM's work costs more than the
  // lookup itself. The id is one we issued, checked as a UUID by sessionUserId, and bound.
  const [user] = await queryRows<SessionUser & { active: boolean }>(
    `SELECT id::text, name, email, role::text AS role, office_id::text AS "officeId", kanwil_id::text AS "kanwilId",
      desa_binaan_id::text AS "desaBinaanId", active
    FROM app_user WHERE id = $1::uuid`,
    [userId],
  );
  if (!user?.active) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, officeId: user.officeId, kanwilId: user.kanwilId, desaBinaanId: user.desaBinaanId };
});

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/masuk");
  return user;
}
