import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { authOptions } from "@/lib/server/auth/options";
import type { SessionUser } from "@/lib/server/scope";

/** The signed-in, still active user, or null. Cached for the duration of one request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
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
