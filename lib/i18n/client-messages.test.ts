import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalogue";
import { clientMessages, SERVER_ONLY_NAMESPACES } from "@/lib/i18n/client-messages";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("client messages", () => {
  it("leave out only the server-only namespaces, which exist", async () => {
    const all = await loadMessages("id");
    for (const ns of SERVER_ONLY_NAMESPACES) expect(all, ns).toHaveProperty(ns);
    const picked = clientMessages(all);
    expect(Object.keys(picked).sort()).toEqual(
      Object.keys(all).filter((k) => !(SERVER_ONLY_NAMESPACES as readonly string[]).includes(k)).sort(),
    );
  });

  it("are enough for every client component: none names a server-only namespace", () => {
    const clientFiles = ["app", "components"]
      .flatMap((d) => sourceFiles(path.join(process.cwd(), d)))
      .filter((f) => readFileSync(f, "utf8").includes('"use client"'));
    expect(clientFiles.length).toBeGreaterThan(5);
    for (const file of clientFiles) {
      const text = readFileSync(file, "utf8");
      for (const ns of SERVER_ONLY_NAMESPACES) {
        expect(text, `${file} uses ${ns}`).not.toMatch(new RegExp(`["\`]${ns}[".]`));
      }
    }
  });
});
