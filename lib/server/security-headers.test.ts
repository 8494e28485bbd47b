import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
// @ts-expect-error Next ships its copy of path-to-regexp (the matcher of its headers()) without types
import { pathToRegexp } from "next/dist/compiled/path-to-regexp";
import nextConfig from "@/next.config";

// Issue 14, item 14: no Content-Security-Policy and no HSTS on any page.
const page = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://127.0.0.1:3314${path}`, { headers: { cookie: "next-auth.session-token=x", ...headers } });

describe("Content-Security-Policy", () => {
  it("gives each portal, sign-in and check-in page a fresh nonce and a strict script policy", async () => {
    const policies = [];
    for (const path of ["/portal", "/portal/kegiatan", "/masuk", "/hadir/ABCD1234"]) {
      const csp = (await proxy(page(path))).headers.get("content-security-policy");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("unsafe-inline' 'strict");
      // the tip form's proof-of-work worker, from our own origin only (no blob:, no wasm)
      expect(csp).toContain("worker-src 'self';");
      policies.push(csp);
    }
    expect(new Set(policies).size).toBe(policies.length);
  });

  it("sends HSTS only over https", async () => {
    expect((await proxy(page("/portal"))).headers.get("strict-transport-security")).toBeNull();
    expect((await proxy(page("/portal", { "x-forwarded-proto": "https" }))).headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("gives the cached public pages a policy too, and HSTS over https", async () => {
    const rules = (await nextConfig.headers!()) as { source: string; has?: unknown[]; headers: { key: string; value: string }[] }[];
    const csp = rules.filter((r) => r.headers.some((h) => h.key === "Content-Security-Policy"));
    expect(csp.map((r) => r.source)).toEqual(expect.arrayContaining(["/"]));
    expect(csp[0]!.headers[0]!.value).toContain("frame-ancestors 'none'");
    expect(rules.some((r) => r.has && r.headers.some((h) => h.key === "Strict-Transport-Security"))).toBe(true);
  });

  it("lets other sites frame only the village widget and badge (issue 18)", async () => {
    const rules = (await nextConfig.headers!()) as { source: string; has?: unknown[]; headers: { key: string; value: string }[] }[];
    // As Next applies them: every matching rule in order, a later value replacing an earlier one.
    const headersOf = (path: string) => {
      const out: Record<string, string> = {};
      for (const rule of rules.filter((r) => !r.has)) {
        if (!pathToRegexp(rule.source, [], { strict: true, delimiter: "/" }).test(path)) continue;
        for (const h of rule.headers) out[h.key] = h.value;
      }
      return out;
    };
    for (const path of ["/desa/33.14.09.2005/widget", "/desa/33.14.09.2005/lencana.svg"]) {
      expect(headersOf(path)["X-Frame-Options"], path).toBeUndefined();
      expect(headersOf(path)["Content-Security-Policy"], path).toContain("frame-ancestors *");
    }
    for (const path of ["/", "/desa", "/desa/33.14.09.2005", "/materi/x", "/en/desa/33.14.09.2005", "/api/publik/v1/ringkasan", "/desa/33.14.09.2005/widget/x"]) {
      expect(headersOf(path)["X-Frame-Options"], path).toBe("DENY");
      expect(headersOf(path)["Content-Security-Policy"], path).toContain("frame-ancestors 'none'");
    }
    // the portal's policy comes from proxy.ts, also 'none'
    expect(headersOf("/portal/desa")["X-Frame-Options"]).toBe("DENY");
  });
});
