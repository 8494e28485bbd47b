import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, main, signInAndLand } from "./support";

/**
 * The national admin sets up the organisation: a Kanwil, an office with a work area, and a change
 * of work area that takes a regency (and its desa binaan) from another office, seeing which
 * villages move before confirming. At 360 px, the regency chosen by keyboard, axe-clean.
 */
const suffix = Math.random().toString(36).slice(2, 8);
const db = new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 2 });
test.afterAll(() => db.end());

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("the national admin creates a Kanwil, an office with a work area, and moves a regency with its villages", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAndLand(page, ACCOUNTS.national);

  // A Kanwil for a province that has none
  await page.goto("/portal/kantor");
  await main(page).getByRole("link", { name: "Kantor Wilayah (Kanwil)" }).click();
  await main(page).getByRole("link", { name: "Tambah Kanwil" }).click();
  await expect(page).toHaveURL(/\/portal\/kantor\/kanwil\/baru$/);
  const provinceCode = await main(page).getByLabel("Provinsi").inputValue();
  const kanwilName = `Kantor Wilayah Direktorat Jenderal Imigrasi Uji ${suffix}`;
  await main(page).getByLabel("Nama Kanwil").fill(kanwilName);
  await expectNoViolations(page);
  await main(page).getByRole("button", { name: "Simpan" }).click();
  await expect(page).toHaveURL(/\/portal\/kantor\/kanwil$/);
  await expect(main(page).getByRole("link", { name: kanwilName })).toBeVisible();

  // Another office of that Kanwil already holds a regency with a desa binaan (a fixture)
  const { rows: regencies } = await db.query<{ code: string; name: string }>(
    `SELECT r.code, r.name FROM regency r WHERE r.province_code = $1
        AND NOT EXISTS (SELECT 1 FROM office_regency o WHERE o.regency_code = r.code) ORDER BY r.code LIMIT 2`,
    [provinceCode],
  );
  expect(regencies).toHaveLength(2);
  const [mine, theirs] = regencies as [{ code: string; name: string }, { code: string; name: string }];
  const oldOffice = `Kantor Imigrasi Kelas II Non TPI Lama ${suffix}`;
  const { rows: [old] } = await db.query<{ id: string }>(
    `INSERT INTO office (id, slug, name, office_class, kanwil_id, province_code, updated_at)
     SELECT gen_random_uuid(), $1, $2, 'KELAS_II_NON_TPI', k.id, k.province_code, now() FROM kanwil k WHERE k.name = $3
     RETURNING id`,
    [`kanim-lama-${suffix}`, oldOffice, kanwilName],
  );
  await db.query(`INSERT INTO office_regency (office_id, regency_code) VALUES ($1, $2)`, [old!.id, theirs.code]);
  const { rows: [village] } = await db.query<{ id: string; village_name: string }>(
    `INSERT INTO desa_binaan (id, village_code, office_id, updated_at)
     SELECT gen_random_uuid(), v.code, $1, now() FROM village v
      WHERE v.regency_code = $2 AND NOT EXISTS (SELECT 1 FROM desa_binaan d WHERE d.village_code = v.code)
      ORDER BY v.code LIMIT 1
     RETURNING id, village_name`,
    [old!.id, theirs.code],
  );

  // A new office with a work area, from the office list's link
  await page.goto("/portal/kantor");
  await main(page).getByRole("link", { name: "Tambah kantor" }).click();
  await expect(page).toHaveURL(/\/portal\/kantor\/baru$/);
  const officeName = `Kantor Imigrasi Kelas II TPI Uji ${suffix}`;
  await main(page).getByLabel("Nama kantor").fill(officeName);
  await main(page).getByLabel("Kelas", { exact: true }).selectOption("KELAS_II_TPI");
  await main(page).getByLabel("Kantor Wilayah").selectOption({ label: kanwilName });
  await main(page).getByLabel("Provinsi", { exact: true }).selectOption(provinceCode);
  await main(page).getByLabel("Kepala kantor").fill("Kepala Uji");
  await main(page).getByRole("checkbox", { name: new RegExp(escape(mine.code)) }).check();
  await expect(main(page).getByRole("checkbox", { name: new RegExp(escape(theirs.code)) })).toBeDisabled();
  await expectNoViolations(page);
  await main(page).getByRole("button", { name: "Simpan" }).click();
  await expect(page).toHaveURL(/\/portal\/kantor\/[0-9a-f-]{36}$/);
  await expect(main(page).getByRole("heading", { name: officeName })).toBeVisible();
  await expect(main(page).getByText(mine.name).first()).toBeVisible();

  // Change the work area: take the other office's regency, by keyboard, and see what moves
  await main(page).getByRole("link", { name: "Ubah wilayah kerja" }).click();
  await expect(page).toHaveURL(/\/wilayah$/);
  const theirsBox = main(page).getByRole("checkbox", { name: new RegExp(escape(theirs.code)) });
  await expect(theirsBox).toBeEnabled();
  await theirsBox.focus();
  await page.keyboard.press("Space");
  await expect(theirsBox).toBeChecked();
  await main(page).getByRole("button", { name: "Tinjau perubahan" }).click();
  const plan = main(page).getByRole("region", { name: "Yang akan berubah" });
  await expect(plan.getByText(`${theirs.name} (dari ${oldOffice})`)).toBeVisible();
  const row = plan.getByRole("row", { name: new RegExp(escape(village!.village_name)) });
  await expect(row).toContainText(oldOffice);
  await expect(row).toContainText(officeName);
  await expectNoViolations(page);
  await plan.getByRole("button", { name: "Konfirmasi perubahan" }).click();
  await expect(main(page).getByText("Wilayah kerja diperbarui; 1 desa binaan dipindahkan.")).toBeVisible();

  const { rows: [moved] } = await db.query<{ name: string }>(
    `SELECT o.name FROM desa_binaan d JOIN office o ON o.id = d.office_id WHERE d.id = $1`,
    [village!.id],
  );
  expect(moved!.name).toBe(officeName);
  const { rows: audit } = await db.query(`SELECT 1 FROM audit_log WHERE action = 'office.work_area_change' AND changes::text LIKE $1`, [
    `%${village!.id}%`,
  ]);
  expect(audit).toHaveLength(1);
});
