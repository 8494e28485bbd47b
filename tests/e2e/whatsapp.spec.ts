import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

/** Issue 17, part 2: prefilled WhatsApp messages (ADR 0026). Nothing is sent; links are checked. */

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The text a wa.me link carries. */
async function textOf(link: Locator): Promise<string> {
  const href = (await link.getAttribute("href"))!;
  return decodeURIComponent(href.split("?text=")[1]!);
}

const WIB_DAY = 86_400_000;

test("an officer words the invitation, a wrong placeholder is refused by name, and the session page offers wa.me links with that text", async ({ page }) => {
  // two pages checked with axe, a template saved, a session created: long on two busy cores
  test.slow();
  const stamp = Date.now();
  const title = `Sosialisasi WA uji ${stamp}`;
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAndLand(page, ACCOUNTS.officer);

  await page.goto("/portal/kegiatan/pesan-whatsapp");
  await expect(main(page).getByRole("heading", { level: 1, name: "Teks pesan WhatsApp" })).toBeVisible();
  await expectNoViolations(page);
  const invitation = main(page).locator("section").filter({ has: page.getByRole("heading", { name: "Undangan", exact: true }) });
  const body = invitation.getByLabel("Teks: Undangan");
  await body.fill("Halo {judl}, materi {materi}");
  await invitation.getByRole("button", { name: "Simpan teks" }).click();
  await expect(invitation.getByText("{judl} bukan isian yang dikenal.", { exact: false })).toBeVisible();
  await expect(invitation.getByText("{materi} hanya bisa dipakai di pesan tindak lanjut", { exact: false })).toBeVisible();
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page);

  await body.fill(`Undangan uji ${stamp}: *{judul}* untuk Desa {desa}, {tanggal} pukul {jam} {zona} di {tempat}. Hadir: {tautan_hadir}`);
  await invitation.getByRole("button", { name: "Simpan teks" }).click();
  await expect(invitation.getByRole("status")).toHaveText("Teks disimpan.", { timeout: 20_000 });
  await expect(invitation.getByText("Teks kantor ini.")).toBeVisible();

  // A session tomorrow (Cemeng is in Jawa Tengah: WIB), so the reminder is due too.
  const tomorrow = new Date(Date.now() + 7 * 3_600_000 + WIB_DAY).toISOString().slice(0, 10);
  await page.goto("/portal/kegiatan/baru");
  await main(page).getByLabel("Judul").fill(title);
  await main(page).getByLabel("Tempat", { exact: true }).fill("Balai Desa Cemeng");
  await main(page).getByLabel("Mulai (WIB)").fill(`${tomorrow}T09:00`);
  await main(page).getByLabel("Selesai (WIB)").fill(`${tomorrow}T12:00`);
  await main(page).getByRole("checkbox", { name: /Cemeng/ }).first().check();
  await main(page).getByRole("button", { name: "Jadwalkan", exact: true }).click();
  // creating the session and rendering its page can take a while on a loaded machine
  await expect(main(page).getByRole("heading", { level: 1 })).toContainText(title, { timeout: 30_000 });

  const section = main(page).locator("#whatsapp");
  await expect(section.getByRole("heading", { name: "Pesan WhatsApp" })).toBeVisible();
  const invite = section.getByTestId("wa-INVITATION");
  const toSri = invite.getByRole("link", { name: /^Kirim undangan ke Sri Wahyuni, Desa Cemeng/i });
  await expect(toSri).toHaveAttribute("href", /^https:\/\/wa\.me\/6281200000101\?text=/);
  const date = new Intl.DateTimeFormat("id-ID", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Jakarta" }).format(
    new Date(`${tomorrow}T02:00:00Z`),
  );
  const text = await textOf(toSri);
  expect(text).toMatch(new RegExp(`^Undangan uji ${stamp}: \\*${title}\\* untuk Desa Cemeng, ${date} pukul 09\\.00–12\\.00 WIB di Balai Desa Cemeng\\. Hadir: http://[^ ]+/hadir/[0-9A-Z]+$`, "i"));
  // the text is percent-encoded: no raw spaces or "+" for spaces in the link
  expect(await toSri.getAttribute("href")).not.toMatch(/[ +]/);
  await expect(invite.getByRole("link", { name: /^Kirim undangan ke Puji Lestari/ })).toHaveAttribute("href", /^https:\/\/wa\.me\/6281200000102\?text=/);
  await expect(invite.getByLabel("Teks untuk grup: Undangan")).toHaveValue(new RegExp(`^Undangan uji ${stamp}: \\*${title}\\* untuk Desa Cemeng,`, "i"));
  await expect(invite.getByRole("button", { name: "Salin teks" })).toBeVisible();

  const reminder = section.getByTestId("wa-REMINDER");
  expect(await textOf(reminder.getByRole("link", { name: /^Kirim pengingat ke Sri Wahyuni/ }))).toContain(`Pengingat: besok, ${date} pukul 09.00–12.00 WIB, kegiatan *${title}*`);
  await expect(section.getByTestId("wa-FOLLOW_UP")).toHaveCount(0);
  await expectNoViolations(page);

  // The English texts, from the built-in English template.
  await page.goto(`${page.url().split("#")[0]}?pesan=en`);
  expect(await textOf(main(page).getByTestId("wa-INVITATION").getByRole("link", { name: /^Kirim undangan ke Sri Wahyuni/ }))).toContain(`invites you and the villagers to *${title}*`);
});

test("after a session the follow-up links to the material, and a village account sees no messages", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await page.goto("/portal/kegiatan?dari=2023-09-12&sampai=2023-09-12");
  const href = await main(page).getByRole("link", { name: "Sosialisasi Desa Binaan Imigrasi" }).first().getAttribute("href");
  await page.goto(href!);
  const followUp = main(page).getByTestId("wa-FOLLOW_UP");
  const toSri = followUp.getByRole("link", { name: /^Kirim tindak lanjut ke Sri Wahyuni, Desa Cemeng/i });
  const text = await textOf(toSri);
  expect(text).toMatch(/^Terima kasih atas kehadiran Desa Cemeng pada kegiatan \*Sosialisasi Desa Binaan Imigrasi\* \(Selasa, 12 September 2023\)\./i);
  expect(text).toMatch(/Materi kegiatan dapat dibaca kembali di: http:\/\/[^ ]+\/materi\n/);
  await expect(main(page).getByTestId("wa-INVITATION")).toHaveCount(0);

  await page.context().clearCookies();
  await signInAndLand(page, ACCOUNTS.village);
  await page.goto(href!);
  await expect(main(page).getByRole("heading", { level: 1 })).toContainText("Sosialisasi Desa Binaan Imigrasi");
  await expect(main(page).locator("#whatsapp")).toHaveCount(0);
  expect((await page.goto("/portal/kegiatan/pesan-whatsapp"))?.status()).toBe(404);
});
