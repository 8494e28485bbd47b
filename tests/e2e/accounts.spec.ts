import { expect, test } from "@playwright/test";
import { ACCOUNTS, main, signIn, signInAndLand } from "./support";

test("an office admin creates an officer account, who must choose their own password, and can sign in until disabled", async ({ page }) => {
  const email = `petugas.baru.${Date.now()}@demo.imigrasi.go.id`;
  const password = "sandi-awal-yang-panjang";
  const own = "sandi milik petugas sendiri";

  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await page.goto("/portal/pengguna");
  const form = main(page);
  await form.getByLabel("Nama lengkap").fill("Petugas Baru Uji");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Kata sandi (boleh kosong)").fill("pendek");
  await form.getByRole("button", { name: "Buat akun" }).click();
  await expect(form.getByText("Kata sandi minimal 10 karakter.")).toBeVisible();

  await form.getByLabel("Kata sandi (boleh kosong)").fill(password);
  await form.getByRole("button", { name: "Buat akun" }).click();
  await expect(form.getByRole("status")).toContainText(email);
  const row = page.getByTestId(`account-${email}`);
  await expect(row).toContainText("Aktif");

  // A password the admin chose must be replaced before anything else.
  await page.context().clearCookies();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/akun$/);
  await expect(main(page).getByText("Admin memilihkan kata sandi untuk Anda")).toBeVisible();
  await page.goto("/portal/kegiatan");
  await expect(page).toHaveURL(/\/akun$/);
  await main(page).getByLabel("Kata sandi sekarang").fill(password);
  await main(page).getByLabel("Kata sandi baru").fill(own);
  await main(page).getByLabel("Ulangi kata sandi").fill(own);
  await main(page).getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await signInAndLand(page, email, own);
  await page.context().clearCookies();

  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await page.goto("/portal/pengguna");
  await page.getByRole("button", { name: "Nonaktifkan: Petugas Baru Uji" }).click();
  await expect(page.getByTestId(`account-${email}`)).toContainText("Nonaktif");

  await page.context().clearCookies();
  await signIn(page, email, own);
  await expect(main(page).getByRole("alert")).toHaveText("Akun ini dinonaktifkan. Hubungi admin kantor Anda.");
});
