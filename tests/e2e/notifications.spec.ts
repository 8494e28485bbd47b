import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { ACCOUNTS, DEMO_PASSWORD, main, signInAndLand } from "./support";

/**
 * The inbox and the shell's unread count. Reports (issue 16) are not there yet, so the
 * notifications are written straight into the database, as notify() would write them, for an
 * account of this spec's own (other specs sign in with the shared demo logins at the same time),
 * in Kanim Sampit: the early-warning and tip specs file reports at Kanim Surakarta meanwhile, and
 * every officer of that office would be notified of them (the count would read 3, not 2).
 */
const QUIET_OFFICE_ACCOUNT = "admin.sampit@demo.imigrasi.go.id";
const db = new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 2 });
test.afterAll(() => db.end());

async function createOfficer(): Promise<{ id: string; email: string }> {
  const email = `notifikasi.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@contoh.imigrasi.go.id`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO app_user (id, email, name, role, office_id, password_hash, updated_at)
     SELECT gen_random_uuid(), $1, 'Petugas Notifikasi', 'OFFICE_OFFICER', office_id, $2, now() FROM app_user WHERE email = $3
     RETURNING id`,
    [email, await hashPassword(DEMO_PASSWORD), QUIET_OFFICE_ACCOUNT],
  );
  return { id: rows[0]!.id, email };
}

async function seedNotification(recipientId: string, kind: string, reference: string, minutesAgo: number): Promise<void> {
  await db.query(
    `INSERT INTO notification (id, recipient_id, kind, subject_type, subject_id, reference, dedupe_key, created_at)
     VALUES (gen_random_uuid(), $1, $2::"NotificationKind", 'warning', gen_random_uuid(), $3, gen_random_uuid()::text, now() - make_interval(mins => $4))`,
    [recipientId, kind, reference, minutesAgo],
  );
}

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a notification shows in the inbox with the unread count; marking it read clears the count", async ({ page }) => {
  const officer = await createOfficer();
  const stamp = Date.now().toString(36).toUpperCase();
  await seedNotification(officer.id, "REPORT_NEW", `LDB-${stamp}-1`, 10);
  await seedNotification(officer.id, "REPORT_ASSIGNED", `LDB-${stamp}-2`, 1);
  const someoneElse = (await db.query<{ id: string }>("SELECT id FROM app_user WHERE email = $1", [ACCOUNTS.officer])).rows[0]!.id;
  await seedNotification(someoneElse, "REPORT_OVERDUE", `LDB-${stamp}-X`, 0);

  await page.setViewportSize({ width: 360, height: 740 });
  await signInAndLand(page, officer.email);
  const link = page.getByTestId("notification-link");
  await expect(link.getByTestId("unread-count")).toHaveText("2");
  await expect(link).toHaveAccessibleName(/Notifikasi.*2 belum dibaca/);
  await link.click();
  await expect(page).toHaveURL(/\/portal\/notifikasi$/);

  const items = main(page).getByTestId("notification");
  await expect(items).toHaveCount(2);
  // newest first; only the kind and the reference, as a link to the report
  await expect(items.nth(0).getByRole("link")).toHaveText(`Laporan LDB-${stamp}-2 ditugaskan kepada Anda`);
  await expect(items.nth(1).getByRole("link")).toHaveText(`Laporan baru LDB-${stamp}-1`);
  await expect(main(page)).not.toContainText(`LDB-${stamp}-X`);
  await expectNoViolations(page);

  await main(page).getByRole("button", { name: `Tandai dibaca: LDB-${stamp}-2` }).click();
  await expect(page.getByTestId("unread-count")).toHaveText("1");
  await expect(items.nth(0)).not.toContainText("Belum dibaca");
  await expect(items.nth(1)).toContainText("Belum dibaca");

  // by keyboard: Tab from the status line reaches "mark all", Enter presses it
  const markAll = main(page).getByRole("button", { name: "Tandai semua dibaca" });
  await main(page).getByTestId("notification-total").click();
  await page.keyboard.press("Tab");
  await expect(markAll).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
  await expect(main(page).getByTestId("notification-total")).toHaveText("2 notifikasi, 0 belum dibaca");
  await expect(markAll).toHaveCount(0);
  await expectNoViolations(page);
});
