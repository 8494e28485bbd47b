import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as contacts from "@/lib/features/contacts/schemas";
import * as events from "@/lib/features/events/schemas";
import * as materials from "@/lib/features/materials/schemas";
import * as offices from "@/lib/features/offices/schemas";
import * as users from "@/lib/features/users/schemas";
import * as villages from "@/lib/features/villages/schemas";
import * as auth from "@/lib/features/auth/schemas";
import { handleCheckIn } from "@/lib/features/events/check-in";
import { parseAttendeeFile } from "@/lib/features/events/import";
import { loadMessages } from "@/lib/i18n/catalogue";
import { createEvent, uniqueSuffix } from "@/lib/factories";
import { createTwoOfficeWorld, testDb } from "@/tests/support/world";

/**
 * Issue 14: every input schema of every server action (and the public route handlers' logic)
 * is fed generated bad input: wrong types, control characters, huge strings, impossible dates,
 * duplicate and hostile keys. Nothing may throw (a throw is a 500), every refusal must be a
 * message of both catalogues (never a key without a message, never zod's English), and what is
 * accepted must be clean. A seeded generator keeps failures reproducible.
 */
let seed = 14;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const BAD_VALUES: unknown[] = [
  null, undefined, 0, -1, 1e308, NaN, Infinity, true, false, [], {}, [null], { $gt: "" },
  "", " ", "\u0000", "a\u0000b", "\u001b[31m", "\ud800", "\u202etxt.exe", "x".repeat(100_000), "𝕏".repeat(20_000),
  "2026-13-45T99:98", "0000-01-01T09:00", "9999-12-31", "2026-02-30", "2026-12-01T24:00", "1e9", "-0", "0x10",
  "00000000-0000-0000-0000-000000000000", "not-a-uuid", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "＝1+1",
  ["a", "a"], ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000001"],
];

type Def = { type: string; shape?: Record<string, z.ZodType>; left?: z.ZodType; right?: z.ZodType; in?: z.ZodType };
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { def: Def }).def;
  if (def.type === "object") return def.shape ?? null;
  if (def.type === "intersection") return { ...(shapeOf(def.left!) ?? {}), ...(shapeOf(def.right!) ?? {}) };
  if (def.type === "pipe" && def.in) return shapeOf(def.in);
  return null;
}

const schemas = Object.entries({ ...auth, ...contacts, ...events, ...materials, ...offices, ...users, ...villages })
  .filter(([name, v]) => name.endsWith("Schema") && v instanceof z.ZodType && shapeOf(v as z.ZodType))
  .map(([name, v]) => [name, v as z.ZodType] as const);

function hasKey(messages: Record<string, unknown>, key: string): boolean {
  return typeof key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages) === "string";
}

/** What the action wrapper (lib/server/action.ts) shows for an issue: its key, or validation.invalid. */
const shown = (message: string, messages: Record<string, unknown>) => (hasKey(messages, message) ? message : "validation.invalid");

function clean(value: unknown): boolean {
  if (typeof value === "string") return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value) && value.length <= 50_000;
  if (Array.isArray(value)) return value.every(clean);
  if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof File)) return Object.values(value).every(clean);
  return true;
}

describe("fuzzing every action's input schema", () => {
  let id: Record<string, unknown>;
  let en: Record<string, unknown>;
  beforeAll(async () => {
    [id, en] = await Promise.all([loadMessages("id"), loadMessages("en")]);
  });

  it("covers the schemas of all actions", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(25);
  });

  for (const [name, schema] of schemas) {
    it(`${name}: 200 bad inputs, no throw, messages from both catalogues, clean output`, () => {
      const keys = Object.keys(shapeOf(schema)!);
      let refused = 0;
      for (let round = 0; round < 200; round++) {
        const input: Record<string, unknown> = {};
        for (const key of keys) if (random() < 0.8) input[key] = pick(BAD_VALUES);
        if (random() < 0.2) Object.assign(input, JSON.parse('{"__proto__": {"admin": true}, "constructor": 1}'));
        const result = schema.safeParse(round % 10 === 0 ? pick(BAD_VALUES) : input);
        if (result.success) {
          expect(clean(result.data), `${name} accepted unclean ${JSON.stringify(input).slice(0, 200)}`).toBe(true);
          continue;
        }
        refused++;
        for (const issue of result.error.issues) {
          const key = shown(issue.message, id);
          expect(hasKey(id, key) && hasKey(en, key), `${name}: "${issue.message}" has no message`).toBe(true);
        }
      }
      expect(refused).toBeGreaterThan(0);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });
  }
});

describe("fuzzing the public check-in and the attendee import", () => {
  let w: Awaited<ReturnType<typeof createTwoOfficeWorld>>;
  beforeAll(async () => {
    w = await createTwoOfficeWorld();
  });

  it("answers 300 bad check-ins with a status, never a throw, and stores only what it says it stored", async () => {
    const event = await createEvent(testDb, { officeId: w.officeA.id, checkInOpen: true });
    const limits = {
      perDevice: { max: 1e6, windowSeconds: 60 },
      perAddressWithDevice: { max: 1e6, windowSeconds: 60 },
      perAddress: { max: 1e6, windowSeconds: 60 },
      perSession: { max: 1e6, windowSeconds: 60 },
    };
    let created = 0;
    for (let i = 0; i < 300; i++) {
      const fields: Record<string, unknown> = {};
      for (const key of ["name", "category", "origin", "gender", "phone", "consent"]) if (random() < 0.85) fields[key] = pick(BAD_VALUES);
      if (i % 3 === 0) Object.assign(fields, { name: `Fuzz ${i} ${pick(["\u0000", "\u202e", "x"])}`, category: "WARGA", consent: "on" });
      const code = i % 7 === 0 ? String(pick(BAD_VALUES)).slice(0, 40) : event.checkInCode;
      const reply = await handleCheckIn(code, fields, { address: `fuzz-${uniqueSuffix()}` }, limits);
      expect(["created", "already", "closed", "invalid", "limited"]).toContain(reply.status);
      if (reply.status === "invalid") for (const key of Object.values(reply.fieldErrors)) expect(key).toMatch(/^validation\./);
      if (reply.status === "created" && code === event.checkInCode) created++;
    }
    expect(await testDb.attendee.count({ where: { eventId: event.id } })).toBe(created);
  }, 120_000);

  it("parses 100 hostile files without a throw", async () => {
    for (let i = 0; i < 100; i++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 20) }, () =>
        Array.from({ length: 7 }, () => String(pick(BAD_VALUES)).slice(0, 500)).join(","),
      );
      const text = `nama,kategori,jabatan,desa_instansi,jenis_kelamin,telepon,persetujuan\n${rows.join("\n")}`;
      const result = await parseAttendeeFile(new TextEncoder().encode(text), pick(["a.csv", "a.xlsx", "a.txt", "\u0000.csv"]));
      if (result.ok) expect(clean(result.rows)).toBe(true);
    }
  });
});
