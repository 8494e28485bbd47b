import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

/**
 * The registration page's type-ahead (a WAI-ARIA combobox over GET /api/desa/cari), driven with
 * the keyboard and by touch at phone width, and the plain GET form it enhances. Nothing is
 * registered: choosing a village stops at the second step, so other specs see the same data.
 */

// A village with a name of its own in Kec. Sambungmacan, Sragen (Kanim Surakarta's work area),
// which the demo does not adopt and no other spec registers.
const FREE = { name: "Sambungmacan", code: "33.14.07.2009" };
const PLACE = "Sambungmacan, Kabupaten Sragen, Jawa Tengah";

const combobox = (page: Page) => main(page).getByRole("combobox", { name: "Cari nama desa" });
const listbox = (page: Page) => main(page).getByRole("listbox", { name: "Desa yang cocok" });
const liveRegion = (page: Page) => main(page).getByRole("status");
/** A search request for exactly `q`. */
const searchFor = (q: string) => (url: URL) => url.pathname === "/api/desa/cari" && url.searchParams.get("q") === q;

/** The second step: the chosen village with its place, and the registration form. */
async function expectSecondStep(page: Page) {
  await expect(page).toHaveURL(`/portal/desa/baru?q=${FREE.name}&kode=${FREE.code}`);
  await expect(main(page).getByRole("heading", { name: "Desa dipilih" })).toBeVisible();
  await expect(main(page)).toContainText(`${FREE.name}, ${PLACE}`);
  await expect(main(page).getByRole("button", { name: "Daftarkan desa binaan" })).toBeVisible();
}

async function expectAxeClean(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** The option the combobox points at, checked both ways (activedescendant and aria-selected). */
async function activeOption(page: Page) {
  const id = await combobox(page).getAttribute("aria-activedescendant");
  expect(id).toBeTruthy();
  const option = main(page).locator(`[id="${id}"]`);
  await expect(option).toHaveAttribute("role", "option");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(listbox(page).locator('[aria-selected="true"]')).toHaveCount(1);
  return option;
}

test("a keyboard user finds, moves through and chooses a village, at 360 px, axe-clean", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAndLand(page, ACCOUNTS.officeAdmin);
  const searches: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/desa/cari")) searches.push(new URL(r.url()).searchParams.get("q")!);
  });
  await page.goto("/portal/desa/baru");

  const box = combobox(page);
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveAttribute("aria-autocomplete", "list");
  await box.focus();
  await box.pressSequentially("Ce"); // below 3 characters: nothing asked
  await page.waitForTimeout(400);
  expect(searches).toEqual([]);
  await box.pressSequentially("meng", { delay: 30 });

  // Namesakes with their places; the office's own first, another province's marked.
  await expect(listbox(page)).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(box).toHaveAttribute("aria-controls", (await listbox(page).getAttribute("id"))!);
  const options = listbox(page).getByRole("option");
  await expect(options.first()).toContainText(`Cemeng, ${PLACE}`);
  await expect(options.first()).toContainText("Sudah desa binaan kantor Anda");
  const pacitan = options.filter({ hasText: "Kabupaten Pacitan" });
  await expect(pacitan).toContainText("Di luar wilayah kerja");
  await expect(pacitan).toHaveAttribute("aria-disabled", "true");
  // Debounced: one request for the word, not one per key (two if the machine stalled a key).
  expect(searches.at(-1)).toBe("Cemeng");
  expect(searches.length, searches.join(", ")).toBeLessThanOrEqual(2);
  // The count is announced politely.
  const count = await options.count();
  await expect(liveRegion(page)).toHaveText(new RegExp(`^(${count} desa ditemukan|${count} desa pertama ditampilkan)`));
  await expectAxeClean(page, "listbox open");

  // Arrows move the active option (wrapping); the focus stays in the field.
  await box.press("ArrowDown");
  await expect(await activeOption(page)).toContainText(PLACE);
  await box.press("ArrowDown");
  const second = await activeOption(page);
  await expect(second).not.toContainText(PLACE);
  await box.press("ArrowUp");
  await expect(await activeOption(page)).toContainText(PLACE);
  await box.press("ArrowUp");
  expect(await (await activeOption(page)).getAttribute("id")).toBe(await options.last().getAttribute("id"));
  await expect(box).toBeFocused();

  // Enter on a village outside the work area explains instead of choosing.
  await box.press("Escape");
  await box.press("ArrowDown");
  while (!(await (await activeOption(page)).textContent())!.includes("Kabupaten Pacitan")) await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/portal\/desa\/baru$/);
  await expect(liveRegion(page)).toContainText("tidak dapat didaftarkan");

  // Escape closes the list and keeps the text; a second Escape clears it.
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(listbox(page)).toBeHidden();
  await expect(box).toHaveValue("Cemeng");
  await expect(box).not.toHaveAttribute("aria-activedescendant");
  await box.press("Escape");
  await expect(box).toHaveValue("");

  // Choosing a village of the work area leads to the same second step as the plain form.
  const before = searches.length;
  await box.pressSequentially(FREE.name, { delay: 20 });
  const only = listbox(page).getByRole("option");
  await expect(only).toHaveCount(1);
  await expect(only).toContainText(PLACE);
  await expect(liveRegion(page)).toHaveText(/^1 desa ditemukan/);
  expect(searches.length - before, `requests for 12 keys: ${searches.slice(before).join(", ")}`).toBeLessThanOrEqual(3);
  await box.press("ArrowDown");
  await box.press("Enter");
  await expectSecondStep(page);
  await expectAxeClean(page, "second step");
});

test("a stale answer never replaces a newer one, and a failed search says so", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.officer);
  await page.goto("/portal/desa/baru");
  // The answer for "Sambung" is held back until the newer term has been answered.
  let releaseOld!: () => void;
  const oldHeld = new Promise<void>((resolve) => (releaseOld = resolve));
  const aborted: string[] = [];
  page.on("requestfailed", (r) => {
    if (r.url().includes("/api/desa/cari")) aborted.push(new URL(r.url()).searchParams.get("q")!);
  });
  await page.route(searchFor("Sambung"), async (route) => {
    await oldHeld;
    await route.continue().catch(() => {}); // the page may have dropped it already
  });
  const box = combobox(page);
  await box.fill("Sambung");
  await page.waitForRequest((r) => searchFor("Sambung")(new URL(r.url())));
  await box.fill(FREE.name);
  await expect(listbox(page).getByRole("option")).toHaveCount(1);
  releaseOld();
  await expect.poll(() => aborted).toContain("Sambung");
  await page.waitForTimeout(300);
  await expect(listbox(page).getByRole("option")).toHaveCount(1);
  await expect(listbox(page).getByRole("option")).toContainText(FREE.name);

  // A server error: the popup and the live region say to use the button; the form still works.
  await page.route(searchFor("Toyogo"), (route) => route.fulfill({ status: 500, body: "" }));
  await box.fill("Toyogo");
  await expect(main(page).getByText("Pencarian cepat tidak tersedia. Tekan Cari untuk mencari.").first()).toBeVisible();
  await expect(liveRegion(page)).toHaveText("Pencarian cepat tidak tersedia. Tekan Cari untuk mencari.");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/portal\/desa\/baru\?q=Toyogo$/);
  await expect(main(page).getByTestId("village-results")).toContainText(PLACE);

  // The field the plain form filled: ArrowDown asks for suggestions.
  await page.unrouteAll();
  await combobox(page).focus();
  await combobox(page).press("ArrowDown");
  await expect(listbox(page).getByRole("option").first()).toContainText(`Toyogo, ${PLACE}`);

  // Leaving the field before the answer comes: it must not pop up over the page.
  await combobox(page).fill("Gringging");
  const answered = page.waitForResponse((r) => searchFor("Gringging")(new URL(r.url())));
  await combobox(page).press("Tab");
  await answered;
  await page.waitForTimeout(200);
  await expect(listbox(page)).toBeHidden();
  await expect(combobox(page)).toHaveAttribute("aria-expanded", "false");
});

test.describe("on a touch phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test("a tap on an option chooses it", async ({ page }) => {
    await signInAndLand(page, ACCOUNTS.officeAdmin);
    await page.goto("/portal/desa/baru");
    await combobox(page).tap();
    await combobox(page).fill(FREE.name);
    const option = listbox(page).getByRole("option", { name: new RegExp(`^${FREE.name}`) });
    const box = await option.boundingBox();
    expect(box!.height, "a finger-sized target").toBeGreaterThanOrEqual(44);
    await option.tap();
    await expectSecondStep(page);
  });
});

test("without JavaScript the same field is a plain search form", async ({ browser, page, baseURL }) => {
  await signInAndLand(page, ACCOUNTS.officeAdmin);
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  try {
    await plain.goto("/portal/desa/baru");
    await expect(main(plain).getByRole("combobox")).toHaveCount(0);
    await main(plain).getByRole("searchbox", { name: "Cari nama desa" }).fill(FREE.name);
    await main(plain).getByRole("button", { name: "Cari", exact: true }).click();
    await expect(plain).toHaveURL(`/portal/desa/baru?q=${FREE.name}`);
    await main(plain).getByRole("link", { name: `Pilih desa ${FREE.name}, Sambungmacan` }).click();
    await expectSecondStep(plain);
  } finally {
    await noScript.close();
  }
});
