import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import id from "@/lib/i18n/messages/id.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("message catalogues", () => {
  it("have the same keys in Indonesian and English", () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it("have no empty message", () => {
    for (const catalogue of [id, en]) {
      for (const key of keys(catalogue)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogue);
        expect(value, key).not.toBe("");
      }
    }
  });
});
