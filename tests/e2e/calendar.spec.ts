import ICAL from "ical.js";
import { expect, request as newRequest, test } from "@playwright/test";
import { ACCOUNTS, main, signInAndLand } from "./support";

const uids = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => String(v.getFirstPropertyValue("uid")));

test("a session's .ics and a private calendar feed that a phone reads without signing in, until it is revoked", async ({ page, baseURL }) => {
  await signInAndLand(page, ACCOUNTS.officer);
  const title = `Rapat kalender uji ${Date.now()}`;
  await page.goto("/portal/kegiatan/baru");
  await main(page).getByLabel("Judul").fill(title);
  await main(page).getByLabel("Tempat", { exact: true }).fill("Kantor Camat");
  await main(page).getByLabel("Mulai (WIB)").fill("2026-12-20T09:00");
  await main(page).getByLabel("Selesai (WIB)").fill("2026-12-20T11:00");
  await main(page).getByRole("button", { name: "Jadwalkan", exact: true }).click();
  await expect(main(page).getByRole("heading", { level: 1 })).toContainText(title);
  const eventId = page.url().split("/").pop()!;

  const href = await main(page).getByRole("link", { name: "Tambahkan ke kalender (.ics)" }).getAttribute("href");
  const file = await page.request.get(href!);
  expect(file.headers()["content-type"]).toContain("text/calendar");
  expect(uids(await file.text())).toEqual([`${eventId}@desabinaan.imigrasi.go.id`]);

  await page.goto("/portal/kegiatan?tampilan=kalender");
  await expect(page.getByTestId("feed-state")).toBeVisible();
  await main(page).getByRole("button", { name: /Buat tautan/ }).first().click();
  const url = await page.getByTestId("feed-url").inputValue();
  expect(url).toMatch(/\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);

  // a phone's calendar app: no cookies at all
  const phone = await newRequest.newContext({ baseURL });
  const feed = await phone.get(url);
  expect(feed.status()).toBe(200);
  expect(uids(await feed.text())).toContain(`${eventId}@desabinaan.imigrasi.go.id`);

  await main(page).getByRole("button", { name: "Cabut tautan" }).click();
  await expect(main(page).getByText("Tautan dicabut.", { exact: false })).toBeVisible();
  expect((await phone.get(url)).status()).toBe(404);
  await phone.dispose();
});
