import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages, MESSAGE_GROUPS } from "@/lib/i18n/catalogue";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const dir = path.join(process.cwd(), "lib/i18n/messages");

describe("message catalogues", () => {
  it("list every group file, for both languages", () => {
    for (const locale of ["id", "en"]) {
      const files = readdirSync(path.join(dir, locale)).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files).toEqual([...MESSAGE_GROUPS].sort());
    }
  });

  it("never define one top-level namespace in two files", () => {
    const seen = new Map<string, string>();
    for (const group of MESSAGE_GROUPS) {
      const content = JSON.parse(readFileSync(path.join(dir, "id", `${group}.json`), "utf8"));
      for (const ns of Object.keys(content)) {
        expect(seen.get(ns), `${ns} in ${group} and ${seen.get(ns)}`).toBeUndefined();
        seen.set(ns, group);
      }
    }
  });

  it("have the same keys in Indonesian and English, none empty", async () => {
    const [id, en] = await Promise.all([loadMessages("id"), loadMessages("en")]);
    expect(keys(en).sort()).toEqual(keys(id).sort());
    for (const catalogue of [id, en]) {
      for (const key of keys(catalogue)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogue);
        expect(value, key).not.toBe("");
      }
    }
  });
});
