import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { getAuthSecret } from "@/lib/auth/secret";
import type { SessionUser } from "@/lib/server/scope";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in, still active user, or null. Cached for the duration of one request.
 * The session cookie is decrypted and its expiry checked by next-auth's own getToken, which
 * reads the cookie store of the request; getServerSession would do the same behind an emulated
 * /api/auth/session request and re-encrypt the token, at about twice the cost per page.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // getToken accepts any request with a `cookies` store that has getAll (next/headers has).
  const req = { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  const token = await getToken({ req, secret: getAuthSecret() });
  const userId = token?.sub;
  if (!userId || !UUID.test(userId)) return null;
  // Raw SQL: this runs on every signed-in request, and the ORM's query compilation costs more
  // than the lookup itself. The id is one we issued, checked as a UUID above.
  const [user] = await db.$queryRaw<(SessionUser & { active: boolean })[]>`
    SELECT id::text, name, email, role::text AS role, office_id::text AS "officeId", kanwil_id::text AS "kanwilId",
      desa_binaan_id::text AS "desaBinaanId", active
    FROM app_user WHERE id = ${userId}::uuid`;
  if (!user?.active) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, officeId: user.officeId, kanwilId: user.kanwilId, desaBinaanId: user.desaBinaanId };
});

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/masuk");
  return user;
}
