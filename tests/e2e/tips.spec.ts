import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { main } from "./support";

const CEMENG = "33.14.07.2003"; // Desa Cemeng, Sragen: a desa binaan of Kanim Surakarta (demo seed)

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Fills the tip form of the page (the village already chosen) and sends it once the challenge is solved. */
async function fileTip(page: Page, marks: { description: string; people: string; contact: string }) {
  await main(page).getByLabel("Perekrut atau agen yang mencurigakan").check();
  await main(page).getByLabel("Apa yang terjadi?").fill(marks.description);
  await main(page).getByLabel("Orang yang terlibat (opsional, data sensitif)").fill(marks.people);
  await main(page).getByLabel("Kontak Anda (opsional)").fill(marks.contact);
  await main(page).getByLabel(/Saya telah membaca pemberitahuan ini/).check();
  // the proof of work is really solved by this Chromium, in a worker
  await expect(page.getByTestId("pow-status")).toHaveAttribute("data-state", "done", { timeout: 45_000 });
  await main(page).getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("tip-sent")).toBeVisible({ timeout: 20_000 });
  return { ticket: (await page.getByTestId("ticket-code").textContent())!, tracking: (await page.getByTestId("tracking-code").textContent())! };
}

test("a tip from the public: village searched by name, challenge solved in the browser, tracked as Baru without its sensitive fields", async ({ page }) => {
  const stamp = Date.now();
  const marks = { description: `Ada perekrut menawarkan kerja ke luar negeri tanpa dokumen ${stamp}`, people: `Siti Rahayu ${stamp}, 17 tahun`, contact: `0812${stamp}`.slice(0, 13) };
  await page.goto("/");
  await page.getByRole("navigation", { name: "Menu situs" }).getByRole("link", { name: "Laporkan" }).click();
  await expect(page).toHaveURL(/\/lapor$/);
  const search = main(page).getByRole("combobox", { name: "Di desa atau kelurahan mana?" });
  await search.fill("Cemeng");
  const option = main(page).getByRole("option").filter({ hasText: CEMENG });
  await expect(option).toBeVisible();
  await search.press("ArrowDown");
  for (let i = 0; !(await option.getAttribute("aria-selected"))?.includes("true") && i < 20; i++) await search.press("ArrowDown");
  await search.press("Enter");
  await expect(page.getByTestId("chosen-village")).toContainText(CEMENG);

  const { ticket, tracking } = await fileTip(page, marks);
  expect(ticket).toMatch(/^DD-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(tracking).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Lihat status laporan" }).click();
  await expect(page).toHaveURL(/\/lapor\/lacak$/);
  await main(page).getByLabel("Kode pelacakan").fill(tracking.toLowerCase());
  await main(page).getByRole("button", { name: "Lihat status" }).click();
  await expect(page.getByTestId("tip-status-label")).toHaveText("Baru");
  await expect(page.getByTestId("tip-status")).toContainText(ticket);
  // the code was posted, never put in the address
  expect(page.url()).not.toContain(tracking);
  const html = await page.content();
  for (const secret of [marks.people, marks.contact, marks.description]) expect(html).not.toContain(secret);
  await expectNoAxeViolations(page);
});

test("a village profile links to the form with its village chosen, in both languages", async ({ page }) => {
  await page.goto(`/desa/${CEMENG}`);
  await main(page).getByRole("link", { name: /Laporkan dugaan TPPO/ }).click();
  await expect(page).toHaveURL(new RegExp(`/lapor\\?desa=${CEMENG.replaceAll(".", "\\.")}$`));
  await expect(page.getByTestId("chosen-village")).toContainText("Cemeng");
  await page.goto(`/en/lapor?desa=${CEMENG}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h1")).toHaveText(/Report suspected trafficking/);
  await expect(page.getByTestId("chosen-village")).toContainText("Cemeng");
});

test("the tracking page works without JavaScript and says plainly when a code is unknown", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/lapor/lacak");
  await main(page).getByLabel("Kode pelacakan").fill("AAAA-BBBB-CCCC-DDDD");
  await main(page).getByRole("button", { name: "Lihat status" }).click();
  await expect(main(page)).toContainText("Kode pelacakan itu tidak ditemukan");
  expect(page.url()).not.toContain("AAAA");
  await context.close();
});
