import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { beforeAll, describe, expect, it } from "vitest";
import { scopeFor } from "@/lib/auth/permissions";
import { decryptSecret, totpCode } from "@/lib/auth/totp";
import { verifySignIn } from "@/lib/features/auth/sign-in";
import { changeOwnPassword, setPasswordWithToken } from "@/lib/features/accounts/password";
import { checkSecondFactor, confirmSecondFactor, resetSecondFactor, startSecondFactorEnrolment } from "@/lib/features/accounts/second-factor";
import { createAccount, issuePasswordLink, setAccountActive, updateAccount } from "@/lib/features/users/mutations";
import { createAccountSchema, updateAccountSchema } from "@/lib/features/users/schemas";
import { useMailServer } from "@/lib/server/mail";
import type { SessionUser } from "@/lib/server/scope";
import { createUser, uniqueSuffix } from "@/lib/factories";
import { asSessionUser, createTwoOfficeWorld, outcome, testDb } from "@/tests/support/world";

let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
beforeAll(async () => {
  w = await createTwoOfficeWorld();
});

const STRONG = "satu dua tiga empat lima";
const tokenOf = (url: string) => url.split("/atur-sandi/")[1]!;
const newEmail = () => `akun.${uniqueSuffix()}@uji.imigrasi.test`;
const accountInput = (over: Record<string, unknown> = {}) =>
  createAccountSchema.parse({ name: "Orang Baru", email: newEmail(), role: "OFFICE_OFFICER", ...over });

async function invite(actor: SessionUser = w.adminA, over: Record<string, unknown> = {}) {
  const created = await createAccount(actor, accountInput(over));
  return { id: created.id, token: tokenOf(created.link!.url), link: created.link! };
}

describe("invitation and reset links", () => {
  it("lets the person choose a password once; the link then says it was used, and sessions end", async () => {
    const { id, token } = await invite();
    const before = await testDb.user.findUniqueOrThrow({ where: { id } });
    expect(before.passwordHash).toBeNull();
    await setPasswordWithToken({ token, password: STRONG });
    const after = await testDb.user.findUniqueOrThrow({ where: { id } });
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await outcome(setPasswordWithToken({ token, password: "yang lain sama sekali" }))).toBe("NOT_FOUND");
    const signIn = await verifySignIn({ email: after.email, password: STRONG }, `link-${uniqueSuffix()}`);
    expect(signIn.ok).toBe(true);
  });

  it("spends a link once when two tabs submit it at the same moment", async () => {
    const { token } = await invite();
    const results = await Promise.all([
      outcome(setPasswordWithToken({ token, password: STRONG })),
      outcome(setPasswordWithToken({ token, password: "kalimat lain yang panjang" })),
    ]);
    expect(results.sort()).toEqual(["NOT_FOUND", "OK"]);
  });

  it("refuses an expired, a forged and a replaced link, and a common password without spending the link", async () => {
    const { id, token } = await invite();
    expect(await outcome(setPasswordWithToken({ token, password: "password123" }))).toBe("VALIDATION");
    expect(await outcome(setPasswordWithToken({ token, password: "qwertyuiop" }))).toBe("VALIDATION");
    expect(await outcome(setPasswordWithToken({ token: "x".repeat(43), password: STRONG }))).toBe("NOT_FOUND");
    expect(await outcome(setPasswordWithToken({ token, password: STRONG }, new Date(Date.now() + 73 * 3600_000)))).toBe("NOT_FOUND");
    // a newer link for the same account ends the earlier one
    const fresh = await issuePasswordLink(w.adminA, { userId: id });
    expect(await outcome(setPasswordWithToken({ token, password: STRONG }))).toBe("NOT_FOUND");
    expect(await outcome(setPasswordWithToken({ token: tokenOf(fresh.url), password: STRONG }))).toBe("OK");
  });

  it("makes a password an administrator chose a pending change, and lets the person change their own", async () => {
    const email = newEmail();
    const created = await createAccount(w.adminA, accountInput({ email, password: "dipilihkan admin 2026" }));
    expect(created.link).toBeNull();
    const row = await testDb.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.mustChangePassword).toBe(true);
    const me = asSessionUser(row);
    expect(await outcome(changeOwnPassword(me, { currentPassword: "salah sekali", password: STRONG }))).toBe("VALIDATION");
    await changeOwnPassword(me, { currentPassword: "dipilihkan admin 2026", password: STRONG });
    const after = await testDb.user.findUniqueOrThrow({ where: { id: created.id } });
    expect([after.mustChangePassword, after.sessionVersion]).toEqual([false, row.sessionVersion + 1]);
    expect(await testDb.auditLog.count({ where: { entityId: created.id, action: "account.password_changed" } })).toBe(1);
  });

  it("emails the link through the SMTP server when SMTP_URL is set, with nothing but the link and the name", async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, done) {
        let body = "";
        stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push(body);
          done();
        });
      },
    });
    smtp.listen(0, "127.0.0.1");
    await once(smtp.server, "listening");
    useMailServer(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`);
    try {
      const email = newEmail();
      const { link } = await invite(w.adminA, { email, name: "Siti Penerima" });
      expect(link.emailed).toBe(true);
      expect(received).toHaveLength(1);
      const message = received[0]!.replace(/=\r?\n/g, "");
      expect(message).toContain(`To: ${email}`);
      expect(message).toContain(tokenOf(link.url));
      expect(message).toContain("Siti Penerima");
    } finally {
      useMailServer(undefined);
      smtp.close();
    }
  });
});

describe("two-factor sign-in", () => {
  async function enrolled() {
    const password = STRONG;
    const user = await createUser(testDb, { role: "OFFICE_ADMIN", officeId: w.officeA.id, password });
    const me = asSessionUser(user);
    await startSecondFactorEnrolment(me);
    const secret = decryptSecret((await testDb.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret!);
    // a code of the previous step: the first sign-in below must be able to use the current one
    const { recoveryCodes } = await confirmSecondFactor(me, { code: totpCode(secret, Date.now() - 30_000) });
    return { user, me, secret, password, recoveryCodes };
  }

  it("asks for the code after the right password, accepts it once, and refuses its replay", async () => {
    const { user, secret, password } = await enrolled();
    const address = `totp-${uniqueSuffix()}`;
    expect(await verifySignIn({ email: user.email, password }, address)).toMatchObject({ ok: false, code: "SECOND_FACTOR_REQUIRED" });
    expect(await verifySignIn({ email: user.email, password, otp: "000000" }, address)).toMatchObject({ ok: false, code: "SECOND_FACTOR_WRONG" });
    const code = totpCode(secret);
    expect(await verifySignIn({ email: user.email, password, otp: code }, address)).toMatchObject({ ok: true });
    expect(await verifySignIn({ email: user.email, password, otp: code }, address)).toMatchObject({ ok: false, code: "SECOND_FACTOR_WRONG" });
    // a wrong password never reveals whether a code would be asked
    expect(await verifySignIn({ email: user.email, password: "bukan ini", otp: code }, address)).toMatchObject({ ok: false, code: "INVALID_CREDENTIALS" });
    const audited = await testDb.auditLog.groupBy({ by: ["action"], where: { entityId: user.id, action: { startsWith: "auth." } }, _count: true });
    expect(Object.fromEntries(audited.map((a) => [a.action, a._count]))).toEqual({ "auth.sign_in": 1, "auth.second_factor_failed": 2, "auth.sign_in_failed": 1 });
  });

  it("takes each recovery code once, and an administrator's reset turns the factor off (audited)", async () => {
    const { user, recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await checkSecondFactor(user.id, recoveryCodes[3]!.toUpperCase())).toBe(true);
    expect(await checkSecondFactor(user.id, recoveryCodes[3]!)).toBe(false);
    expect(await outcome(resetSecondFactor(w.adminA, { userId: user.id }))).toBe("NOT_FOUND"); // an admin of an office may not reset a fellow admin
    await resetSecondFactor(w.national, { userId: user.id });
    const after = await testDb.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([after.totpSecret, after.totpEnabledAt]).toEqual([null, null]);
    expect(await testDb.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await testDb.auditLog.count({ where: { entityId: user.id, action: "account.second_factor_reset", actorId: w.national.id } })).toBe(1);
  });

  it("refuses a first code that is wrong, and keeps the secret encrypted at rest", async () => {
    const user = await createUser(testDb, { role: "OFFICE_OFFICER", officeId: w.officeA.id });
    const me = asSessionUser(user);
    const { secret } = await startSecondFactorEnrolment(me);
    expect(await outcome(confirmSecondFactor(me, { code: "123456" }))).toBe("VALIDATION");
    const stored = (await testDb.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret!;
    expect(stored).not.toContain(secret.replace(/ /g, ""));
    expect(decryptSecret(stored)).toBe(secret.replace(/ /g, ""));
  });
});

describe("accounts of every level", () => {
  it("lets only the national admin create overseers and national admins, placed where they belong", async () => {
    const overseer = await createAccount(w.national, accountInput({ role: "REGIONAL_OVERSEER", kanwilId: w.officeA.kanwilId }));
    expect(await testDb.user.findUniqueOrThrow({ where: { id: overseer.id } })).toMatchObject({ role: "REGIONAL_OVERSEER", kanwilId: w.officeA.kanwilId, officeId: null });
    expect(createAccountSchema.safeParse({ name: "x", email: newEmail(), role: "REGIONAL_OVERSEER" }).error?.issues[0]?.message).toBe("validation.kanwilRequired");
    expect(await outcome(createAccount(w.national, accountInput({ role: "REGIONAL_OVERSEER", kanwilId: w.officeA.id })))).toBe("VALIDATION");
    for (const role of ["NATIONAL_ADMIN", "REGIONAL_OVERSEER", "OFFICE_ADMIN"]) {
      expect(await outcome(createAccount(w.adminA, accountInput({ role, kanwilId: w.officeA.kanwilId })))).toBe("FORBIDDEN");
    }
  });

  it("gives the second of two editors a conflict instead of overwriting, and ends sessions on a role change", async () => {
    const { id } = await invite(w.national, { role: "OFFICE_OFFICER", officeId: w.officeA.id });
    const row = await testDb.user.findUniqueOrThrow({ where: { id } });
    const edit = (over: Record<string, unknown>) =>
      updateAccountSchema.parse({ userId: id, version: row.updatedAt.toISOString(), name: row.name, role: "OFFICE_OFFICER", officeId: w.officeA.id, ...over });
    await updateAccount(w.national, edit({ role: "OFFICE_ADMIN" }));
    expect(await outcome(updateAccount(w.national, edit({ name: "Nama Lain" })))).toBe("CONFLICT");
    const after = await testDb.user.findUniqueOrThrow({ where: { id } });
    expect([after.role, after.name, after.sessionVersion]).toEqual(["OFFICE_ADMIN", row.name, row.sessionVersion + 1]);
  });

  it("never lets anyone change their own account through administration", async () => {
    const me = w.national;
    const row = await testDb.user.findUniqueOrThrow({ where: { id: me.id } });
    const self = updateAccountSchema.parse({ userId: me.id, version: row.updatedAt.toISOString(), name: "x", role: "OFFICE_OFFICER", officeId: w.officeA.id });
    expect(await outcome(updateAccount(me, self))).toBe("FORBIDDEN");
    expect(await outcome(setAccountActive(me, { userId: me.id, active: false }))).toBe("FORBIDDEN");
    expect(await outcome(issuePasswordLink(me, { userId: me.id }))).toBe("FORBIDDEN");
  });

  /** The matrix for the new account actions, from the map: who may manage whose account. */
  it("follows the permission map for every role against accounts of their own and another office", async () => {
    const targets = { own: w.officerA, other: w.officerB };
    for (const actor of [w.national, w.regionalA, w.adminA, w.officerA, w.villageUserA]) {
      const scope = scopeFor(actor.role, "manage:user");
      for (const side of ["own", "other"] as const) {
        const want = !scope ? "FORBIDDEN" : scope === "any" || side === "own" ? "OK" : "NOT_FOUND";
        const got = await outcome(issuePasswordLink(actor, { userId: targets[side].id }));
        expect(`${actor.role} ${side}: ${got}`).toBe(`${actor.role} ${side}: ${want}`);
        const reset = await outcome(resetSecondFactor(actor, { userId: targets[side].id }));
        expect(`${actor.role} ${side} reset: ${reset}`).toBe(`${actor.role} ${side} reset: ${want}`);
      }
    }
  });
});
