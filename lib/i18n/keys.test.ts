import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalogue";

/**
 * Every message key the code names must be in both catalogues: a missing one reaches the user as
 * its raw key ("import.notUtf8"). Keys are found three ways: dotted literals whose first part is
 * a catalogue namespace, `t("key")` after `useTranslations("ns")`/`getTranslations("ns")`, and the
 * audit actions written by the data layer (shown as audit.actions.<action>).
 */
const ROOTS = ["app", "components", "lib"];
const SKIP = /(^|\/)(generated|messages)(\/|$)|\.test\.tsx?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (SKIP.test(full)) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function lookup(catalogue: Record<string, unknown>, key: string): unknown {
  return key.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), catalogue);
}

const files = ROOTS.flatMap((root) => sourceFiles(path.join(process.cwd(), root))).map((file) => ({
  file: path.relative(process.cwd(), file),
  text: readFileSync(file, "utf8"),
}));

/**
 * A translator: made by useTranslations, getTranslations or createTranslator (the material pages,
 * docs/decisions/0032), or handed in as a typed prop (`t: Translate<"public">`, site-frame.tsx).
 */
const DECLARATION =
  /const (\w+) = (?:await )?(?:(?:use|get)Translations|createTranslator)\((?:"([\w.]+)"|\{[^}]*namespace: "([\w.]+)"[^}]*\})?\)|\b(\w+): Translate<"([\w.]+)">/g;

const declared = (m: RegExpMatchArray): [string, string] => [m[1] ?? m[4]!, m[2] ?? m[3] ?? m[5] ?? ""];

/** Translator variables of a file and their namespaces ("" for the whole catalogue). */
function translatorsOf(text: string): [string, string][] {
  return [...text.matchAll(DECLARATION)].map(declared);
}

/** The namespace of translator `name` at `index`: its nearest declaration above (a file may declare `t` in several components). */
function namespaceAt(text: string, name: string, index: number): string | undefined {
  let ns: string | undefined;
  for (const m of text.matchAll(DECLARATION)) {
    if (m.index! > index) break;
    const [declaredName, namespace] = declared(m);
    if (declaredName === name) ns = namespace;
  }
  return ns;
}

describe("message keys named in code", async () => {
  const [id, en] = await Promise.all([loadMessages("id"), loadMessages("en")]);
  const namespaces = new Set(Object.keys(id));

  it("dotted keys exist in both catalogues", () => {
    const missing: string[] = [];
    for (const { file, text } of files) {
      for (const m of text.matchAll(/(key: |message: )?["'`]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)["'`]/g)) {
        const key = m[2]!;
        // a literal under a catalogue namespace, or one handed on as a key or message; not an
        // audit action (checked below) nor a file name
        if (!namespaces.has(key.split(".")[0]!) && !m[1]) continue;
        // (nor a PostgreSQL setting: set_config('app.effective_on', ...))
        if (/action: $|set_config\($|current_setting\($/.test(text.slice(Math.max(0, m.index! - 16), m.index!)) || /\.(csv|json|xlsx|pdf|ts|tsx|js|svg|xml|png)$/.test(key)) continue;
        // relative to a namespaced translator: the next test resolves it
        const call = /\b(\w+)(?:\.rich|\.markup|\.has)?\($/.exec(text.slice(Math.max(0, m.index! - 40), m.index!));
        if (call && namespaceAt(text, call[1]!, m.index!)) continue;
        for (const [name, catalogue] of [["id", id], ["en", en]] as const) {
          if (lookup(catalogue, key) === undefined) missing.push(`${file}: ${key} (${name})`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it("keys under a namespaced translator exist in both catalogues", () => {
    const missing: string[] = [];
    for (const { file, text } of files) {
      for (const name of new Set([...translatorsOf(text)].map(([n]) => n))) {
        for (const m of text.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup)?\\("([\\w.]+)"`, "g"))) {
          const ns = namespaceAt(text, name, m.index!);
          if (ns === undefined) continue;
          const key = ns ? `${ns}.${m[1]}` : m[1]!;
          for (const [lang, catalogue] of [["id", id], ["en", en]] as const) {
            if (lookup(catalogue, key) === undefined) missing.push(`${file}: ${key} (${lang})`);
          }
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it("every audit action written has a label", () => {
    // every dotted literal on an `action:` line, ternaries included (material.publish : material.unpublish)
    const actionLines = files.flatMap(({ text }) => text.split("\n").filter((line) => /\baction: /.test(line)));
    const actions = new Set(actionLines.flatMap((line) => [...line.matchAll(/"([a-z_]+(?:\.[a-zA-Z_]+)+)"/g)].map((m) => m[1]!)));
    expect(actions.size).toBeGreaterThan(10);
    const missing = [...actions].filter((a) => [id, en].some((c) => typeof lookup(c, `audit.actions.${a.replace(/\./g, "_")}`) !== "string"));
    expect(missing).toEqual([]);
  });
});
