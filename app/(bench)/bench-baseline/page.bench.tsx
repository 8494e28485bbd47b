import type { Metadata } from "next";

export const metadata: Metadata = { title: "Hello", robots: { index: false } };

/**
 * A static hello-world page: the baseline the public material page is measured against in the
 * same benchmark run (scripts/bench/public.ts). Not linked, not in the sitemap, disallowed in robots.
 */
export default function BenchBaseline() {
  return (
    <main>
      <h1>Hello, world</h1>
    </main>
  );
}
