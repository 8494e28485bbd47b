/**
 * The OpenAPI 3.1 description of the open data API, served at /api/publik/v1/openapi.json.
 * Every object is closed (additionalProperties: false): the test in app/api/publik/v1 checks each
 * answer against it field by field, so a field that is not described here (a name, a phone) fails.
 */

type Schema = Record<string, unknown>;

const str = (description?: string): Schema => ({ type: "string", ...(description ? { description } : {}) });
const int = (description?: string): Schema => ({ type: "integer", minimum: 0, ...(description ? { description } : {}) });
const obj = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: "object",
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
  ...(description ? { description } : {}),
});
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: "null" }] });

const STAGES = ["SOCIALISED", "DECLARED", "INAUGURATED", "MENTORING", "INACTIVE"];
const EVENT_TYPES = ["SOSIALISASI", "PENCANANGAN", "PERESMIAN", "PENDAMPINGAN", "RAPAT_KOORDINASI", "KAMPANYE"];
const CATEGORIES = ["TPPO", "TPPM", "MIGRASI_AMAN", "PASPOR", "BEKERJA_PROSEDURAL"];

const schemas: Record<string, Schema> = {
  Figures: obj({
    villages: int("Desa binaan past the proposal stage"),
    villagesByStage: obj(Object.fromEntries(STAGES.map((s) => [s, int()]))),
    offices: int("Immigration offices with at least one desa binaan"),
    sessionsHeld: int(),
    peopleReached: int("Named attendees and head counts of held sessions, each session once"),
  }),
  Province: obj({ code: str("Kemendagri province code, e.g. 33"), name: str(), villages: int(), sessionsHeld: int(), peopleReached: int() }),
  Provinces: obj({ provinces: { type: "array", items: ref("Province") } }),
  Office: obj({ slug: str(), name: str() }),
  VillageSummary: obj({
    code: str("Kemendagri village code, dotted: 33.14.09.2005"),
    name: str(),
    district: str(),
    regency: str(),
    province: obj({ code: str(), name: str() }),
    stage: { type: "string", enum: STAGES },
    office: ref("Office"),
    sessionsHeld: int("Held sessions that covered this village"),
    peopleReached: int("People those sessions reached (a session for several villages counts in each)"),
    links: obj({ profile: str() }),
  }),
  Village: obj({
    code: str("Kemendagri village code, dotted: 33.14.09.2005"),
    name: str(),
    district: str(),
    regency: str(),
    province: obj({ code: str(), name: str() }),
    stage: { type: "string", enum: STAGES },
    office: ref("Office"),
    sessionsHeld: int(),
    peopleReached: int(),
    lastSessions: {
      type: "array",
      description: "The latest held sessions open to the public",
      items: obj({ date: str("Local date, YYYY-MM-DD"), type: { type: "string", enum: EVENT_TYPES }, title: str() }),
    },
    links: obj({ profile: str(), widget: str(), badge: str(), guide: str() }),
  }),
  Villages: obj({ page: int(), pageCount: int(), total: int(), villages: { type: "array", items: ref("VillageSummary") } }),
  Material: obj({
    slug: str(),
    title: str(),
    summary: nullable(str()),
    category: { type: "string", enum: CATEGORIES },
    language: { type: "string", enum: ["ID", "EN"] },
    publishedAt: { type: "string", format: "date-time" },
    office: nullable(ref("Office")),
    url: str(),
    cover: nullable(str()),
  }),
  Materials: obj({ materials: { type: "array", items: ref("Material") } }),
  Error: {
    type: "object",
    additionalProperties: false,
    required: ["error"],
    properties: {
      error: { type: "string", enum: ["VALIDATION", "NOT_FOUND", "RATE_LIMITED"] },
      fields: { type: "object", additionalProperties: { type: "string" } },
    },
  },
};

const errors = {
  "400": { description: "A query parameter is invalid", content: { "application/json": { schema: ref("Error") } } },
  "429": { description: "Too many requests from this address (120 a minute); see Retry-After", content: { "application/json": { schema: ref("Error") } } },
};
const ok = (schema: string, description: string) => ({
  description,
  headers: { ETag: { schema: { type: "string" } }, "Cache-Control": { schema: { type: "string" } } },
  content: { "application/json": { schema: ref(schema) } },
});
const query = (name: string, description: string, schema: Schema) => ({ name, in: "query", required: false, description, schema });

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Desa Binaan Imigrasi: data terbuka / open data",
      version: "1.0.0",
      description:
        "Read-only figures of the Desa Binaan Imigrasi program: counts, stages, offices and published material, never a person. " +
        "No sign-in; any origin may call it (CORS). Answers carry an ETag (send If-None-Match for a 304) and may be cached for five minutes. " +
        "Each client address may make 120 requests a minute.",
      license: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/ringkasan": { get: { summary: "Program figures", operationId: "getFigures", responses: { "200": ok("Figures", "The figures"), "429": errors["429"] } } },
      "/provinsi": { get: { summary: "Figures per province", operationId: "listProvinces", responses: { "200": ok("Provinces", "Every province"), "429": errors["429"] } } },
      "/desa": {
        get: {
          summary: "Desa binaan, 100 a page",
          operationId: "listVillages",
          parameters: [
            query("q", "Part of a village name, or the start of a Kemendagri code (33.14)", { type: "string", maxLength: 100 }),
            query("provinsi", "Province code", { type: "string", pattern: "^\\d{2}$" }),
            query("halaman", "Page, from 1", { type: "integer", minimum: 1 }),
          ],
          responses: { "200": ok("Villages", "One page"), ...errors },
        },
      },
      "/desa/{code}": {
        get: {
          summary: "One desa binaan by Kemendagri code",
          operationId: "getVillage",
          parameters: [{ name: "code", in: "path", required: true, schema: { type: "string", pattern: "^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$" }, example: "33.14.09.2005" }],
          responses: {
            "200": ok("Village", "The village"),
            "404": { description: "No public desa binaan has this code", content: { "application/json": { schema: ref("Error") } } },
            ...errors,
          },
        },
      },
      "/materi": {
        get: {
          summary: "Published material",
          operationId: "listMaterials",
          parameters: [query("bahasa", "Language", { type: "string", enum: ["id", "en"] }), query("kategori", "Category", { type: "string", enum: CATEGORIES })],
          responses: { "200": ok("Materials", "Newest first"), ...errors },
        },
      },
    },
    components: { schemas },
  };
}
