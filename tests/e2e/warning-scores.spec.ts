import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, main, signInAndLand } from "./support";

/**
 * Early-warning scores (ADR 0024): the dashboard's red flag leads to the queue's overdue filter,
 * the SLA view works at 360 px, by keyboard and without axe violations, and an office sees its
 * own row only.
 */
const db = new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 2 });
let reportId: string;

test.beforeAll(async () => {
  // an overdue report of the Surakarta office: filed two days ago, never answered
  const { rows } = await db.query<{ id: string }>(`
    INSERT INTO warning_report (id, ticket_code, source, category, description, occurred_on, province_code, office_id, kanwil_id,
      filed_at, filed_month, sla_hours, warn_at, due_at, updated_at)
    SELECT gen_random_uuid(), 'DD-E2E' || substr(md5(random()::text), 1, 6), 'OFFICER', 'RECRUITER', 'uji skor e2e', current_date - 2,
      o.province_code, o.id, o.kanwil_id, now() - interval '48 hours',
      date_trunc('month', (now() - interval '48 hours') AT TIME ZONE 'Asia/Jakarta')::date, 24,
      now() - interval '30 hours', now() - interval '24 hours', now()
    FROM office o WHERE o.slug = 'kanim-surakarta'
    RETURNING id`);
  reportId = rows[0]!.id;
});

test.afterAll(async () => {
  await db.query("DELETE FROM warning_report WHERE id = $1", [reportId]);
  await db.end();
});

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the office dashboard flags the overdue report and links to the queue's overdue filter", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await page.goto("/portal/dasbor");
  await expect(page.getByTestId("warning-overdue")).not.toHaveText("0");
  await expect(page.getByTestId("warning-overdue-link")).toHaveAttribute("href", "/portal/deteksi?tanda=terlambat");
});

test("the national SLA view at 360 px, by keyboard, without axe violations", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAndLand(page, ACCOUNTS.national);
  await page.goto("/portal/deteksi/sla?period=month");
  await expect(main(page).locator("h1")).toBeVisible();
  // nationally one row per Kanwil, each leading to its offices
  await expect(page.getByTestId("sla-kanwil-row").first()).toBeVisible();
  await expect(page.getByTestId("sla-office-row")).toHaveCount(0);
  await expectNoViolations(page);
  // the page itself does not scroll sideways; the table scrolls inside its region
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // sort by overdue with the keyboard
  const sort = page.getByTestId("sort-overdue");
  await sort.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/urut=terlambat/);
  const firstOverdue = page.getByTestId("sla-office-row").first().locator("td").last();
  await expect(firstOverdue).not.toHaveText("0");
  await expect(page.getByTestId("sla-office-row").first()).toContainText(/Surakarta/i);
  await expectNoViolations(page);
  // a Kanwil's offices, from the province filter
  await page.goto("/portal/deteksi/sla?province=33");
  await expect(page.getByTestId("sla-office-row").filter({ hasText: /Surakarta/i })).toHaveCount(1);
});

test("an office sees its own row only; a village account does not see the view", async ({ page, browser }) => {
  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await page.goto("/portal/deteksi/sla");
  await expect(page.getByTestId("sla-office-row")).toHaveCount(1);
  await expect(page.getByTestId("sla-office-row")).toContainText(/Surakarta/i);
  const context = await browser.newContext();
  const village = await context.newPage();
  await signInAndLand(village, ACCOUNTS.village);
  const res = await village.goto("/portal/deteksi/sla");
  expect(res?.status()).toBe(404);
  await context.close();
});
