import type { Metadata } from "next";

export const metadata: Metadata = { title: "Empty", robots: { index: false, follow: false } };

/**
 * `npm run bench`'s signed-in page with no data: the portal shell (layout, session, menu,
 * translations) around nothing, measured against the hello page (issue 19: >= 0.8 of it). A
 * route only in a build made with NEXT_PUBLIC_BENCH_ROUTES=1 (next.config.ts).
 */
export default function EmptySignedInBenchPage() {
  return <p>-</p>;
}
