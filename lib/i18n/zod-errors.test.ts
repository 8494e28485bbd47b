import { describe, expect, it } from "vitest";
import { z } from "zod";
import "@/lib/i18n/zod-errors";
import { loadMessages } from "@/lib/i18n/catalogue";
import * as auth from "@/lib/features/auth/schemas";
import * as contacts from "@/lib/features/contacts/schemas";
import * as events from "@/lib/features/events/schemas";
import * as materials from "@/lib/features/materials/schemas";
import * as offices from "@/lib/features/offices/schemas";
import * as reports from "@/lib/features/reports/schemas";
import * as users from "@/lib/features/users/schemas";
import * as villages from "@/lib/features/villages/schemas";

/** What a user may type or send in any one field. */
const HOSTILE: unknown[] = [undefined, null, "", " ", "x", "x".repeat(20_000), -1, 1.5, 1e12, "2027-01-01", "2023-02-30", "abc-def", {}, [], true, "<b>", "0812", "https://example.com"];

function objectShape(schema: z.ZodType): Record<string, unknown> | null {
  let s: unknown = schema;
  // unwrap refinements and pipes down to the object
  for (let i = 0; i < 5 && s; i++) {
    const def = (s as { def?: { type?: string; in?: unknown; innerType?: unknown; schema?: unknown; shape?: Record<string, unknown> } }).def;
    if (!def) return null;
    if (def.type === "object") return def.shape ?? null;
    s = def.in ?? def.innerType ?? def.schema;
  }
  return null;
}

describe("validation messages", async () => {
  const [id, en] = await Promise.all([loadMessages("id"), loadMessages("en")]);
  const has = (key: string) => [id, en].every((c) => typeof key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], c) === "string");

  it("are catalogue keys for every field of every schema, whatever is typed (no zod English reaches a user)", () => {
    const modules = { auth, contacts, events, materials, offices, reports, users, villages };
    const untranslated = new Set<string>();
    let checked = 0;
    for (const [moduleName, exports] of Object.entries(modules)) {
      for (const [name, schema] of Object.entries(exports)) {
        if (!(schema instanceof z.ZodType)) continue;
        const shape = objectShape(schema);
        const inputs: unknown[] = shape
          ? [{}, ...Object.keys(shape).flatMap((field) => HOSTILE.map((v) => ({ [field]: v })))]
          : HOSTILE;
        for (const input of inputs) {
          const result = schema.safeParse(input);
          for (const issue of result.error?.issues ?? []) {
            checked++;
            // what the client shows for a union: the closest branch's first message (@hookform/resolvers)
            const shown = issue.code === "invalid_union" ? [issue.message, ...issue.errors.flat().map((i) => i.message)] : [issue.message];
            for (const message of shown) if (!has(message)) untranslated.add(`${moduleName}.${name} ${issue.path.join(".")}: ${message}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect([...untranslated].slice(0, 30)).toEqual([]);
  });
});
