import { expect, request, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, DEMO_PASSWORD } from "./support";

/**
 * The dashboard's content is cached per instance, keyed by scope, filters, language and the
 * figures version read with the user (docs/decisions/0021). The e2e server runs two instances
 * on one port (scripts/serve.mjs); each request below opens a connection of its own
 * (`Connection: close`), and the primary deals connections to the instances in turn, so a run of
 * requests reaches both.
 */
const ROUNDS = 6;

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" }, maxRedirects: 0 });
  expect((await api.storageState()).cookies.some((c) => c.name.includes("session-token"))).toBe(true);
  return api;
}

async function dashboard(api: APIRequestContext): Promise<{ title: string; held: number }> {
  const res = await api.get("/portal/dasbor", { headers: { connection: "close" }, maxRedirects: 0 });
  expect(res.status()).toBe(200);
  const html = await res.text();
  const title = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? "";
  const held = /data-testid="stat-held">([^<]*)</.exec(html)?.[1];
  expect(held, "the dashboard shows sessions held").toBeDefined();
  return { title, held: Number(held!.replace(/\D/g, "")) };
}

test("a session written to the database shows on the next dashboard of every instance, and its removal too", async ({ baseURL }) => {
  const api = await signedIn(baseURL!, ACCOUNTS.officeAdmin);
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  let eventId: string | undefined;
  try {
    // Both instances render and cache the page first.
    const before = new Set<number>();
    for (let i = 0; i < ROUNDS; i++) before.add((await dashboard(api)).held);
    expect(before.size).toBe(1);
    const [held] = [...before];

    // Written behind both instances' backs: no instance takes part, no message is sent.
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO event (id, office_id, type, status, title, venue_name, time_zone, starts_at, ends_at, check_in_code, held_at, updated_at)
       SELECT gen_random_uuid(), office_id, 'SOSIALISASI', 'HELD', 'Sosialisasi uji cache', 'Balai Desa', 'Asia/Jakarta',
         now() - interval '2 hours', now() - interval '1 hour', 'C' || substr(md5(random()::text), 1, 9), now(), now()
       FROM app_user WHERE email = $1 RETURNING id::text`,
      [ACCOUNTS.officeAdmin],
    );
    eventId = rows[0]!.id;
    for (let i = 0; i < ROUNDS; i++) expect((await dashboard(api)).held).toBe(held! + 1);

    await db.query("DELETE FROM event WHERE id = $1", [eventId]);
    eventId = undefined;
    for (let i = 0; i < ROUNDS; i++) expect((await dashboard(api)).held).toBe(held);
  } finally {
    if (eventId) await db.query("DELETE FROM event WHERE id = $1", [eventId]);
    await db.end();
    await api.dispose();
  }
});

test("a session written to the database is on the next session list of every instance", async ({ baseURL }) => {
  const api = await signedIn(baseURL!, ACCOUNTS.officeAdmin);
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  const title = `Sosialisasi uji daftar ${Date.now()}`;
  const list = async () => {
    const res = await api.get("/portal/kegiatan", { headers: { connection: "close" }, maxRedirects: 0 });
    expect(res.status()).toBe(200);
    return res.text();
  };
  try {
    for (let i = 0; i < ROUNDS; i++) expect(await list()).not.toContain(title);
    // starting in a year: newest first, so on the first page
    await db.query(
      `INSERT INTO event (id, office_id, type, status, title, venue_name, time_zone, starts_at, ends_at, check_in_code, updated_at)
       SELECT gen_random_uuid(), office_id, 'SOSIALISASI', 'SCHEDULED', $2, 'Balai Desa', 'Asia/Jakarta',
         now() + interval '365 days', now() + interval '365 days 2 hours', 'L' || substr(md5(random()::text), 1, 9), now()
       FROM app_user WHERE email = $1`,
      [ACCOUNTS.officeAdmin, title],
    );
    for (let i = 0; i < ROUNDS; i++) expect(await list()).toContain(title);
  } finally {
    await db.query("DELETE FROM event WHERE title = $1", [title]);
    await db.end();
    await api.dispose();
  }
});

test("two offices asking the same question at the same moment each get their own office's figures", async ({ baseURL }) => {
  // With the reader's scope missing from the cache key, the second office would be served the
  // first office's page: same filters, language, figures version and minute.
  const surakarta = await signedIn(baseURL!, ACCOUNTS.officeAdmin);
  const palembang = await signedIn(baseURL!, ACCOUNTS.otherOfficeAdmin);
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const [own, other] = [await dashboard(surakarta), await dashboard(palembang)];
      expect(own.title).toContain("Surakarta");
      expect(other.title).toContain("Palembang");
      expect(other.title).not.toContain("Surakarta");
    }
  } finally {
    await surakarta.dispose();
    await palembang.dispose();
  }
});
