/** Root layout of the benchmark baseline only (scripts/bench/public.ts): nothing but a document. */
export default function BenchLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
