import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a village files a report, the officer verifies it and adds a follow-up, the village answers a question", async ({ browser }) => {
  test.setTimeout(150_000);
  const description = `Ada perekrut menawarkan kerja ke luar negeri tanpa dokumen (uji ${Date.now()}).`;

  // The village, on a phone.
  const villageContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const village = await villageContext.newPage();
  await signInAndLand(village, ACCOUNTS.village);
  await village.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Deteksi dini" }).click();
  await expect(main(village).getByRole("heading", { level: 1 })).toHaveText("Laporan saya");
  await village.goto("/portal/deteksi/baru");
  await expectNoViolations(village);
  const form = main(village);
  await form.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(form.getByLabel("Kategori")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Kategori").selectOption({ label: "Perekrut atau agen yang mencurigakan" });
  await form.getByLabel("Apa yang terjadi").fill(description);
  await form.getByLabel("Tempat", { exact: true }).fill("Dusun Krajan");
  await form.getByLabel("Orang yang terlibat (opsional)").fill("Calon PMI bernama Rahmat Uji");
  await form.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(village).toHaveURL(/\/portal\/deteksi\/[0-9a-f-]{36}\?baru=1$/, { timeout: 20_000 });
  const ticket = (await main(village).locator("h1 .font-mono").textContent())!;
  expect(ticket).toMatch(/^DD-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  const reportPath = new URL(village.url()).pathname;
  await expect(main(village).getByText("Laporan masuk")).toBeVisible();

  // The office's officer finds it in the queue, verifies, asks, follows up.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signInAndLand(officer, ACCOUNTS.officer);
  await officer.goto("/portal/deteksi");
  await expect(main(officer).getByRole("link", { name: ticket })).toBeVisible();
  await officer.goto(reportPath);
  await expectNoViolations(officer);
  await expect(main(officer).getByText("Calon PMI bernama Rahmat Uji")).toBeVisible();
  await main(officer).getByRole("form", { name: "Mulai verifikasi" }).getByRole("button", { name: "Mulai verifikasi" }).click();
  await expect(officer.getByTestId("report-status")).toContainText("Dalam verifikasi");
  await expect(officer.getByTestId("report-status")).toContainText("Ditanggapi tepat waktu");

  const ask = main(officer).getByRole("form", { name: "Tanya pelapor" });
  await ask.getByLabel("Pertanyaan").fill("Kapan pendaftarannya?");
  await ask.getByRole("button", { name: "Kirim pertanyaan" }).click();
  await expect(officer.getByTestId("report-status")).toContainText("Perlu informasi");

  // The village sees the question (and not the office's internals) and answers.
  await village.goto(reportPath);
  await expect(main(village).getByText("Kapan pendaftarannya?")).toBeVisible();
  await main(village).getByLabel("Jawaban Anda").fill("Sabtu ini di balai dusun.");
  await main(village).getByRole("button", { name: "Kirim jawaban" }).click();
  // The question is answered: the form goes, the answer stands in the history.
  await expect(main(village).getByLabel("Jawaban Anda")).toHaveCount(0);
  await expect(main(village).getByText("Sabtu ini di balai dusun.")).toBeVisible();

  await officer.goto(reportPath);
  await expect(main(officer).getByText("Sabtu ini di balai dusun.")).toBeVisible();
  const verify = main(officer).getByRole("form", { name: "Verifikasi" });
  await verify.getByRole("checkbox", { name: /Fakta dikonfirmasi/ }).check();
  await verify.getByRole("radio", { name: /Valid: ditindaklanjuti/ }).check();
  await verify.getByLabel("Catatan verifikasi").fill("Dikonfirmasi kepala dusun.");
  await verify.getByRole("button", { name: "Simpan verifikasi" }).click();
  await expect(officer.getByTestId("report-status")).toContainText("Dalam tindak lanjut");

  const followUp = main(officer).getByRole("form", { name: "Tambah tindak lanjut" });
  await followUp.getByLabel("Jenis tindak lanjut").selectOption({ label: "Koordinasi dengan BP3MI" });
  await followUp.getByLabel("Penanggung jawab").selectOption({ index: 1 });
  await followUp.getByLabel("Tenggat").fill("2026-12-20");
  await followUp.getByRole("button", { name: "Tambah tindak lanjut" }).click();
  await expect(main(officer).getByText("Koordinasi dengan BP3MI").first()).toBeVisible();
  await expect(officer.getByTestId("report-history")).toContainText("Tindak lanjut ditambahkan");

  // The village's view shows the status, never the verification note or the follow-up.
  await village.goto(reportPath);
  await expect(main(village)).toContainText("Dalam tindak lanjut");
  await expect(main(village)).not.toContainText("Dikonfirmasi kepala dusun.");
  await expect(main(village)).not.toContainText("BP3MI");
  await villageContext.close();
  await officerContext.close();
});

test("the Kanwil sees an overdue report of its office and reminds; the office acknowledges", async ({ browser }) => {
  test.setTimeout(120_000);
  const kanwilContext = await browser.newContext();
  const kanwil = await kanwilContext.newPage();
  await signInAndLand(kanwil, ACCOUNTS.regional);
  await kanwil.goto("/portal/deteksi?tanda=terlambat");
  await expectNoViolations(kanwil);
  const overdue = main(kanwil).getByTestId("warning-queue").locator("li").filter({ hasText: "Terlambat" }).first();
  await expect(overdue).toBeVisible();
  const link = overdue.locator('a[href^="/portal/deteksi/"]').first();
  const path = (await link.getAttribute("href"))!;
  await kanwil.goto(path);
  const remind = main(kanwil).getByRole("form", { name: "Tegur kantor" });
  await remind.getByLabel("Pesan teguran").fill("Mohon segera ditanggapi.");
  await remind.getByRole("button", { name: "Kirim teguran" }).click();
  await expect(main(kanwil).getByText("Teguran terkirim.")).toBeVisible();
  // The Kanwil only watches: it has no triage forms.
  await expect(main(kanwil).getByRole("form", { name: "Verifikasi" })).toHaveCount(0);

  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await signInAndLand(office, ACCOUNTS.officeAdmin);
  await office.goto(path);
  await expect(main(office).getByRole("alert").filter({ hasText: "Mohon segera ditanggapi." }).first()).toBeVisible();
  await main(office).getByRole("button", { name: "Terima teguran" }).first().click();
  await expect(main(office).getByText(/diterima oleh/).first()).toBeVisible();
  await kanwilContext.close();
  await officeContext.close();
});

test("another office cannot open a report, and reads it as not found", async ({ browser }) => {
  const context = await browser.newContext();
  const officer = await context.newPage();
  await signInAndLand(officer, ACCOUNTS.officer);
  await officer.goto("/portal/deteksi");
  const path = (await main(officer).getByTestId("warning-queue").locator('a[href^="/portal/deteksi/"]').first().getAttribute("href"))!;
  const other = await browser.newContext();
  const palembang = await other.newPage();
  await signInAndLand(palembang, ACCOUNTS.otherOfficeAdmin);
  const response = await palembang.goto(path);
  expect(response?.status()).toBe(404);
  await context.close();
  await other.close();
});
