import { expect, type Page } from "@playwright/test";

/** Demo accounts seeded into the e2e database (lib/seed/demo.ts). */
export const DEMO_PASSWORD = "demo12345";
export const ACCOUNTS = {
  national: "ditjen@demo.imigrasi.go.id",
  regional: "kanwil.jateng@demo.imigrasi.go.id",
  officeAdmin: "admin.surakarta@demo.imigrasi.go.id",
  officer: "petugas.surakarta@demo.imigrasi.go.id",
  village: "desa.cemeng@demo.imigrasi.go.id",
  otherOfficeAdmin: "admin.palembang@demo.imigrasi.go.id",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

export async function signInAndLand(page: Page, email: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  // argon2 on a busy two-core machine running two browsers: a sign-in can take several seconds
  await expect(page).toHaveURL(/\/portal$/, { timeout: 20_000 });
}

export const main = (page: Page) => page.locator("main");
