import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import pg from "pg";
import { main, signIn } from "./support";

/**
 * The first day in production (issue 15): from `npm run admin:create` to an office admin who
 * registers a village, through one-time links and a second factor, in the browser.
 */
const run = promisify(execFile);
const db = new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 2 });
test.afterAll(() => db.end());
const STRONG = "kalimat sandi yang cukup panjang";

async function adminCreate(email: string, baseURL: string): Promise<string> {
  const { stdout } = await run("npm", ["run", "-s", "admin:create", "--", "--email", email, "--name", "Admin Pertama Uji"], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, APP_URL: baseURL },
  });
  const link = /(https?:\/\/\S+\/atur-sandi\/[A-Za-z0-9_-]{43})/.exec(stdout)?.[1];
  expect(link, stdout).toBeTruthy();
  return link!;
}

async function setPassword(page: Page, link: string) {
  await page.goto(link);
  await main(page).getByLabel("Kata sandi baru").fill("password123");
  await main(page).getByLabel("Ulangi kata sandi").fill("password123");
  await main(page).getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(main(page).getByText("Kata sandi ini terlalu umum")).toBeVisible();
  await main(page).getByLabel("Kata sandi baru").fill(STRONG);
  await main(page).getByLabel("Ulangi kata sandi").fill(STRONG);
  await main(page).getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(main(page).getByText("Kata sandi tersimpan.")).toBeVisible();
}

/** Enrols a second factor on /akun and returns the recovery codes. */
async function enrol(page: Page): Promise<string[]> {
  await page.goto("/akun");
  await main(page).getByRole("button", { name: "Atur verifikasi dua langkah" }).click();
  const secret = (await main(page).getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
  await main(page).getByLabel("Kode 6 angka dari aplikasi").fill("000000");
  await main(page).getByRole("button", { name: "Aktifkan" }).click();
  await expect(main(page).getByText("Kode salah atau sudah kedaluwarsa.")).toBeVisible();
  await main(page).getByLabel("Kode 6 angka dari aplikasi").fill(code);
  await main(page).getByRole("button", { name: "Aktifkan" }).click();
  const list = main(page).getByTestId("recovery-codes").locator("li");
  await expect(list).toHaveCount(10);
  return list.allTextContents();
}

test("from admin:create to a new office whose invited admin registers a village, with one-time links and a second factor", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const national = `ditjen.${stamp}@contoh.imigrasi.go.id`;
  const officeAdmin = `admin.${stamp}@contoh.imigrasi.go.id`;
  const officeName = `Kantor Imigrasi Kelas II Non TPI Baru ${stamp}`;

  // 1. The first national admin, from the command line, sets a password through the link.
  const link = await adminCreate(national, baseURL!);
  await setPassword(page, link);
  await page.goto(link);
  await expect(main(page).getByRole("alert")).toContainText("Tautan ini sudah dipakai.");

  // 2. Signs in, enrols a second factor, and from then on signs in with it (here a recovery code).
  await signIn(page, national, STRONG);
  await expect(page).toHaveURL(/\/portal$/, { timeout: 20_000 });
  const codes = await enrol(page);
  await page.context().clearCookies();
  await signIn(page, national, STRONG);
  await expect(main(page).getByRole("alert")).toContainText("verifikasi dua langkah", { timeout: 20_000 });
  await main(page).getByLabel("Kode verifikasi").fill(codes[0]!);
  await main(page).getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/portal$/, { timeout: 20_000 });

  // 3. A new office of the Kanwil of Jawa Tengah, with a regency nobody holds as its work area.
  const { rows: [area] } = await db.query<{ code: string; village: string; villageCode: string; kanwilId: string }>(
    `SELECT r.code, v.name AS village, v.code AS "villageCode", k.id AS "kanwilId"
       FROM regency r JOIN village v ON v.regency_code = r.code JOIN kanwil k ON k.province_code = r.province_code
      WHERE r.province_code = '33' AND NOT EXISTS (SELECT 1 FROM office_regency o WHERE o.regency_code = r.code)
        AND NOT EXISTS (SELECT 1 FROM desa_binaan d WHERE d.village_code = v.code)
      ORDER BY r.code, v.code LIMIT 1`,
  );
  expect(area, "a free regency in Jawa Tengah").toBeTruthy();
  await page.goto("/portal/kantor/baru");
  await main(page).getByLabel("Nama kantor").fill(officeName);
  await main(page).getByLabel("Kelas", { exact: true }).selectOption("KELAS_II_NON_TPI");
  await main(page).getByLabel("Kantor Wilayah").selectOption(area!.kanwilId);
  await main(page).getByLabel("Provinsi", { exact: true }).selectOption("33");
  await main(page).getByRole("checkbox", { name: new RegExp(area!.code.replace(".", "\\.")) }).check();
  await main(page).getByRole("button", { name: "Simpan" }).click();
  await expect(page).toHaveURL(/\/portal\/kantor\/[0-9a-f-]{36}$/);

  // 4. Invites that office's admin.
  await page.goto("/portal/pengguna");
  const form = main(page);
  await form.getByLabel("Nama lengkap").fill("Admin Kantor Baru");
  await form.getByLabel("Email").fill(officeAdmin);
  await form.getByLabel("Peran").selectOption("OFFICE_ADMIN");
  await form.getByLabel("Kantor", { exact: true }).selectOption({ label: officeName });
  await form.getByRole("button", { name: "Buat akun" }).click();
  const invitation = await form.getByTestId("password-link-url").inputValue();
  expect(invitation).toMatch(/\/atur-sandi\/[A-Za-z0-9_-]{43}$/);
  await expect(form.getByRole("link", { name: "Kirim lewat WhatsApp" })).toHaveAttribute("href", /^https:\/\/wa\.me\/\?text=/);

  // 5. The office admin sets a password, signs in, enrols, and registers a village of the work area.
  await page.context().clearCookies();
  await setPassword(page, invitation);
  await signIn(page, officeAdmin, STRONG);
  await expect(page).toHaveURL(/\/portal$/, { timeout: 20_000 });
  await enrol(page);
  await page.goto("/portal/desa/baru");
  await main(page).getByLabel("Cari nama desa").fill(area!.villageCode);
  await main(page).getByRole("button", { name: "Cari" }).click();
  await main(page).getByRole("link", { name: new RegExp(`^Pilih desa ${area!.village}`, "i") }).first().click();
  await main(page).getByLabel("Alasan pemilihan").fill("Desa dengan banyak PMI.");
  await main(page).getByRole("button", { name: "Daftarkan desa binaan" }).click();
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(`Desa ${area!.village}`);
});
