import { expect, test } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

test("an officer schedules a session, attendees check in from a phone without JavaScript, and it adds up", async ({ page, browser, request }) => {
  const title = `Sosialisasi TPPO uji ${Date.now()}`;
  await signInAndLand(page, ACCOUNTS.officer);
  await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Kegiatan" }).click();
  await expect(main(page).getByRole("link", { name: "Jadwalkan kegiatan" })).toBeVisible();
  // Straight to the form: Next keeps the list mounted (hidden) after a client navigation, and its
  // village filter matches the same names as the form's village checkboxes.
  await page.goto("/portal/kegiatan/baru");

  const form = main(page);
  await form.getByLabel("Judul").fill(title);
  await form.getByLabel("Tempat", { exact: true }).fill("Balai Desa Cemeng");
  await form.getByLabel("Mulai (WIB)").fill("2026-12-10T09:00");
  await form.getByLabel("Selesai (WIB)").fill("2026-12-10T08:00");
  await form.getByRole("button", { name: "Jadwalkan", exact: true }).click();
  await expect(form.getByText("Waktu selesai harus setelah waktu mulai.")).toBeVisible();
  await form.getByLabel("Selesai (WIB)").fill("2026-12-10T12:00");
  await form.getByRole("checkbox", { name: /Cemeng/ }).first().check();
  await form.getByRole("button", { name: "Jadwalkan", exact: true }).click();

  await expect(main(page).getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByTestId("event-when")).toContainText("09.00 WIB – 12.00 WIB");
  await main(page).getByRole("button", { name: "Buka daftar hadir" }).click();
  await expect(page.getByTestId("check-in-state")).toHaveText("Daftar hadir mandiri sedang dibuka.");
  const link = (await page.getByTestId("check-in-link").textContent())!;
  const eventUrl = page.url();

  // A cheap phone with JavaScript off: the plain form post must still work.
  const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const p = await phone.newPage();
  for (const expected of ["Terima kasih, kehadiran Anda tercatat.", "Anda sudah tercatat hadir. Terima kasih."]) {
    await p.goto(link);
    await p.getByLabel("Nama lengkap").fill("Siti Aminah");
    await p.getByLabel("Nomor HP (boleh dikosongkan)").fill("0812-9876-5432");
    await p.getByRole("checkbox", { name: /Saya setuju/ }).check();
    await p.getByRole("button", { name: "Catat kehadiran" }).click();
    await expect(p.getByRole("status")).toHaveText(expected);
  }
  await phone.close();

  await page.goto(eventUrl);
  await expect(page.getByTestId("attendance-total")).toHaveText("1");
  await expect(main(page).getByRole("cell", { name: "Siti Aminah" })).toBeVisible();

  const csv = await page.request.get(`${eventUrl.replace("/portal/kegiatan/", "/api/kegiatan/")}/peserta`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Siti Aminah");
  const pdf = await page.request.get(`${eventUrl.replace("/portal/kegiatan/", "/api/kegiatan/")}/daftar-hadir.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Closing check-in stops the public form at once.
  await main(page).getByRole("button", { name: "Tutup daftar hadir" }).click();
  await expect(page.getByTestId("check-in-state")).toHaveText("Daftar hadir mandiri ditutup.");
  const code = link.split("/hadir/")[1]!;
  const closed = await request.post(`/api/hadir/${code}`, {
    headers: { accept: "application/json" },
    form: { name: "Orang Lain", category: "WARGA", consent: "on" },
  });
  expect(closed.status()).toBe(404);
  expect(await request.post("/api/hadir/ZZZZZZZZ", { headers: { accept: "application/json" }, form: { name: "X", category: "WARGA", consent: "on" } }).then((r) => r.status())).toBe(404);

  // Another office's admin sees nothing of it, not even the export.
  await page.context().clearCookies();
  await signInAndLand(page, ACCOUNTS.otherOfficeAdmin);
  const other = await page.goto(eventUrl);
  expect(other?.status()).toBe(404);
  expect((await page.request.get(`${eventUrl.replace("/portal/kegiatan/", "/api/kegiatan/")}/peserta`)).status()).toBe(404);
});

test("the month calendar shows the office's sessions on their local day", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await page.goto("/portal/kegiatan?tampilan=kalender&bulan=2023-09");
  await expect(main(page).getByRole("heading", { name: /September 2023/i })).toBeVisible();
  await expect(main(page).getByRole("link", { name: /Sosialisasi/ }).first()).toBeVisible();
});

test("after the session: import attendees with a preview, mark it held, write the report, add a photo", async ({ page }) => {
  const title = `Rapat koordinasi uji ${Date.now()}`;
  await signInAndLand(page, ACCOUNTS.officer);
  await page.goto("/portal/kegiatan/baru");
  const form = main(page);
  await form.getByLabel("Jenis kegiatan").selectOption("RAPAT_KOORDINASI");
  await form.getByLabel("Judul").fill(title);
  await form.getByLabel("Tempat", { exact: true }).fill("Aula Kantor Imigrasi");
  await form.getByLabel("Mulai (WIB)").fill("2026-11-20T09:00");
  await form.getByLabel("Selesai (WIB)").fill("2026-11-20T11:00");
  await form.getByRole("button", { name: "Jadwalkan", exact: true }).click();
  await expect(main(page).getByRole("heading", { level: 1 })).toContainText(title);

  const upload = (name: string, text: string) =>
    main(page).getByLabel("Berkas CSV atau XLSX").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await upload("salah.csv", "nama,kategori,telepon,persetujuan\nAni,Warga,,\nBudi,Astronot,,\n");
  await main(page).getByRole("button", { name: "Periksa berkas" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText('Kategori "Astronot" tidak dikenal.');
  await expect(preview.getByRole("button", { name: /Simpan/ })).toHaveCount(0);

  await upload("benar.csv", "nama,kategori,telepon,persetujuan\nAni,Warga,,\nBudi,Kepala Desa,0812-3456-7000,ya\n");
  await main(page).getByRole("button", { name: "Periksa berkas" }).click();
  await preview.getByRole("button", { name: "Simpan 2 peserta" }).click();
  await expect(main(page).getByRole("status").filter({ hasText: "2 peserta disimpan" })).toBeVisible();
  await expect(page.getByTestId("attendance-total")).toHaveText("2");

  page.once("dialog", (d) => d.accept());
  await main(page).getByRole("button", { name: "Tandai sudah terlaksana" }).click();
  await expect(main(page).getByRole("heading", { level: 1 })).toContainText("Terlaksana");
  await main(page).getByLabel("Catatan pelaksanaan").fill("Koordinasi dengan Disnaker dan Camat.");
  await main(page).getByLabel("Grup WhatsApp desa dibagikan kepada peserta").check();
  await main(page).getByRole("button", { name: "Simpan laporan" }).click();
  await expect(main(page).getByText("Laporan disimpan.")).toBeVisible();

  // 1x1 PNG
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  await main(page).getByLabel(/^Foto \(JPEG/).setInputFiles({ name: "bukan-foto.jpg", mimeType: "image/jpeg", buffer: Buffer.from("bukan gambar") });
  await main(page).getByRole("button", { name: "Unggah foto" }).click();
  await expect(main(page).getByRole("alert").filter({ hasText: "bukan foto" })).toBeVisible();
  await main(page).getByLabel(/^Foto \(JPEG/).setInputFiles({ name: "pembukaan.png", mimeType: "image/png", buffer: png });
  await main(page).getByLabel("Keterangan foto").fill("Pembukaan");
  await main(page).getByRole("button", { name: "Unggah foto" }).click();
  await expect(main(page).getByText("Foto diunggah.")).toBeVisible();
  const img = main(page).getByRole("img", { name: "Pembukaan" });
  await expect(img).toBeVisible();
  // Visible is not loaded: wait for the image's bytes before reading its size.
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : -1))).toBe(1);
});

test("after an attendee is added the form is empty with focus on the name, and the next one keeps nothing of the previous", async ({ page }) => {
  const title = `Pendampingan uji ${Date.now()}`;
  await signInAndLand(page, ACCOUNTS.officer);
  await page.goto("/portal/kegiatan/baru");
  await main(page).getByLabel("Judul").fill(title);
  await main(page).getByLabel("Tempat", { exact: true }).fill("Balai Desa Cemeng");
  await main(page).getByLabel("Mulai (WIB)").fill("2026-12-11T09:00");
  await main(page).getByLabel("Selesai (WIB)").fill("2026-12-11T12:00");
  await main(page).getByRole("button", { name: "Jadwalkan", exact: true }).click();
  await expect(main(page).getByRole("heading", { level: 1 })).toContainText(title);

  const form = main(page).locator("form", { has: page.getByRole("button", { name: "Tambahkan", exact: true }) });
  await form.getByLabel("Nama", { exact: true }).fill("Pertama Orang");
  await form.getByLabel("Jabatan").fill("Kader");
  await form.getByLabel("Instansi / asal").fill("PKK");
  await form.getByLabel("Jenis kelamin").selectOption("P");
  await form.getByLabel("Nomor HP", { exact: true }).fill("0812-1111-2222");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Tambahkan", exact: true }).click();
  await expect(form.getByText("Pertama Orang", { exact: false })).toBeVisible();

  for (const label of ["Nama", "Jabatan", "Instansi / asal", "Nomor HP"]) await expect(form.getByLabel(label, { exact: true })).toHaveValue("");
  await expect(form.getByLabel("Jenis kelamin")).toHaveValue("");
  await expect(form.getByRole("checkbox")).not.toBeChecked();
  await expect(form.getByLabel("Nama", { exact: true })).toBeFocused();

  await form.getByLabel("Nama", { exact: true }).fill("Kedua Orang");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Tambahkan", exact: true }).click();
  await expect(form.getByText("Kedua Orang", { exact: false })).toBeVisible();

  const csv = await (await page.request.get(`${page.url().replace("/portal/kegiatan/", "/api/kegiatan/")}/peserta`)).text();
  const second = csv.split("\n").find((line) => line.includes("Kedua Orang"))!;
  expect(second).not.toContain("1111");
  expect(second).not.toContain("PKK");
});

test("the sessions list is searched and filtered, and a negative count is refused with a message", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.officeAdmin);
  await page.goto("/portal/kegiatan");
  const filters = main(page).getByRole("form", { name: "Saring kegiatan" });
  await filters.getByLabel("Cari judul, tema atau tempat").fill("Sosialisasi Desa Binaan Imigrasi");
  await filters.getByLabel("Status").selectOption("HELD");
  await filters.getByLabel("Dari tanggal").fill("2023-09-01");
  await filters.getByLabel("Sampai tanggal").fill("2023-09-30");
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/status=HELD/);
  const list = main(page).locator("ul li");
  await expect(list).toHaveCount(1);
  await list.first().getByRole("link").click();
  await expect(main(page).getByRole("heading", { level: 1 })).toContainText("Sosialisasi Desa Binaan Imigrasi");

  const counts = main(page).locator("form", { has: page.getByRole("button", { name: "Simpan jumlah" }) });
  await counts.getByRole("spinbutton").first().fill("-3");
  await counts.getByRole("button", { name: "Simpan jumlah" }).click();
  await expect(counts.getByRole("alert")).toHaveText("Periksa jumlah yang ditandai: isi bilangan bulat 0 atau lebih.");
});

test("the national sessions list filters by province, and offers villages of that province", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.national);
  await page.goto("/portal/kegiatan");
  const filters = main(page).getByRole("form", { name: "Saring kegiatan" });
  await filters.getByLabel("Provinsi").selectOption({ label: "Sumatera Selatan" });
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/provinsi=16/);
  const offices = main(page).locator("ul li p.text-xs");
  await expect(offices.first()).toBeVisible();
  for (const line of await offices.allTextContents()) expect(line).toContain("Palembang");
  // the village choices are those of the chosen province: none of Surakarta's (Jawa Tengah)
  const villages = await main(page).getByLabel("Desa", { exact: true }).locator("option").allTextContents();
  expect(villages.length).toBeGreaterThan(1);
  expect(villages).not.toContain("Cemeng");
});
