import { expect, test } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { ACCOUNTS, DEMO_PASSWORD, main, signIn, signInAndLand } from "./support";

test.describe("every role signs in and lands on its own home", () => {
  const homes: [string, string, RegExp][] = [
    ["national admin", ACCOUNTS.national, /^Beranda Nasional$/],
    ["regional overseer", ACCOUNTS.regional, /^Beranda .*Jawa Tengah$/],
    ["office admin", ACCOUNTS.officeAdmin, /^Beranda Kantor Imigrasi Kelas I TPI Surakarta$/],
    ["office officer", ACCOUNTS.officer, /^Beranda Kantor Imigrasi Kelas I TPI Surakarta$/],
    ["village account", ACCOUNTS.village, /^Desa Cemeng$/],
  ];
  for (const [label, email, heading] of homes) {
    test(label, async ({ page }) => {
      await signInAndLand(page, email);
      await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(heading);
    });
  }
});

test("a wrong password and an unknown account get the same message", async ({ page }) => {
  await signIn(page, ACCOUNTS.officer, "bukan-kata-sandinya");
  const alert = main(page).getByRole("alert");
  await expect(alert).toHaveText("Email atau kata sandi salah.");
  await signIn(page, "tidak.terdaftar@demo.imigrasi.go.id", "bukan-kata-sandinya");
  await expect(main(page).getByRole("alert")).toHaveText("Email atau kata sandi salah.");
  await expect(page).toHaveURL(/\/masuk/);
});

test("the portal sends a visitor without a session to sign-in, then back", async ({ page }) => {
  await page.goto("/portal/pengguna");
  await expect(page).toHaveURL(/\/masuk\?callbackUrl=%2Fportal%2Fpengguna/);
  await page.getByLabel("Email").fill(ACCOUNTS.officeAdmin);
  await page.getByLabel("Kata sandi").fill("demo12345");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/pengguna$/);
});

test("signing out ends the session", async ({ page }) => {
  // An account of its own: signing out ends every session of the account, and the shared demo
  // logins are signed in by other specs running at the same time.
  const email = `keluar.${Date.now()}@contoh.imigrasi.go.id`;
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  await db.query(
    `INSERT INTO app_user (id, email, name, role, office_id, password_hash, updated_at)
     SELECT gen_random_uuid(), $1, 'Petugas Keluar', 'OFFICE_OFFICER', office_id, $2, now() FROM app_user WHERE email = $3`,
    [email, await hashPassword(DEMO_PASSWORD), ACCOUNTS.officer],
  );
  await db.end();
  await signInAndLand(page, email);
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await page.goto("/portal");
  await expect(page).toHaveURL(/\/masuk/);
});

test("English is one click away and stays chosen", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByRole("button", { name: "English" }).click();
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText("Sign in to the portal");
  await page.reload();
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText("Sign in to the portal");
});
