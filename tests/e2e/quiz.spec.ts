import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** "YYYY-MM-DDTHH:MM" in WIB (UTC+7), `minutes` from now. */
function wibLocal(minutes: number) {
  return new Date(Date.now() + minutes * 60_000 + 7 * 3_600_000).toISOString().slice(0, 16);
}

test("an officer writes a quiz and attaches it to a session, an attendee answers on a phone, and the officer sees the gain", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const quizTitle = `Kuis TPPO uji ${stamp}`;
  const questions = ["Siapa yang boleh merekrut pekerja migran?", "Apa yang wajib ada sebelum berangkat?", "Ke mana melapor bila ada perekrutan ilegal?"];
  await signInAndLand(page, ACCOUNTS.officer);

  // ── The quiz: three questions; one with no correct option is refused with a clear message
  await page.goto("/portal/kuis/baru");
  const form = main(page);
  await form.getByLabel("Judul kuis").fill(quizTitle);
  await form.getByLabel("Materi").selectOption({ index: 1 });
  for (const [i, text] of questions.entries()) {
    const q = page.getByTestId(`question-${i}`);
    await q.getByRole("textbox", { name: "Pertanyaan" }).fill(text);
    await q.getByRole("textbox", { name: "Pilihan 1", exact: true }).fill("Jawaban yang benar");
    await q.getByRole("textbox", { name: "Pilihan 2", exact: true }).fill("Calo di kampung");
    await q.getByRole("textbox", { name: "Pilihan 3", exact: true }).fill("Tidak perlu apa-apa");
  }
  await page.getByTestId("question-0").getByRole("checkbox", { name: "Benar" }).first().check();
  await page.getByTestId("question-1").getByRole("checkbox", { name: "Benar" }).first().check();
  await form.getByRole("button", { name: "Simpan kuis" }).click();
  await expect(page.getByTestId("question-2").getByText("Tandai setidaknya satu pilihan yang benar pada soal ini.")).toBeVisible();
  await expectAxeClean(page);
  await page.getByTestId("question-2").getByRole("checkbox", { name: "Benar" }).first().check();
  await form.getByRole("button", { name: "Simpan kuis" }).click();
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(quizTitle, { timeout: 20_000 });

  // ── A session that started half an hour ago, with the quiz as pre-test and post-test
  await page.goto("/portal/kegiatan/baru");
  await form.getByLabel("Judul").fill(`Sosialisasi kuis ${stamp}`);
  await form.getByLabel("Tempat", { exact: true }).fill("Balai Desa Cemeng");
  await form.getByLabel("Mulai (WIB)").fill(wibLocal(-30));
  await form.getByLabel("Selesai (WIB)").fill(wibLocal(120));
  await form.getByRole("checkbox", { name: /Cemeng/ }).first().check();
  await form.getByRole("button", { name: "Jadwalkan", exact: true }).click();
  await expect(main(page).getByRole("heading", { level: 1 })).toContainText(`Sosialisasi kuis ${stamp}`);
  const eventUrl = page.url();
  await form.getByLabel("Pre-test", { exact: true }).selectOption({ label: quizTitle });
  await form.getByLabel("Post-test", { exact: true }).selectOption({ label: quizTitle });
  await form.getByRole("button", { name: "Simpan kuis kegiatan" }).click();
  await expect(form.getByText("Kuis kegiatan disimpan.")).toBeVisible();
  await main(page).getByRole("button", { name: "Buka daftar hadir" }).click();
  await expect(page.getByTestId("check-in-state")).toHaveText("Daftar hadir mandiri sedang dibuka.");
  const link = (await page.getByTestId("check-in-link").textContent())!;

  // ── The attendee: check in on a 360 px phone, then the pre-test, then the post-test
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const p = await phone.newPage();
  await p.goto(link);
  await p.getByLabel("Nama lengkap").fill("Sri Lestari");
  await p.getByRole("checkbox", { name: /Saya setuju/ }).check();
  await p.getByRole("button", { name: "Catat kehadiran" }).click();
  await p.getByRole("link", { name: "Kerjakan kuis" }).click();
  await expect(p.getByRole("heading", { level: 2, name: "Pre-test" })).toBeVisible();
  await expectAxeClean(p);
  const answer = async (option: string) => {
    for (const [i, text] of questions.entries()) {
      await p.getByRole("group", { name: `${i + 1}. ${text}` }).getByRole("radio", { name: option }).check();
    }
    await p.getByRole("button", { name: "Kirim jawaban" }).click();
  };
  await answer("Calo di kampung");
  await expect(p.getByRole("status")).toHaveText("Terima kasih, jawaban pre-test tersimpan.");
  await expect(p.getByRole("heading", { level: 2, name: "Post-test" })).toBeVisible();
  await answer("Jawaban yang benar");
  await expect(p.getByRole("status")).toHaveText("Terima kasih, jawaban post-test tersimpan.");
  await expect(p.getByTestId("quiz-done")).toBeVisible();
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAxeClean(p);
  await phone.close();

  // ── The officer sees who answered and the gain per question
  await page.goto(eventUrl);
  await expect(page.getByTestId("quiz-participation")).toContainText("Pre-test: 1 lewat ponsel");
  for (const i of [0, 1, 2]) await expect(page.getByTestId(`gain-${i}`)).toHaveText("+100%");
  await expectAxeClean(page);
});
