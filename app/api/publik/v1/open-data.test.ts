import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as index } from "@/app/api/publik/v1/route";
import { GET as figures } from "@/app/api/publik/v1/ringkasan/route";
import { GET as provinces } from "@/app/api/publik/v1/provinsi/route";
import { GET as villages, OPTIONS } from "@/app/api/publik/v1/desa/route";
import { GET as village } from "@/app/api/publik/v1/desa/[code]/route";
import { GET as materials } from "@/app/api/publik/v1/materi/route";
import { GET as openapi } from "@/app/api/publik/v1/openapi.json/route";
import { openApiDocument } from "@/lib/features/open-data/openapi";
import { publicApiRoute } from "@/lib/server/route";
import { createContact, createDesaBinaan, createEvent, createMaterial, createOffice, createUser } from "@/lib/factories";
import { testDb } from "@/tests/support/world";

/**
 * The open data API against the real database. A village is given everything personal the
 * portal holds (a named attendee with a phone, a liaison, a speaker, report notes, a session
 * closed to the public, a draft, a signed-in account); every answer is then walked field by
 * field: each field must be one the OpenAPI document describes (closed objects), and no value
 * may carry any of those words.
 */
type Handler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;
async function call(handler: Handler, path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const request = new NextRequest(new URL(`http://127.0.0.1${path}`), { headers });
  const response = await handler(request, { params: Promise.resolve(params as never) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}

const SECRETS = {
  attendee: `Siti Rahasia ${randomUUID().slice(0, 6)}`,
  phone: "6281299887766",
  contact: `Narahubung Rahasia ${randomUUID().slice(0, 6)}`,
  contactPhone: "6285711223344",
  speaker: `Narasumber Rahasia ${randomUUID().slice(0, 6)}`,
  report: `CATATAN-LAPORAN-${randomUUID().slice(0, 6)}`,
  followUp: `TINDAK-LANJUT-${randomUUID().slice(0, 6)}`,
  closed: `Rapat Tertutup ${randomUUID().slice(0, 6)}`,
  draft: `DRAF-${randomUUID().slice(0, 6)}`,
  user: `Petugas Rahasia ${randomUUID().slice(0, 6)}`,
  venueAddress: `Jl. Rahasia ${randomUUID().slice(0, 6)}`,
};

let code = "";
let publicTitle = "";
beforeAll(async () => {
  const office = await createOffice(testDb, { provinceCode: "33", workArea: ["33.14"] });
  const desa = await createDesaBinaan(testDb, { officeId: office.id, stage: "MENTORING" });
  code = desa.villageCode;
  const held = { officeId: office.id, status: "HELD" as const, startsAt: new Date(Date.now() - 86_400_000), desaBinaanIds: [desa.id] };
  const event = await createEvent(testDb, {
    ...held,
    reportNotes: SECRETS.report,
    followUps: SECRETS.followUp,
    venueAddress: SECRETS.venueAddress,
    speakers: [{ name: SECRETS.speaker, position: "Kepala Seksi" }],
    counts: [{ category: "KEPALA_DESA", unknown: 15 }],
  });
  publicTitle = event.title;
  await createEvent(testDb, { ...held, isPublic: false, title: SECRETS.closed });
  await testDb.attendee.create({
    data: { eventId: event.id, name: SECRETS.attendee, phone: SECRETS.phone, consentAt: new Date(), category: "CPMI", desaBinaanId: desa.id, source: "STAFF", dedupeKey: randomUUID() },
  });
  await createContact(testDb, { desaBinaanId: desa.id, name: SECRETS.contact, phone: SECRETS.contactPhone });
  await createUser(testDb, { role: "VILLAGE", officeId: office.id, desaBinaanId: desa.id, name: SECRETS.user });
  await createMaterial(testDb, { officeId: office.id, title: SECRETS.draft, body: SECRETS.draft, status: "DRAFT" });
  await createMaterial(testDb, { officeId: office.id, status: "PUBLISHED", publishedAt: new Date() });
});

type Schema = Record<string, unknown>;
const DOC = openApiDocument("http://127.0.0.1/api/publik/v1");
const resolve = (schema: Schema): Schema =>
  typeof schema.$ref === "string" ? resolve(DOC.components.schemas[schema.$ref.split("/").pop()!]!) : schema;

/** Every field of `value` must be described by `schema`; returns the paths of the fields that are not. */
function undescribed(value: unknown, schema: Schema, path = "$"): string[] {
  const s = resolve(schema);
  if (Array.isArray(s.oneOf)) {
    const fits = (s.oneOf as Schema[]).map((o) => undescribed(value, o, path));
    return fits.some((f) => f.length === 0) ? [] : fits[0]!;
  }
  if (s.type === "null") return value === null ? [] : [`${path} (not null)`];
  if (s.type === "string") return typeof value === "string" && (!s.enum || (s.enum as string[]).includes(value)) ? [] : [`${path} (string)`];
  if (s.type === "integer") return Number.isInteger(value) ? [] : [`${path} (integer)`];
  if (s.type === "array") return Array.isArray(value) ? value.flatMap((v, i) => undescribed(v, s.items as Schema, `${path}[${i}]`)) : [`${path} (array)`];
  if (s.type === "object") {
    if (!value || typeof value !== "object" || Array.isArray(value)) return [`${path} (object)`];
    const props = (s.properties ?? {}) as Record<string, Schema>;
    return Object.entries(value).flatMap(([k, v]) =>
      props[k] ? undescribed(v, props[k], `${path}.${k}`) : s.additionalProperties && typeof s.additionalProperties === "object" ? undescribed(v, s.additionalProperties as Schema, `${path}.${k}`) : [`${path}.${k}`],
    );
  }
  return [`${path} (unknown schema)`];
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe("open data API /api/publik/v1", () => {
  it("answers only fields its OpenAPI document describes, and never a person, a report or a draft", async () => {
    const calls: [Handler, string, string, Record<string, string>?][] = [
      [figures, "/api/publik/v1/ringkasan", "Figures"],
      [provinces, "/api/publik/v1/provinsi", "Provinces"],
      [villages, "/api/publik/v1/desa?provinsi=33", "Villages"],
      [villages, `/api/publik/v1/desa?q=${code}`, "Villages"],
      [village, `/api/publik/v1/desa/${code}`, "Village", { code }],
      [materials, "/api/publik/v1/materi", "Materials"],
      [materials, "/api/publik/v1/materi?bahasa=id&kategori=TPPO", "Materials"],
    ];
    for (const [handler, path, schema, params] of calls) {
      const { status, body, text, headers } = await call(handler as Handler, path, params);
      expect(status, path).toBe(200);
      expect(headers.get("access-control-allow-origin"), path).toBe("*");
      expect(undescribed(body, { $ref: `#/components/schemas/${schema}` }), path).toEqual([]);
      for (const secret of Object.values(SECRETS)) expect(text, `${path} carries ${secret}`).not.toContain(secret);
      for (const s of strings(body)) expect(s).not.toMatch(/@|\b62\d{8,}/);
    }
    const one = await call(village as Handler, `/api/publik/v1/desa/${code}`, { code });
    expect(one.body).toMatchObject({ code, stage: "MENTORING", sessionsHeld: 2, peopleReached: 16 });
    // The public session is listed by date, type and title; the closed one is not.
    expect(one.body.lastSessions).toEqual([expect.objectContaining({ type: "SOSIALISASI", title: publicTitle })]);
  });

  it("serves its OpenAPI document and an index", async () => {
    const doc = await call(openapi as Handler, "/api/publik/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe("3.1.0");
    expect(Object.keys(doc.body.paths)).toEqual(["/ringkasan", "/provinsi", "/desa", "/desa/{code}", "/materi"]);
    const home = await call(index as Handler, "/api/publik/v1");
    expect(home.body.openapi).toMatch(/\/api\/publik\/v1\/openapi\.json$/);
  });

  it("answers 304 to a matching If-None-Match, and caches publicly", async () => {
    const first = await call(village as Handler, `/api/publik/v1/desa/${code}`, { code });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/public, max-age=300/);
    const again = await call(village as Handler, `/api/publik/v1/desa/${code}`, { code }, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
  });

  it("says what is wrong: 404 for an unknown village, 400 naming a bad parameter, a CORS preflight", async () => {
    expect((await call(village as Handler, "/api/publik/v1/desa/99.99.99.9999", { code: "99.99.99.9999" })).body).toEqual({ error: "NOT_FOUND" });
    const bad = await call(village as Handler, "/api/publik/v1/desa/x", { code: "x" });
    expect(bad.status).toBe(400);
    const page = await call(villages as Handler, "/api/publik/v1/desa?halaman=nol&provinsi=jateng");
    expect(page).toMatchObject({ status: 400, body: { error: "VALIDATION", fields: { halaman: "validation.invalid", provinsi: "validation.invalid" } } });
    const preflight = OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
  });

  it("limits each address, with Retry-After, in the shared database", async () => {
    const limited = publicApiRoute(async () => ({ ok: 1 }), { limit: { max: 3, windowSeconds: 60 }, scope: `test-${randomUUID()}` });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(limited as Handler, "/api/publik/v1/x")).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const last = await call(limited as Handler, "/api/publik/v1/x");
    expect(last.body).toEqual({ error: "RATE_LIMITED" });
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
