import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { isCrossOriginRequest, requestOrigins } from "@/lib/server/same-origin";
import { describe, expect, it } from "vitest";
import { POST as importPost } from "@/app/api/kegiatan/[id]/impor/route";
import { POST as photoPost } from "@/app/api/kegiatan/[id]/foto/route";
import { POST as checkInPost } from "@/app/api/hadir/[code]/route";

// Issue 14, item 5: a page on another port of the same host posted a CSV to the import route,
// with the victim's cookie, and the row was inserted. Route handlers must refuse what server
// actions refuse: a post from another origin.
const eventId = "00000000-0000-4000-8000-000000000001";
const crossSite: Record<string, string>[] = [
  { origin: "http://127.0.0.1:59999", "sec-fetch-site": "same-site" },
  { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  { origin: "null" },
  { "sec-fetch-site": "cross-site" },
];

function post(path: string, headers: Record<string, string>) {
  const form = new FormData();
  form.set("file", new File(["nama,kategori\nBudi,WARGA\n"], "a.csv", { type: "text/csv" }));
  return new NextRequest(`http://127.0.0.1:3314${path}`, { method: "POST", body: form, headers: { host: "127.0.0.1:3314", ...headers } });
}

describe("route handlers refuse cross-site posts", () => {
  for (const headers of crossSite) {
    it(`answers 403 to ${JSON.stringify(headers)}`, async () => {
      const params = { params: Promise.resolve({ id: eventId }) };
      const replies = await Promise.all([
        importPost(post(`/api/kegiatan/${eventId}/impor?commit=1`, headers), params),
        photoPost(post(`/api/kegiatan/${eventId}/foto`, headers), params),
        checkInPost(post(`/api/hadir/ABCD1234`, headers), { params: Promise.resolve({ code: "ABCD1234" }) }),
      ]);
      expect(replies.map((r) => r.status)).toEqual([403, 403, 403]);
    });
  }
});

describe("isCrossOriginRequest", () => {
  const allowed = ["http://127.0.0.1:3314", "https://desabinaan.imigrasi.go.id"];
  it("lets the portal's own pages and non-browser clients through", () => {
    expect(isCrossOriginRequest(new Headers({ origin: "http://127.0.0.1:3314", "sec-fetch-site": "same-origin" }), allowed)).toBe(false);
    expect(isCrossOriginRequest(new Headers({ origin: "https://desabinaan.imigrasi.go.id" }), allowed)).toBe(false);
    expect(isCrossOriginRequest(new Headers(), allowed)).toBe(false);
  });
  it("counts the host behind a proxy as the portal's own", () => {
    const headers = new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "portal.example", "x-forwarded-proto": "https", origin: "https://portal.example" });
    expect(isCrossOriginRequest(headers, requestOrigins(headers, "http://10.0.0.5:3000/api/x"))).toBe(false);
  });
});

describe("every state-changing route handler goes through mutatingRoute", () => {
  it("has no bare POST, PUT, PATCH or DELETE export", () => {
    const files = execSync("git ls-files 'app/**/route.ts'", { encoding: "utf8" }).split("\n").filter(Boolean);
    const bare = files.filter((f) => /export (async function|const) (POST|PUT|PATCH|DELETE)\b(?! = mutatingRoute\()/.test(readFileSync(f, "utf8")));
    expect(bare).toEqual([]);
  });
});
