import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Hello", robots: { index: false, follow: false } };

/**
 * The baseline of `npm run bench`: the smallest page rendered on every request. It exists only
 * when the server runs with BENCH_ROUTES=1 (the bench script sets it); otherwise it is a 404.
 */
export default async function HelloBenchPage() {
  await connection();
  if (process.env.BENCH_ROUTES !== "1") notFound();
  return (
    <main id="main">
      <p>Hello, {new Date().toISOString()}</p>
    </main>
  );
}
