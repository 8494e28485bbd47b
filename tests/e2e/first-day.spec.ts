import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { main, signIn } from "./support";

/**
 * The first day in production (issue 15): from `npm run admin:create` to an office admin who
 * registers a village, through one-time links and a second factor, in the browser.
 */
const run = promisify(execFile);
const STRONG = "kalimat sandi yang cukup panjang";
// Villages of Kec. Sambungmacan (Kanim Surakarta's work area) no other spec adopts; a retry takes the next.
const CANDIDATES = ["Banyurip", "Plumbon", "Banaran"];

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
  const codes = await main(page).getByTestId("recovery-codes").locator("li").allTextContents();
  expect(codes).toHaveLength(10);
  return codes;
}

test("from admin:create to an office admin registering a village, with one-time links and a second factor", async ({ page, baseURL }, info) => {
  const stamp = Date.now();
  const national = `ditjen.${stamp}@contoh.imigrasi.go.id`;
  const officeAdmin = `admin.${stamp}@contoh.imigrasi.go.id`;

  // 1. The first national admin, from the command line, sets a password through the link.
  const link = await adminCreate(national, baseURL!);
  await setPassword(page, link);
  await page.goto(link);
  await expect(main(page).getByRole("alert")).toContainText("Tautan ini sudah dipakai.");

  // 2. Signs in, enrols a second factor, and from then on signs in with it (here a recovery code).
  await signIn(page, national, STRONG);
  await expect(page).toHaveURL(/\/portal$/);
  const codes = await enrol(page);
  await page.context().clearCookies();
  await signIn(page, national, STRONG);
  await expect(main(page).getByRole("alert")).toContainText("verifikasi dua langkah");
  await main(page).getByLabel("Kode verifikasi").fill(codes[0]!);
  await main(page).getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/portal$/);

  // 3. Creates an office admin with an invitation link.
  await page.goto("/portal/pengguna");
  const form = main(page);
  await form.getByLabel("Nama lengkap").fill("Admin Kantor Baru");
  await form.getByLabel("Email").fill(officeAdmin);
  await form.getByLabel("Peran").selectOption("OFFICE_ADMIN");
  await form.getByLabel("Kantor").selectOption({ label: "Kantor Imigrasi Kelas I TPI Surakarta" });
  await form.getByRole("button", { name: "Buat akun" }).click();
  const invitation = await form.getByTestId("password-link-url").inputValue();
  expect(invitation).toMatch(/\/atur-sandi\/[A-Za-z0-9_-]{43}$/);
  await expect(form.getByRole("link", { name: "Kirim lewat WhatsApp" })).toHaveAttribute("href", /^https:\/\/wa\.me\/\?text=/);

  // 4. The office admin sets a password, signs in, enrols, and registers a village.
  await page.context().clearCookies();
  await setPassword(page, invitation);
  await signIn(page, officeAdmin, STRONG);
  await expect(page).toHaveURL(/\/portal$/);
  await enrol(page);
  const name = CANDIDATES[info.retry]!;
  await page.goto("/portal/desa/baru");
  await main(page).getByLabel("Cari nama desa").fill(name);
  await main(page).getByRole("button", { name: "Cari" }).click();
  await main(page).getByRole("link", { name: new RegExp(`^Pilih desa ${name}, Sambungmacan`, "i") }).click();
  await main(page).getByLabel("Alasan pemilihan").fill("Desa dengan banyak PMI.");
  await main(page).getByRole("button", { name: "Daftarkan desa binaan" }).click();
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(`Desa ${name}`);
});
