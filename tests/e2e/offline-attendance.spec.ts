import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

/** A new session of the officer's office, through the form; answers its page's URL. */
async function scheduleSession(page: Page, title: string): Promise<string> {
  await page.goto("/portal/kegiatan/baru");
  await main(page).getByLabel("Judul").fill(title);
  await main(page).getByLabel("Tempat", { exact: true }).fill("Balai Desa Cemeng");
  await main(page).getByLabel("Mulai (WIB)").fill("2026-12-12T09:00");
  await main(page).getByLabel("Selesai (WIB)").fill("2026-12-12T12:00");
  await main(page).getByRole("button", { name: "Jadwalkan", exact: true }).click();
  // a production page on two busy cores: creating and rendering can take several seconds
  await expect(main(page).getByRole("heading", { level: 1 })).toContainText(title, { timeout: 20_000 });
  return page.url();
}

/** The records this browser keeps for the session, as its queue holds them (IndexedDB). */
function queuedRecords(page: Page, eventId: string) {
  return page.evaluate(
    (id) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open("desa-binaan-offline");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("records").objectStore("records").index("byEvent").getAll(id);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
      }),
    eventId,
  );
}

test.beforeEach(async ({ page }) => {
  // Chromium reports navigator.onLine = false when loopback is its only interface (a bare network
  // namespace); the page then rightly never asks the service worker to keep it (see .ci/run).
  expect(await page.evaluate(() => navigator.onLine), "the browser sees no network besides loopback").toBe(true);
});

test("an officer records 5 attendees with the network cut, reloads, goes online: exactly 5 stored, and a repeated sync still 5", async ({ page, context }) => {
  // two sign-ins (argon2) and a service worker install on two busy cores
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAndLand(page, ACCOUNTS.officer);
  const eventUrl = await scheduleSession(page, `Sosialisasi luring uji ${Date.now()}`);
  const eventId = eventUrl.split("/").pop()!;

  await main(page).getByRole("link", { name: "Daftar hadir luring (tanpa sinyal)" }).click();
  await expect(page).toHaveURL(/\/luring$/);
  // the service worker has kept the page and its scripts
  await expect(page.getByTestId("kept")).toHaveText("Halaman ini siap dibuka tanpa sinyal.", { timeout: 30_000 });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await context.setOffline(true);
  await expect(page.getByTestId("connection")).toContainText("Luring");
  const form = main(page).locator("form", { has: page.getByRole("button", { name: "Simpan peserta" }) });
  for (let i = 1; i <= 5; i++) {
    await form.getByLabel("Nama", { exact: true }).fill(`Peserta Luring ${i}`);
    await form.getByRole("button", { name: "Simpan peserta" }).click();
    await expect(main(page).getByText(`Peserta Luring ${i} disimpan di ponsel.`)).toBeVisible();
  }
  // the keyboard path: the name field has the focus again after each record
  await expect(form.getByLabel("Nama", { exact: true })).toBeFocused();
  await expect(page.getByTestId("queue-summary")).toHaveText("5 menunggu, 0 terkirim, 0 ditolak");

  // reload with no connection at all: the page comes from the service worker, the queue from IndexedDB
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Daftar hadir luring");
  await expect(page.getByTestId("queue-summary")).toHaveText("5 menunggu, 0 terkirim, 0 ditolak");
  await expect(page.locator("[data-testid=queue] tbody tr[data-state=waiting]")).toHaveCount(5);

  await context.setOffline(false);
  await expect(page.getByTestId("queue-summary")).toHaveText("0 menunggu, 5 terkirim, 0 ditolak", { timeout: 20_000 });

  // the same records sent again (a lost answer, a second tap): nothing is stored twice
  const records = await queuedRecords(page, eventId);
  expect(records).toHaveLength(5);
  const replay = await page.request.post(`/api/kegiatan/${eventId}/sinkron`, {
    headers: { accept: "application/json" },
    data: { records: (records as { clientId: string; kind: string; takenAt: string; data: unknown }[]).map(({ clientId, kind, takenAt, data }) => ({ clientId, kind, takenAt, data })) },
  });
  expect(replay.status()).toBe(200);
  expect(((await replay.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(Array(5).fill("duplicate"));

  await page.goto(eventUrl);
  await expect(page.getByTestId("attendance-total")).toHaveText("5");

  // another office's admin replaying the batch: refused whole, nothing written
  await context.clearCookies();
  await signInAndLand(page, ACCOUNTS.otherOfficeAdmin);
  const forged = await page.request.post(`/api/kegiatan/${eventId}/sinkron`, {
    headers: { accept: "application/json" },
    data: { records: [{ clientId: crypto.randomUUID(), kind: "attendee", takenAt: new Date().toISOString(), data: { name: "Palsu", category: "WARGA" } }] },
  });
  expect(forged.status()).toBe(404);
});

test("a session cancelled while the officer was offline: the queued record is refused with the reason, not lost", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAndLand(page, ACCOUNTS.officer);
  const eventUrl = await scheduleSession(page, `Pendampingan luring uji ${Date.now()}`);
  await page.goto(`${eventUrl}/luring`);
  await expect(page.getByTestId("kept")).toHaveText("Halaman ini siap dibuka tanpa sinyal.", { timeout: 30_000 });
  await page.context().setOffline(true);
  const form = main(page).locator("form", { has: page.getByRole("button", { name: "Simpan peserta" }) });
  await form.getByLabel("Nama", { exact: true }).fill("Peserta Tertolak");
  await form.getByRole("button", { name: "Simpan peserta" }).click();
  // counts too, and a bad one is refused on the phone before it is queued
  const counts = main(page).locator("form", { has: page.getByRole("button", { name: "Simpan jumlah" }) });
  await counts.getByRole("button", { name: "Simpan jumlah" }).click();
  await expect(counts.getByText("Isi setidaknya satu jumlah.")).toBeVisible();
  await counts.getByLabel("Laki-laki").fill("4");
  await counts.getByRole("button", { name: "Simpan jumlah" }).click();
  await expect(page.getByTestId("queue-summary")).toHaveText("2 menunggu, 0 terkirim, 0 ditolak");

  // meanwhile the office admin cancels the session
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInAndLand(adminPage, ACCOUNTS.officeAdmin);
  await adminPage.goto(eventUrl);
  const cancel = main(adminPage).locator("details", { has: adminPage.getByText("Batalkan kegiatan", { exact: true }) });
  await cancel.locator("summary").click();
  await cancel.getByLabel("Alasan").fill("Banjir");
  await cancel.getByRole("button", { name: "Batalkan kegiatan" }).click();
  // the page re-renders as cancelled (the form is gone): its reason is shown
  await expect(main(adminPage).getByText("Alasan: Banjir")).toBeVisible({ timeout: 20_000 });
  await admin.close();

  await page.context().setOffline(false);
  await expect(page.getByTestId("queue-summary")).toHaveText("0 menunggu, 0 terkirim, 2 ditolak", { timeout: 20_000 });
  await expect(main(page).getByText("Kegiatan ini sudah dibatalkan.").first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Peserta Tertolak" })).toBeVisible();
});
