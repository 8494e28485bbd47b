import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signInAndLand } from "./support";

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

test("the sign-in page has no accessibility violations", async ({ page }) => {
  await page.goto("/masuk");
  await expectNoViolations(page);
});

test("the office portal pages have no accessibility violations, on a phone too", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await expectNoViolations(page);
  for (const link of ["Profil kantor", "Akun pengguna"]) {
    await page.getByRole("link", { name: link }).click();
    await expect(page.locator("main h1")).toBeVisible();
    await expectNoViolations(page);
  }
});

test("the village home has no accessibility violations", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.village);
  await expectNoViolations(page);
});

test("a form error is announced and tied to its field", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  const email = page.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  const describedBy = await email.getAttribute("aria-describedby");
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText("Wajib diisi.");
});

test("the public check-in page has no accessibility violations, for a real and an unknown code", async ({ page, browser }) => {
  await signInAndLand(page, ACCOUNTS.officer);
  await page.goto("/portal/kegiatan/baru");
  await page.locator("main").getByLabel("Judul").fill(`Sosialisasi aksesibilitas ${Date.now()}`);
  await page.locator("main").getByLabel("Tempat", { exact: true }).fill("Balai Desa");
  await page.locator("main").getByLabel("Mulai (WIB)").fill("2026-12-12T09:00");
  await page.locator("main").getByLabel("Selesai (WIB)").fill("2026-12-12T12:00");
  await page.locator("main").getByRole("button", { name: "Jadwalkan", exact: true }).click();
  const link = (await page.getByTestId("check-in-link").textContent())!;
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const phone = await context.newPage();
  for (const url of [link, link.replace(/\/hadir\/.*/, "/hadir/ZZZZZZZZ")]) {
    await phone.goto(url);
    await expect(phone.locator("h1, h2").first()).toBeVisible();
    const results = await new AxeBuilder({ page: phone }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    // The skip link leads somewhere.
    const target = await phone.locator("a.skip-link").getAttribute("href");
    await expect(phone.locator(target!)).toHaveCount(1);
  }
  await context.close();
});

test("the public tip pages have no accessibility violations, on a phone too", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/lapor", "/en/lapor", "/lapor?desa=33.14.07.2003", "/lapor/lacak", "/en/lapor/lacak"]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    await expectNoViolations(page);
  }
  // the tracking page with its error shown
  await page.goto("/lapor/lacak");
  await page.locator("main").getByLabel("Kode pelacakan").fill("AAAA-BBBB-CCCC-DDDD");
  await page.locator("main").getByRole("button", { name: "Lihat status" }).click();
  await expect(page.locator("main")).toContainText("tidak ditemukan");
  await expectNoViolations(page);
});
