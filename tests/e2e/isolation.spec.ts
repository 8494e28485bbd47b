import { expect, test } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

async function officeUrl(page: import("@playwright/test").Page, name: RegExp) {
  await signInAndLand(page, ACCOUNTS.national);
  await page.goto("/portal/kantor");
  const href = await main(page).getByRole("link", { name }).getAttribute("href");
  expect(href).toMatch(/^\/portal\/kantor\/[0-9a-f-]{36}$/);
  await page.context().clearCookies();
  return href!;
}

test("an office admin cannot open another office's profile", async ({ page }) => {
  const palembang = await officeUrl(page, /Palembang/);
  await signInAndLand(page, ACCOUNTS.officeAdmin);
  const response = await page.goto(palembang);
  expect(response?.status()).toBe(404);
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
});

test("a Kanwil sees its own province's offices only", async ({ page }) => {
  const palembang = await officeUrl(page, /Palembang/);
  await signInAndLand(page, ACCOUNTS.regional);
  await page.goto("/portal/kantor");
  await expect(main(page).getByRole("link", { name: /Surakarta/ })).toBeVisible();
  await expect(main(page).getByRole("link", { name: /Palembang/ })).toHaveCount(0);
  expect((await page.goto(palembang))?.status()).toBe(404);
});

test("officers and village accounts cannot open account management", async ({ page }) => {
  for (const email of [ACCOUNTS.officer, ACCOUNTS.village, ACCOUNTS.regional]) {
    await signInAndLand(page, email);
    await expect(page.getByRole("link", { name: "Akun pengguna" })).toHaveCount(0);
    expect((await page.goto("/portal/pengguna"))?.status()).toBe(404);
    await page.context().clearCookies();
  }
});
