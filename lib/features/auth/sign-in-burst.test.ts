import { describe, expect, it } from "vitest";
import { verifySignIn } from "@/lib/features/auth/sign-in";
import { createUser, FACTORY_PASSWORD, uniqueSuffix } from "@/lib/factories";
import { testDb } from "@/tests/support/world";

// Issue 14, item 1: the limit was checked before and counted after the password check, so a
// burst of parallel attempts was evaluated in full.
describe("sign-in limit under a burst of parallel attempts", () => {
  it("evaluates at most five wrong passwords of 30 sent at once to one account", async () => {
    const { email } = await createUser(testDb, {});
    const address = `198.51.100.7-${uniqueSuffix()}`;
    const results = await Promise.all(
      Array.from({ length: 30 }, () => verifySignIn({ email, password: "salah-sekali" }, address)),
    );
    const evaluated = results.filter((r) => !r.ok && r.code === "INVALID_CREDENTIALS").length;
    expect(evaluated).toBeLessThanOrEqual(5);
  });

  it("refuses a correct password sent inside a burst of wrong ones once the limit is spent", async () => {
    const { email } = await createUser(testDb, {});
    const address = `198.51.100.8-${uniqueSuffix()}`;
    const wrong = Array.from({ length: 30 }, () => verifySignIn({ email, password: "salah-sekali" }, address));
    await Promise.all(wrong.slice(0, 10));
    const [right] = await Promise.all([verifySignIn({ email, password: FACTORY_PASSWORD }, address), ...wrong.slice(10)]);
    expect(right.ok).toBe(false);
  });
});

// Issue 14, item 3: five wrong passwords from anyone locked the owner out for 15 minutes.
describe("an attacker does not lock the owner out", () => {
  it("lets the owner in with the right password a minute after someone else's failures", async () => {
    const { email } = await createUser(testDb, {});
    for (let i = 0; i < 12; i++) await verifySignIn({ email, password: "tebakan-salah" }, `192.0.2.66-${uniqueSuffix()}`);
    // a minute (the longest per-account delay) passes
    await testDb.$executeRawUnsafe(
      `UPDATE rate_limit SET window_start = window_start - interval '61 seconds', not_before = not_before - interval '61 seconds' WHERE key = $1`,
      `sign-in:account:${email}`,
    );
    expect(await verifySignIn({ email, password: FACTORY_PASSWORD }, `192.0.2.77-${uniqueSuffix()}`)).toMatchObject({ ok: true, userId: expect.any(String) });
  });
});
