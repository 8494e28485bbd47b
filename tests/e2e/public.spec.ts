import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

// Seeded by lib/seed/demo.ts: two published texts (one with an English translation), one draft.
const PUBLISHED_ID = "kenali-tanda-perekrut-tppo";
const PUBLISHED_EN = "recognising-a-trafficking-recruiter";
const DRAFT = "mengenal-tppm-penyelundupan-manusia";
// A 1x1 PNG and a minimal PDF.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const CEMENG = "33.14.07.2003"; // Desa Cemeng, Sragen (lib/factories/reserved-villages.ts)

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const PUBLIC_PAGES = [
  "/",
  "/en",
  "/materi",
  "/en/materi",
  "/materi/kategori/tppo",
  "/materi/cari?q=paspor",
  `/materi/${PUBLISHED_ID}`,
  `/en/materi/${PUBLISHED_EN}`,
  // A short link to its translation inside a sentence: told apart by more than colour (WCAG 1.4.1).
  "/materi/perjalanan-saat-berangkat",
  "/panduan",
  "/en/panduan",
  "/perjalanan",
  "/en/perjalanan",
  "/agensi",
  "/en/agensi?q=sejahtera",
  "/desa",
  `/desa/${CEMENG}`,
  `/en/desa/${CEMENG}`,
  "/halaman-yang-tidak-ada",
];

test.describe("axe-core finds nothing on any public page", () => {
  for (const path of PUBLIC_PAGES) {
    test(path, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(path === "/halaman-yang-tidak-ada" ? 404 : 200);
      await expect(page.locator("h1").first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

test("public pages are Indonesian by default and English under /en, with the html lang to match", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(main(page).getByRole("heading", { name: "Latest materials" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a material page, the library search and the guide are readable", async ({ page }) => {
    await page.goto(`/materi/${PUBLISHED_ID}`);
    await expect(main(page).getByRole("heading", { level: 1 })).toHaveText("Kenali Tanda-Tanda Perekrut Perdagangan Orang");
    await expect(main(page).getByText("0800-1000").first()).toBeVisible();
    await page.goto("/materi");
    await page.getByRole("searchbox").fill("paspor");
    await page.getByRole("button", { name: "Cari" }).click();
    await expect(page).toHaveURL(/\/materi\/cari\?q=paspor/);
    await expect(main(page).getByRole("link", { name: "Membuat Paspor lewat Aplikasi M-Paspor" })).toBeVisible();
    await page.goto("/panduan");
    await expect(main(page).getByRole("heading", { name: "Kontak resmi" })).toBeVisible();
  });
});

test("a material page carries Open Graph tags, a WhatsApp share link and its translation", async ({ page }) => {
  await page.goto(`/materi/${PUBLISHED_ID}`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Kenali Tanda-Tanda Perekrut Perdagangan Orang");
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", new RegExp(`/en/materi/${PUBLISHED_EN}$`));
  await expect(main(page).getByRole("link", { name: "Bagikan ke WhatsApp" })).toHaveAttribute("href", /^https:\/\/wa\.me\/\?text=/);
  await expect(main(page).getByRole("link", { name: "Recognising a Human Trafficking Recruiter" })).toBeVisible();
});

test("a draft is nowhere public: not its page, the library, the feed or the sitemap", async ({ page, request }) => {
  expect((await page.goto(`/materi/${DRAFT}`))?.status()).toBe(404);
  await page.goto("/materi");
  await expect(main(page).getByRole("link", { name: "Mengenal TPPM: Penyelundupan Manusia" })).toHaveCount(0);
  const feed = await request.get("/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const feedText = await feed.text();
  expect(feedText).toContain(PUBLISHED_ID);
  expect(feedText).not.toContain(DRAFT);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/materi/${PUBLISHED_ID}`);
  expect(sitemap).not.toContain(DRAFT);
  expect(await (await request.get("/robots.txt")).text()).toContain("Sitemap:");
});

test("a village profile shows counts and stage, never a person", async ({ page }) => {
  await page.goto(`/desa/${CEMENG}`);
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText("Cemeng");
  await expect(page.getByTestId("village-sessions")).toHaveText(/^\d+$/);
  await expect(page.getByTestId("village-people")).toHaveText(/^\d+$/);
  // No phone number pattern anywhere in the main content.
  expect(await main(page).innerText()).not.toMatch(/(\+62|08)\d{8,}/);
});

test("an officer writes material with an XSS payload; the preview and the published page execute nothing", async ({ browser }) => {
  const newPage = async () => (await browser.newContext()).newPage();
  const slug = `uji-xss-${Date.now()}`;
  const payload = [
    "## Judul aman",
    '<img src=x onerror="window.__xss=1">',
    "<script>window.__xss=1</script>",
    "[klik](javascript:window.__xss=1)",
    '<svg onload="window.__xss=1"></svg>',
  ].join("\n\n");
  const officer = await newPage();
  let dialogs = 0;
  officer.on("dialog", (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await signInAndLand(officer, ACCOUNTS.officer);
  await officer.goto("/portal/materi/baru");
  await main(officer).getByLabel("Judul").fill("Uji keamanan materi");
  await main(officer).getByLabel("Slug (alamat halaman)").fill(slug);
  await main(officer).getByLabel("Isi (Markdown)").fill(payload);
  const preview = officer.getByTestId("material-preview");
  await expect(preview.getByRole("heading", { name: "Judul aman" })).toBeVisible();
  expect(await preview.innerHTML()).not.toMatch(/<script|onerror|onload|javascript:/i);
  await main(officer).getByRole("button", { name: "Simpan" }).click();
  await expect(officer).toHaveURL(/\/portal\/materi\/[0-9a-f-]{36}$/);
  const editUrl = officer.url();
  await expect(officer.getByTestId("material-status")).toHaveText("Draf");
  // An officer may not publish.
  await expect(main(officer).getByRole("button", { name: "Terbitkan" })).toHaveCount(0);

  // A cover and a PDF go up through the server action; a text file posing as a PDF does not.
  await main(officer).getByLabel("Gambar sampul (JPEG, PNG, WebP, maks. 2 MB)").setInputFiles({ name: "sampul.png", mimeType: "image/png", buffer: PNG });
  await main(officer).getByRole("button", { name: "Unggah" }).first().click();
  await expect(main(officer).getByRole("img", { name: "Sampul saat ini" })).toBeVisible();
  const pdfInput = main(officer).getByLabel("Lampiran PDF (maks. 10 MB)");
  await pdfInput.setInputFiles({ name: "palsu.pdf", mimeType: "application/pdf", buffer: Buffer.from("bukan pdf") });
  await main(officer).getByRole("button", { name: "Unggah" }).nth(1).click();
  await expect(main(officer).getByText("Lampiran harus berkas PDF.")).toBeVisible();
  await pdfInput.setInputFiles({ name: "panduan.pdf", mimeType: "application/pdf", buffer: PDF });
  await main(officer).getByLabel("Judul lampiran").fill("Panduan singkat");
  await main(officer).getByRole("button", { name: "Unggah" }).nth(1).click();
  await expect(main(officer).getByRole("link", { name: "Panduan singkat" })).toBeVisible();

  // Not public while a draft.
  const anonymous = await newPage();
  expect((await anonymous.goto(`/materi/${slug}`))?.status()).toBe(404);

  // Another office's admin cannot even open it.
  const other = await newPage();
  await signInAndLand(other, ACCOUNTS.otherOfficeAdmin);
  expect((await other.goto(editUrl))?.status()).toBe(404);

  // The office admin publishes it.
  const admin = await newPage();
  await signInAndLand(admin, ACCOUNTS.officeAdmin);
  await admin.goto(editUrl);
  await main(admin).getByRole("button", { name: "Terbitkan" }).click();
  await expect(admin.getByTestId("material-status")).toHaveText("Terbit");

  anonymous.on("dialog", (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  expect((await anonymous.goto(`/materi/${slug}`))?.status()).toBe(200);
  const article = main(anonymous).locator(".prose-material");
  await expect(article.getByRole("heading", { name: "Judul aman" })).toBeVisible();
  expect(await article.innerHTML()).not.toMatch(/<script|onerror|onload|javascript:|<svg/i);
  expect(await anonymous.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
  await expectNoAxeViolations(anonymous);
  // The published material's files are public and long-cached.
  const pdfHref = await main(anonymous).getByRole("link", { name: /Panduan singkat/ }).getAttribute("href");
  const coverSrc = await main(anonymous).locator("article img").first().getAttribute("src");
  for (const [href, type] of [[pdfHref, "application/pdf"], [coverSrc, "image/png"]] as const) {
    const file = await anonymous.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe(type);
    expect(file.headers()["cache-control"]).toContain("immutable");
  }

  // Unpublishing takes it off the public site again.
  await main(admin).getByRole("button", { name: "Tarik dari situs" }).click();
  await expect(admin.getByTestId("material-status")).toHaveText("Ditarik");
  expect((await anonymous.goto(`/materi/${slug}`))?.status()).toBe(404);
  expect((await anonymous.request.get(pdfHref!)).status()).toBe(404);
});

test("every public page links the Atom feed, including those that set their own alternates", async ({ page }) => {
  for (const path of ["/", "/en", "/materi", "/panduan", "/desa", `/materi/${PUBLISHED_ID}`]) {
    await page.goto(path);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]'), path).toHaveAttribute("href", /\/feed\.xml$/);
  }
});

test("a material page, with or without a recording, is HTML and CSS only: no script is sent or run", async ({ page }) => {
  // docs/decisions/0032: the reading pages cost a cheap phone nothing to start.
  const WITH_AUDIO = "bekerja-ke-luar-negeri-secara-prosedural";
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  for (const path of [`/materi/${WITH_AUDIO}`, `/materi/${PUBLISHED_ID}`, `/en/materi/${PUBLISHED_EN}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(main(page).getByRole("heading", { level: 1 }), path).toBeVisible();
    expect(await page.locator("script").count(), `${path} has no <script>`).toBe(0);
    expect(await page.locator('link[rel="preload"][as="script"], link[rel="modulepreload"]').count(), path).toBe(0);
  }
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto(`/materi/${WITH_AUDIO}`);
  await expect(main(page).locator("audio[controls] source")).toHaveAttribute("src", /^\/berkas\//);
  expect(scripts).toEqual([]);
});
