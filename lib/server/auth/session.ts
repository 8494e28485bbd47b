import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { getAuthSecret } from "@/lib/auth/secret";
import type { SessionUser } from "@/lib/server/scope";

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
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      officeId: true,
      kanwilId: true,
      desaBinaanId: true,
      active: true,
    },
  });
  if (!user?.active) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, officeId: user.officeId, kanwilId: user.kanwilId, desaBinaanId: user.desaBinaanId };
});

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/masuk");
  return user;
}
