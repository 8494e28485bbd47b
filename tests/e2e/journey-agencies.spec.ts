import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, main, signInAndLand } from "./support";

// Issue 18, parts 3 and 4: the journey by stage, and the list of licensed placement agencies.
const db = new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 2 });
test.afterAll(async () => {
  await db.end();
});

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the journey shows five stages in order with the guidance written as material, in both languages, at 360 px", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/panduan");
  await main(page).getByRole("link", { name: /Panduan per tahap perjalanan/ }).click();
  await expect(page).toHaveURL(/\/perjalanan$/);
  const stages = main(page).locator("section[data-testid^=journey-] h2");
  await expect(stages).toHaveText([
    "1. Berpikir untuk berangkat",
    "2. Mempersiapkan diri",
    "3. Berangkat",
    "4. Di luar negeri",
    "5. Pulang",
  ]);
  // Each stage carries the demo's material (lib/seed/demo.ts): checklist, warning signs, whom to call.
  const abroad = main(page).getByTestId("journey-abroad");
  await expect(abroad.getByRole("heading", { name: "Selama Bekerja di Luar Negeri" })).toBeVisible();
  await expect(abroad.getByText("Tanda bahaya")).toBeVisible();
  await expect(abroad.getByText(/KP2MI di 0800-1000/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Menu situs" }).getByRole("link", { name: "Perjalanan" })).toHaveAttribute("href", "/perjalanan");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/perjalanan$/);
  await expect(main(page).locator("section[data-testid^=journey-] h2")).toHaveText([
    "1. Thinking of going",
    "2. Preparing",
    "3. Departing",
    "4. Abroad",
    "5. Coming home",
  ]);
  // The demo's English translations of the same five texts.
  const abroadEn = main(page).getByTestId("journey-abroad");
  await expect(abroadEn.getByRole("heading", { name: "While Working Abroad" })).toBeVisible();
  await expect(abroadEn.getByText("Warning signs")).toBeVisible();
  await expect(abroadEn.getByText(/KP2MI on 0800-1000/)).toBeVisible();
  await expect(main(page).getByText("Guidance for this stage has not been written in this language yet.")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test.describe.serial("licensed agencies", () => {
  const suffix = Date.now().toString(36);
  const found = `PT Sejahtera Abadi ${suffix}`;

  test("before any list is loaded, the public page says so plainly", async ({ page }) => {
    // The e2e database is thrown away after the run; this spec owns the (one, national) list.
    await db.query("DELETE FROM agency_import");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/agensi");
    await expect(main(page).getByTestId("agency-not-loaded")).toContainText("belum dimuat");
    await expect(main(page).getByRole("searchbox")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("a bad line is named and nothing is saved; the national admin then loads a list", async ({ page }) => {
    await signInAndLand(page, ACCOUNTS.national);
    await page.goto("/portal/agensi");
    await expect(main(page).getByRole("heading", { level: 1 })).toHaveText("Daftar perusahaan penempatan berizin (P3MI)");
    await main(page).getByLabel("Sumber daftar").fill("Daftar uji e2e (bukan data resmi)");
    await main(page).getByLabel("Tanggal daftar").fill("2026-11-30");
    const bad = `nama;nomor_izin;alamat;provinsi\n${found};E2E/1/${suffix};Jl. Uji 1;Jawa Tengah\n;E2E/2/${suffix};;\n`;
    await main(page).getByLabel("Berkas CSV").setInputFiles({ name: "p3mi.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await main(page).getByRole("button", { name: "Impor daftar" }).click();
    await expect(main(page).getByTestId("agency-import-errors")).toContainText("Baris 3:");
    await expect(main(page).getByTestId("agency-import-row")).toHaveCount(0);

    const good = `nama;nomor_izin;alamat;provinsi\n${found};E2E/1/${suffix};Jl. Uji 1;Jawa Tengah\nPT Bahari Mandiri ${suffix};E2E/2/${suffix};;\n`;
    await main(page).getByLabel("Berkas CSV").setInputFiles({ name: "p3mi.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await main(page).getByRole("button", { name: "Impor daftar" }).click();
    await expect(main(page).getByText("2 perusahaan dimuat.")).toBeVisible();
    await expect(main(page).getByTestId("agency-import-row")).toHaveCount(1);
    await expect(main(page).getByTestId("agency-import-row")).toContainText("Daftar uji e2e");
    await expectNoAxeViolations(page);
  });

  test("the public finds an agency by part of its name, without case or accents, and gets a plain answer for a name not listed", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu situs" }).getByRole("link", { name: "Cek P3MI" }).click();
    await expect(page).toHaveURL(/\/agensi$/);
    await expect(main(page).getByTestId("agency-source")).toContainText("Daftar uji e2e (bukan data resmi), per 30 November 2026 (2 perusahaan)");
    await main(page).getByLabel("Nama perusahaan").fill(`séjahtera ABADI ${suffix}`);
    await main(page).getByRole("button", { name: "Cari", exact: true }).click();
    await expect(page).toHaveURL(/\/agensi\?q=/);
    const result = main(page).getByRole("listitem").filter({ hasText: found });
    await expect(result).toContainText(`E2E/1/${suffix}`);
    await expect(result).toContainText("Jawa Tengah");
    await expectNoAxeViolations(page);

    await page.goto(`/agensi?q=${encodeURIComponent(`PT Tidak Terdaftar ${suffix}`)}`);
    const notFound = main(page).getByTestId("agency-not-found");
    await expect(notFound).toContainText("tidak ada dalam daftar");
    await expect(notFound).toContainText("mungkin tidak berizin");
    await expect(notFound).toContainText("Jangan membayar apa pun");
    await expect(notFound).toContainText("BP3MI");
    await expectNoAxeViolations(page);

    await page.goto(`/en/agensi?q=${encodeURIComponent(`PT Tidak Terdaftar ${suffix}`)}`);
    await expect(main(page).getByTestId("agency-not-found")).toContainText("may not be licensed");
    await expectNoAxeViolations(page);
  });
});
