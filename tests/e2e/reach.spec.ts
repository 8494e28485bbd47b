import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Issue 18: the village widget, badge and embed snippets, the searchable village list.
const CEMENG = "33.14.07.2003"; // Desa Cemeng, Sragen (lib/factories/reserved-villages.ts)

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A page of "a village website" on another origin (another port), framing our pages. */
async function villageSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("the widget and the badge work inside a page of another origin; other pages refuse to be framed", async ({ page, baseURL }) => {
  const site = await villageSite(`<!doctype html><html lang="id"><head><title>Situs Desa Cemeng</title></head><body>
    <h1>Situs Desa Cemeng</h1>
    <iframe id="widget" title="Desa Binaan Imigrasi" src="${baseURL}/desa/${CEMENG}/widget" width="360" height="380"></iframe>
    <a href="${baseURL}/desa/${CEMENG}"><img id="badge" src="${baseURL}/desa/${CEMENG}/lencana.svg" alt="Lencana"></a>
    <iframe id="profile" title="Profil" src="${baseURL}/desa/${CEMENG}"></iframe>
    <iframe id="home" title="Beranda" src="${baseURL}/"></iframe>
  </body></html>`);
  try {
    await page.goto(site.url);
    const widget = page.frameLocator("#widget");
    await expect(widget.locator("h1")).toHaveText("Cemeng");
    await expect(widget.getByTestId("widget-stage")).not.toBeEmpty();
    await expect(widget.getByRole("link", { name: "Panduan bekerja ke luar negeri dengan aman" })).toHaveAttribute("target", "_blank");
    await expect.poll(() => page.locator("#badge").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
    // The profile and the home page are refused: Chromium shows its error page in their frames.
    for (const id of ["#profile", "#home"]) {
      await expect(page.frameLocator(id).locator("main")).toHaveCount(0);
    }
    const framedUrls = page.frames().map((f) => f.url());
    expect(framedUrls.filter((u) => u.startsWith(baseURL!))).toEqual([`${baseURL}/desa/${CEMENG}/widget`]);
  } finally {
    await site.close();
  }
});

test("the widget is counts only and the badge names the stage", async ({ request }) => {
  const widget = await request.get(`/desa/${CEMENG}/widget`);
  expect(widget.status()).toBe(200);
  expect(widget.headers()["x-frame-options"]).toBeUndefined();
  expect(widget.headers()["content-security-policy"]).toContain("frame-ancestors *");
  const html = await widget.text();
  // The demo's liaison and attendees of Cemeng (lib/seed/demo.ts) never appear.
  expect(html).not.toMatch(/Sekretaris Desa Cemeng|628\d{8,}|tel:/);
  const badge = await request.get(`/desa/${CEMENG}/lencana.svg`);
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  expect(await badge.text()).toMatch(/<title>Desa Binaan Imigrasi Cemeng: \w+/);
  expect((await request.get("/desa/99.99.99.9999/lencana.svg")).status()).toBe(404);
  const profile = await request.get(`/desa/${CEMENG}`);
  expect(profile.headers()["x-frame-options"]).toBe("DENY");
});

test("the village profile offers the snippets to copy, and the widget passes axe at 360 px", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/desa/${CEMENG}`);
  await expect(page.getByLabel("Kotak informasi (iframe)")).toHaveValue(new RegExp(`<iframe src="[^"]+/desa/${CEMENG}/widget"`));
  await expect(page.getByLabel("Lencana (gambar)")).toHaveValue(new RegExp(`/desa/${CEMENG}/lencana.svg`));
  await expect(page.getByLabel("Data terbuka (JSON)")).toHaveValue(new RegExp(`/api/publik/v1/desa/${CEMENG}$`));
  await expectNoAxeViolations(page);
  await page.goto(`/desa/${CEMENG}/widget`);
  await expectNoAxeViolations(page);
});

test("the village list searches by name and code, filters by province, and passes axe", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/desa");
  await expectNoAxeViolations(page);
  const main = page.locator("main");
  await main.getByLabel("Cari desa (nama atau kode Kemendagri)").fill("cemeng");
  await main.getByRole("button", { name: "Cari" }).click();
  await expect(page).toHaveURL(/\/desa\/cari\?q=cemeng/);
  await expect(main.getByRole("link", { name: "Cemeng", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/desa/cari?q=33.14.07");
  await expect(main.getByRole("link", { name: "Cemeng", exact: true })).toBeVisible();
  await page.goto("/desa/cari?provinsi=62");
  await expect(main.getByRole("link", { name: "Cemeng", exact: true })).toHaveCount(0);
  await expect(main.locator("h2").first()).toBeVisible();
  // The 15 Tanjung Raja villages were reached by the sosialisasi at the district office.
  await page.goto("/desa/cari?q=16.10");
  const reached = await main.locator("li").allTextContents();
  expect(reached.length).toBeGreaterThan(0);
  expect(reached.every((text) => !/Warga terjangkau: 0\b/.test(text))).toBe(true);
});

test("the open data API answers with CORS from the built app", async ({ request }) => {
  const response = await request.get(`/api/publik/v1/desa/${CEMENG}`, { headers: { Origin: "https://desa-cemeng.example" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(await response.json()).toMatchObject({ code: CEMENG, name: "Cemeng" });
  expect((await request.get("/api/publik/v1/openapi.json")).status()).toBe(200);
});

test("a material with a recording shows a native player with its duration and size; the file seeks", async ({ page, request }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/materi/bekerja-ke-luar-negeri-secara-prosedural");
  const main = page.locator("main");
  await expect(main.getByRole("heading", { name: "Dengarkan" })).toBeVisible();
  await expect(main.locator("audio[controls][preload=none]")).toHaveCount(1);
  await expect(main.getByText(/Rekaman suara, \d+:\d\d \(\d+ KB\)/)).toBeVisible();
  // The text stays: the body follows the player.
  await expect(main.getByText("Bekerja ke luar negeri adalah hak setiap warga negara", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  const src = await main.locator("audio source").getAttribute("src");
  const whole = await request.get(src!);
  expect(whole.headers()["content-type"]).toBe("audio/ogg");
  expect(whole.headers()["accept-ranges"]).toBe("bytes");
  const part = await request.get(src!, { headers: { Range: "bytes=0-99" } });
  expect(part.status()).toBe(206);
  expect((await part.body()).byteLength).toBe(100);
});

test("the guide's hotlines and offices can be tapped, and the office directory is searchable by regency", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/panduan");
  const main = page.locator("main");
  await expect(main.getByRole("link", { name: "Telepon 0800-1000" })).toHaveAttribute("href", "tel:08001000");
  await expect(main.getByRole("link", { name: "WhatsApp 08111-129-129" })).toHaveAttribute("href", "https://wa.me/628111129129");
  await expect(main.getByTestId("office-card").filter({ hasText: "Surakarta" }).first()).toContainText("Sragen");
  await main.getByLabel("Cari Kantor Imigrasi menurut kabupaten/kota").fill("sragen");
  await main.getByRole("button", { name: "Cari kantor" }).click();
  await expect(page).toHaveURL(/\/panduan\/kantor\?wilayah=sragen/);
  await expect(main.getByTestId("office-card")).toHaveCount(1);
  await expect(main.getByTestId("office-card")).toContainText("Kantor Imigrasi Kelas I TPI Surakarta");
  await expectNoAxeViolations(page);
  await page.goto("/panduan/kantor?wilayah=tidak-ada-kabupaten");
  await expect(main.getByRole("status")).toContainText("Tidak ada Kantor Imigrasi");
  // The village profile names its office with the same card.
  await page.goto(`/desa/${CEMENG}`);
  await expect(main.getByTestId("office-card")).toContainText("Kantor Imigrasi Kelas I TPI Surakarta");
});

test("feeds per category and per office; the home page links its feed", async ({ request, page }) => {
  const tppo = await request.get("/feed.xml?kategori=tppo");
  expect(tppo.status()).toBe(200);
  const xml = await tppo.text();
  expect(xml).toContain('term="tppo"');
  expect(xml).not.toMatch(/term="(?!tppo")/);
  expect((await request.get("/feed.xml?kantor=kanim-surakarta")).status()).toBe(200);
  expect((await request.get("/feed.xml?kantor=tidak-ada")).status()).toBe(404);
  expect((await request.get("/feed.xml?kategori=tidak-ada")).status()).toBe(404);
  await page.goto("/materi/kategori/tppo");
  await expect(page.locator('link[rel=alternate][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.xml\?kategori=tppo$/);
  await page.goto("/");
  await expect(page.locator('link[rel=alternate][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
});
