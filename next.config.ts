import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const PUBLIC_PATHS = ["/", "/materi", "/materi/:path*", "/panduan", "/desa", "/desa/:path*"];

const nextConfig: NextConfig = {
  // Native binaries (argon2, sharp) and pdfkit's font files read from disk: keep them out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pdfkit", "sharp", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  experimental: {
    // Several root layouts (public per locale, sign-in, portal): one 404 for unmatched URLs.
    globalNotFound: true,
    // Material covers (2 MB) and PDF attachments (10 MB) are uploaded through server actions.
    serverActions: { bodySizeLimit: "11mb" },
    // Public pages rendered at run time stay in memory, not in .next/: a restart (or a build
    // reused against another database, as the tests do) starts with an empty page cache.
    isrFlushToDisk: false,
  },
  // Public pages live under app/(public)/[locale]; Indonesian is served without a prefix
  // (docs/decisions/0008). /id/... is not a URL of its own.
  async rewrites() {
    return {
      beforeFiles: PUBLIC_PATHS.map((source) => ({ source, destination: `/id${source === "/" ? "" : source}` })),
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
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
