import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalogue";
import { CLIENT_MESSAGE_GROUPS, clientMessages, type ClientMessageGroup } from "@/lib/i18n/client-messages";

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Which provider a client component sits under, by where it lives. */
const GROUP_BY_PATH: [RegExp, ClientMessageGroup][] = [
  [/^components\/layout\//, "shell"],
  [/^app\/\(auth\)\/(akun|atur-sandi)\//, "account"],
  [/^app\/\(auth\)\//, "signIn"],
  [/^app\/\(portal\)\/portal\/kantor\//, "offices"],
  [/^app\/\(portal\)\/portal\/pengguna\//, "users"],
  [/^app\/\(portal\)\/portal\/kegiatan\//, "events"],
  [/^app\/\(portal\)\/portal\/desa\//, "villages"],
  [/^app\/\(portal\)\/portal\/materi\//, "materials"],
  [/^app\/\(portal\)\/portal\/kuis\//, "quizzes"],
  [/^app\/\(public\)\/\[locale\]\/lapor\//, "tips"],
  [/^app\/\(portal\)\/portal\/deteksi\//, "warnings"],
  [/^app\/\(portal\)\/portal\/notifikasi\//, "notifications"],
  [/^app\/\(portal\)\/portal\/agensi\//, "agencies"],
];

/**
 * The top-level namespaces a file's translators read: `useTranslations("ns.sub")` reads `ns`;
 * a root `useTranslations()` reads the first segment of each literal key it is called with.
 */
function namespacesUsed(source: string): Set<string> {
  const used = new Set<string>();
  for (const [, name, prefix] of source.matchAll(/const (\w+) = useTranslations\((?:"([\w.]+)")?\)/g)) {
    if (prefix) {
      used.add(prefix.split(".")[0]!);
      continue;
    }
    for (const call of source.matchAll(new RegExp(`\\b${name}\\(["\`](\\w+)\\.`, "g"))) used.add(call[1]!);
  }
  return used;
}

const clientFiles = ["app", "components"]
  .flatMap((d) => sourceFiles(path.join(ROOT, d)))
  .map((f) => ({ file: path.relative(ROOT, f), text: readFileSync(f, "utf8") }))
  .filter(({ text }) => /^["']use client["']/m.test(text));

describe("client messages", () => {
  it("name only namespaces that exist, in both languages", async () => {
    for (const locale of ["id", "en"] as const) {
      const all = await loadMessages(locale);
      for (const [group, namespaces] of Object.entries(CLIENT_MESSAGE_GROUPS)) {
        for (const ns of namespaces) expect(all, `${group}: ${ns} (${locale})`).toHaveProperty(ns);
        expect(Object.keys(clientMessages(all, group as ClientMessageGroup)).sort()).toEqual([...namespaces].sort());
      }
    }
  });

  it("are enough for every client component: each reads only its group's namespaces", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
    let checked = 0;
    for (const { file, text } of clientFiles) {
      const used = namespacesUsed(text);
      if (used.size === 0) continue;
      checked++;
      const group = GROUP_BY_PATH.find(([re]) => re.test(file.replaceAll(path.sep, "/")))?.[1];
      expect(group, `${file} uses translations but sits under no ClientMessages group`).toBeDefined();
      for (const ns of used) expect(CLIENT_MESSAGE_GROUPS[group!] as readonly string[], `${file} reads ${ns}`).toContain(ns);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("carry validation messages wherever a form shows a field's error", () => {
    // useActionForm and the sign-in form translate zod's message keys (validation.*) at run time.
    for (const { file, text } of clientFiles) {
      if (file.startsWith("components/ui/") || !/useActionForm|\.message\)/.test(text)) continue;
      const group = GROUP_BY_PATH.find(([re]) => re.test(file))?.[1];
      expect(CLIENT_MESSAGE_GROUPS[group!] as readonly string[], file).toContain("validation");
    }
  });

  it("sees the namespaces of literal keys and of scoped translators", () => {
    const source = `const t = useTranslations("events.import"); const tc = useTranslations(); tc(\`stages.\${s}\`); tc("roles.X");`;
    expect([...namespacesUsed(source)].sort()).toEqual(["events", "roles", "stages"]);
  });
});
