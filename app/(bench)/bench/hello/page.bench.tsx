import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Hello", robots: { index: false, follow: false } };

/**
 * The baseline of `npm run bench`: the smallest page rendered on every request. A route only in
 * a build made with NEXT_PUBLIC_BENCH_ROUTES=1 (next.config.ts); the product build has none.
 */
export default async function HelloBenchPage() {
  await connection();
  return (
    <main id="main">
      <p>Hello, {new Date().toISOString()}</p>
    </main>
  );
}
