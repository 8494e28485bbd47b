import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

test("an office admin reads its own dashboard and downloads its monthly report", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Dasbor" }).click();
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText("Dasbor Kantor Imigrasi Kelas I TPI Surakarta");
  // the 2023 sosialisasi in Sambungmacan was held: the year 2023 shows it
  await page.goto("/portal/dasbor?period=year&year=2023");
  await expect(page.getByTestId("stat-held")).not.toHaveText("0");
  await expect(page.getByTestId("dashboard-scope")).toContainText("1 kantor");
  await expect(main(page).getByRole("img", { name: "Kegiatan per bulan" })).toBeVisible();
  // the charts' data table is drawn when its disclosure is first opened: a header and 12 months
  await expect(page.getByTestId("trend-table")).toHaveCount(0);
  await main(page).getByText("Tabel data grafik").click();
  await expect(page.getByTestId("trend-table").getByRole("row")).toHaveCount(13);
  const axe = await new AxeBuilder({ page }).include("main").analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.goto("/portal/laporan?period=month&year=2023&month=9");
  const table = page.getByTestId("report-table");
  await expect(table.getByRole("row")).toHaveCount(2); // header + its own office only
  const pdfHref = await table.getByRole("link", { name: /PDF.*Surakarta/ }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const xlsx = await page.request.get(pdfHref!.replace("format=pdf", "format=xlsx"));
  expect(xlsx.headers()["content-disposition"]).toMatch(/laporan-kegiatan-.*-2023-09\.xlsx/);
  // levels above the office are not found
  expect((await page.request.get("/api/laporan?level=national&period=month&year=2023&month=9&format=xlsx")).status()).toBe(404);
});

test("a Kanwil sees its offices only, even when another office is put in the filter", async ({ browser }) => {
  const national = await browser.newPage();
  await signInAndLand(national, ACCOUNTS.national);
  await national.goto("/portal/dasbor");
  await expect(national.getByTestId("coverage-map")).toBeVisible();
  // Every province the map colours refers to an outline in the cached sprite.
  const refs = await national.getByTestId("coverage-map").locator("use").evaluateAll((uses) => uses.map((u) => u.getAttribute("href")!));
  expect(refs.length).toBeGreaterThan(30);
  const sprite = await national.request.get(refs[0]!.split("#")[0]!);
  expect(sprite.headers()["content-type"]).toContain("image/svg+xml");
  const svg = await sprite.text();
  for (const ref of refs) expect(svg).toContain(`id="${ref.split("#")[1]}"`);
  // the map's alternative, a row per province, once its disclosure is opened
  await main(national).getByText("Tabel per provinsi dan tahap").click();
  await expect(national.getByTestId("coverage-table")).toBeVisible();
  // a header, then a row per province with desa binaan (the demo's villages lie in a few provinces)
  expect(await national.getByTestId("coverage-table").getByRole("row").count()).toBeGreaterThan(2);
  // Narrowed to a province (Sumatera Selatan, 16), as the nation's long office list asks.
  await national.goto("/portal/dasbor?province=16");
  const palembang = await national.getByLabel("Kantor").locator("option", { hasText: "Palembang" }).getAttribute("value");
  expect(palembang).toBeTruthy();
  await national.close();

  const page = await browser.newPage();
  await signInAndLand(page, ACCOUNTS.regional);
  await page.goto("/portal/dasbor");
  await expect(page.getByLabel("Kantor").locator("option", { hasText: "Palembang" })).toHaveCount(0);
  // One province's villages: no map of Indonesia with a single province coloured.
  await expect(page.getByTestId("stat-reached")).toBeVisible();
  await expect(page.getByTestId("coverage-map")).toHaveCount(0);
  await page.goto(`/portal/dasbor?office=${palembang}`);
  await expect(page.getByTestId("dashboard-scope")).toContainText("tidak ada kantor");
  await expect(page.getByTestId("stat-reached")).toHaveText("0");
  expect((await page.request.get(`/api/laporan?level=office&id=${palembang}&period=month&year=2026&month=1&format=pdf`)).status()).toBe(404);
  await page.close();
});

test("a village account has no dashboard", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.village);
  await expect(page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Dasbor" })).toHaveCount(0);
  const response = await page.goto("/portal/dasbor");
  expect(response?.status()).toBe(404);
});
