import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { getAuthSecret } from "@/lib/auth/secret";
import { authOptions } from "@/lib/server/auth/options";
import { resolveSessionUser } from "@/lib/server/auth/session";
import { createUser } from "@/lib/factories";
import { testDb } from "@/tests/support/world";

// Issue 14, item 10: after sign-out the old cookie still opened /portal for up to 8 hours.
async function cookieFor(token: Record<string, unknown>) {
  const value = await encode({ token, secret: getAuthSecret() });
  return { getAll: () => [{ name: "next-auth.session-token", value }] };
}

async function tokenAtSignIn(userId: string): Promise<Record<string, unknown>> {
  const jwt = authOptions.callbacks!.jwt!;
  return (await jwt({ token: { sub: userId }, user: { id: userId, sessionVersion: 0 } as never, account: null, trigger: "signIn" })) as Record<string, unknown>;
}

describe("the session ends when it should", () => {
  it("no longer accepts the old cookie once its user has signed out", async () => {
    const user = await createUser(testDb, {});
    const token = await tokenAtSignIn(user.id);
    const cookie = await cookieFor(token);
    expect((await resolveSessionUser(cookie))?.id).toBe(user.id);
    await authOptions.events!.signOut!({ token: token as never, session: null as never });
    expect(await resolveSessionUser(cookie)).toBeNull();
  });

  it("ends every session of a user whose account is disabled and enabled again", async () => {
    const user = await createUser(testDb, {});
    const cookie = await cookieFor(await tokenAtSignIn(user.id));
    await testDb.user.update({ where: { id: user.id }, data: { active: false } });
    await testDb.user.update({ where: { id: user.id }, data: { active: true } });
    const { endUserSessions } = await import("@/lib/server/auth/session");
    await endUserSessions(user.id);
    expect(await resolveSessionUser(cookie)).toBeNull();
  });

  it("refuses a cookie minted before session versions existed", async () => {
    const user = await createUser(testDb, {});
    expect(await resolveSessionUser(await cookieFor({ sub: user.id }))).toBeNull();
  });
});

describe("decrypted session tokens remembered per process (docs/decisions/0021)", () => {
  it("still refuses a token once it has expired, though it was accepted before", async () => {
    const user = await createUser(testDb, {});
    const value = await encode({ token: await tokenAtSignIn(user.id), secret: getAuthSecret(), maxAge: 60 });
    const cookie = { getAll: () => [{ name: "next-auth.session-token", value }] };
    expect((await resolveSessionUser(cookie))?.id).toBe(user.id);
    vi.useFakeTimers({ now: Date.now() + 120_000, toFake: ["Date"] });
    try {
      expect(await resolveSessionUser(cookie)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a token signed with another secret, though the same text was accepted with ours", async () => {
    const user = await createUser(testDb, {});
    const value = await encode({ token: await tokenAtSignIn(user.id), secret: getAuthSecret() });
    const { sessionRef } = await import("@/lib/server/auth/session");
    expect(await sessionRef({ getAll: () => [{ name: "next-auth.session-token", value }] })).not.toBeNull();
    const forged = await encode({ token: await tokenAtSignIn(user.id), secret: "another-secret-another-secret-0123456789" });
    expect(await sessionRef({ getAll: () => [{ name: "next-auth.session-token", value: forged }] })).toBeNull();
  });
});
