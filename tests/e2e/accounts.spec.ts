import { expect, test } from "@playwright/test";
import { ACCOUNTS, main, signIn, signInAndLand } from "./support";

test("an office admin creates an officer account, who can sign in until disabled", async ({ page }) => {
  const email = `petugas.baru.${Date.now()}@demo.imigrasi.go.id`;
  const password = "sandi-awal-yang-panjang";

  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await page.goto("/portal/pengguna");
  const form = main(page);
  await form.getByLabel("Nama lengkap").fill("Petugas Baru Uji");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Kata sandi awal").fill("pendek");
  await form.getByRole("button", { name: "Buat akun" }).click();
  await expect(form.getByText("Kata sandi minimal 10 karakter.")).toBeVisible();

  await form.getByLabel("Kata sandi awal").fill(password);
  await form.getByRole("button", { name: "Buat akun" }).click();
  await expect(form.getByRole("status")).toContainText(email);
  const row = page.getByTestId(`account-${email}`);
  await expect(row).toContainText("Aktif");

  await page.context().clearCookies();
  await signInAndLand(page, email, password);
  await page.context().clearCookies();

  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await page.goto("/portal/pengguna");
  await page.getByRole("button", { name: "Nonaktifkan: Petugas Baru Uji" }).click();
  await expect(page.getByTestId(`account-${email}`)).toContainText("Nonaktif");

  await page.context().clearCookies();
  await signIn(page, email, password);
  await expect(main(page).getByRole("alert")).toHaveText("Akun ini dinonaktifkan. Hubungi admin kantor Anda.");
});
