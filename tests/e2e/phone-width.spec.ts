import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

const WIDTH = 360;

/** The page itself never scrolls sideways; a wide table scrolls inside its own box. */
async function expectFitsPhone(page: Page, path: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect.soft(overflow, `${path} is wider than the screen by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** Every menu entry can be seen on the screen (not clipped behind a scroller with no cue). */
async function expectWholeMenu(page: Page, path: string) {
  const links = page.getByRole("navigation", { name: "Menu utama" }).getByRole("link");
  const count = await links.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const box = await links.nth(i).boundingBox();
    expect(box, `${path}: menu entry ${i} is not shown`).not.toBeNull();
    expect.soft(box!.x, `${path}: menu entry ${i} starts off screen`).toBeGreaterThanOrEqual(0);
    expect.soft(box!.x + box!.width, `${path}: menu entry ${i} is cut off`).toBeLessThanOrEqual(WIDTH + 0.5);
  }
}

/** The menu's pages, plus the first record each list links to. */
async function portalPaths(page: Page) {
  const menu = page.getByRole("navigation", { name: "Menu utama" }).getByRole("link");
  const paths = new Set<string>(["/portal"]);
  for (const href of await menu.evaluateAll((els) => els.map((e) => e.getAttribute("href")!))) paths.add(href);
  for (const list of ["/portal/kegiatan", "/portal/desa", "/portal/materi", "/portal/kuis", "/portal/deteksi"]) {
    if (!paths.has(list)) continue;
    await page.goto(list);
    const first = main(page).locator(`a[href^="${list}/"]:not([href$="/baru"]):not([href$="/sla"])`).first();
    if (await first.count()) paths.add((await first.getAttribute("href"))!);
  }
  paths.add("/portal/desa/baru?q=Cemeng");
  if (paths.has("/portal/deteksi")) paths.add("/portal/deteksi/baru");
  return [...paths];
}

for (const [who, email] of [
  ["an office admin", ACCOUNTS.officeAdmin],
  ["the national admin", ACCOUNTS.national],
  ["a village account", ACCOUNTS.village],
] as const) {
  test(`every portal page of ${who} fits a 360 px phone, menu included`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: WIDTH, height: 740 });
    await signInAndLand(page, email);
    for (const path of await portalPaths(page)) {
      const response = await page.goto(path);
      if (response?.status() === 404) continue; // a staff page a village account may not open
      await expect(main(page).locator("h1").first()).toBeVisible();
      await expectFitsPhone(page, path);
      await expectWholeMenu(page, path);
    }
  });
}

test("the public tip form and tracking page fit a 360 px phone, menu included", async ({ page }) => {
  await page.setViewportSize({ width: WIDTH, height: 740 });
  for (const path of ["/lapor", "/lapor?desa=33.14.07.2003", "/en/lapor", "/lapor/lacak", "/en/lapor/lacak"]) {
    await page.goto(path);
    await expect(main(page).locator("h1").first()).toBeVisible();
    await expectFitsPhone(page, path);
    const links = page.getByRole("navigation", { name: /Menu situs|Site menu/ }).getByRole("link");
    for (let i = 0; i < (await links.count()); i++) {
      const box = await links.nth(i).boundingBox();
      expect.soft(box && box.x >= 0 && box.x + box.width <= WIDTH + 0.5, `${path}: menu entry ${i}`).toBe(true);
    }
  }
});
