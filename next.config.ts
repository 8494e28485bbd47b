import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { CACHED_PAGE_CSP, FRAMEABLE_CSP, FRAMEABLE_SOURCES, HSTS, NOT_FRAMEABLE_LOOKAHEAD } from "./lib/server/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The Indonesian public pages without a parameter of their own. Each is rewritten to
// app/(public)/[locale] with locale "id": a route without a dynamic segment would be prerendered
// by `next build`, which must not need the database. The pages with a parameter (/materi/<slug>,
// /materi/kategori/<category>, /materi/cari, /desa/<code>) are real routes under app/(public)/(id)
// instead: a rewrite costs every request that matches it about 0.1 ms of the server's time, a
// fifth of what serving a cached page costs (docs/decisions/0008).
const REWRITTEN_PUBLIC_PATHS = ["/", "/materi", "/panduan", "/perjalanan", "/desa"];

// The benchmark baselines (app/(bench), files named *.bench.tsx) are routes only in a build made
// with this flag: the product build has no such pages. A NEXT_PUBLIC_ name on purpose, because
// `npm start` rebuilds when a NEXT_PUBLIC_ value differs from the last build's (scripts/lib/next-build.ts).
const BENCH_ROUTES = process.env.NEXT_PUBLIC_BENCH_ROUTES === "1";

const nextConfig: NextConfig = {
  pageExtensions: BENCH_ROUTES ? ["bench.tsx", "tsx", "ts"] : ["tsx", "ts"],
  // Native binaries (argon2, sharp) and pdfkit's font files read from disk: keep them out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pdfkit", "sharp"],
  poweredByHeader: false,
  // Next's in-memory page cache, with tag revalidations shared between instances through
  // PostgreSQL NOTIFY (lib/server/cache-handler.cjs, docs/decisions/0013).
  cacheHandler: path.resolve("lib/server/cache-handler.cjs"),
  experimental: {
    // Several root layouts (public per locale, sign-in, portal): one 404 for unmatched URLs.
    globalNotFound: true,
    // Material covers (2 MB) and PDF attachments (10 MB) are uploaded through server actions.
    serverActions: { bodySizeLimit: "11mb" },
    // Public pages rendered at run time stay in memory, not in .next/: a restart (or a build
    // reused against another database, as the tests do) starts with an empty page cache.
    isrFlushToDisk: false,
    // `"use cache"` for sections of signed-in pages keyed by scope, filters and figures version
    // (docs/decisions/0021), without the rest of Cache Components (`cacheComponents`), which
    // would change how every page of the app is rendered. Deprecated in favour of that flag, not removed.
    useCache: true,
  },
  // Indonesian is served without a prefix, English under /en (docs/decisions/0008).
  // /id/... is not a URL of its own.
  async rewrites() {
    return {
      beforeFiles: REWRITTEN_PUBLIC_PATHS.map((source) => ({ source, destination: `/id${source === "/" ? "" : source}` })),
      afterFiles: [],
      fallback: [],
    };
  },
  async redirects() {
    return [
      { source: "/id", destination: "/", permanent: true },
      { source: "/id/:path*", destination: "/:path*", permanent: true },
    ];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // No page may be framed, but the village widget and badge (FRAMEABLE_SOURCES, issue 18).
      { source: `/:path(${NOT_FRAMEABLE_LOOKAHEAD}.*)`, headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      { source: "/", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      {
        // Cached public pages (and anything else the proxy does not give a nonce): see
        // lib/server/security-headers.ts. The proxy's own policy replaces this one where it runs.
        source: `/:path((?!portal|masuk|hadir/)${NOT_FRAMEABLE_LOOKAHEAD}.*)`,
        headers: [{ key: "Content-Security-Policy", value: CACHED_PAGE_CSP }],
      },
      { source: "/", headers: [{ key: "Content-Security-Policy", value: CACHED_PAGE_CSP }] },
      ...FRAMEABLE_SOURCES.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: FRAMEABLE_CSP }] })),
      {
        // HSTS only where the request came over https (directly or through the proxy).
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
