import { beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS, verifySignIn } from "@/lib/features/auth/sign-in";
import { createUser, FACTORY_PASSWORD, uniqueSuffix } from "@/lib/factories";
import { testDb } from "@/tests/support/world";

const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;

describe("verifySignIn", () => {
  let email: string;
  beforeAll(async () => {
    email = (await createUser(testDb, {})).email;
  });

  it("accepts the right password, whatever the email's case and spaces", async () => {
    const result = await verifySignIn({ email: ` ${email.toUpperCase()} `, password: FACTORY_PASSWORD }, address());
    expect(result.ok).toBe(true);
  });

  it("answers a wrong password and an unknown account identically", async () => {
    const wrong = await verifySignIn({ email, password: "salah" }, address());
    const unknown = await verifySignIn({ email: `tidak.ada.${uniqueSuffix()}@uji.test`, password: "salah" }, address());
    expect(wrong).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    expect(unknown).toEqual(wrong);
  });

  it("slows an account down after repeated failures, even for the right password, and says for how long", async () => {
    const target = (await createUser(testDb, {})).email;
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.free; i++) {
      await verifySignIn({ email: target, password: "salah" }, address());
    }
    expect(await verifySignIn({ email: target, password: FACTORY_PASSWORD }, address())).toEqual({
      ok: false,
      code: "SLOW_DOWN",
      retryAfterSeconds: 1,
    });
  });

  it("stops an address after 30 failures, whichever accounts it tries", async () => {
    const from = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max; i++) {
      await verifySignIn({ email: `tebak.${i}.${uniqueSuffix()}@uji.test`, password: "salah" }, from);
    }
    expect(await verifySignIn({ email, password: FACTORY_PASSWORD }, from)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect((await verifySignIn({ email, password: FACTORY_PASSWORD }, address())).ok).toBe(true);
  });

  it("refuses a disabled account", async () => {
    const disabled = await createUser(testDb, { active: false });
    expect(await verifySignIn({ email: disabled.email, password: FACTORY_PASSWORD }, address())).toEqual({
      ok: false,
      code: "DISABLED",
    });
  });
});
