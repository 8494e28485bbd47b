"use client";
import { useEffect, useRef, useState } from "react";
import { FigureTable, type FigureRow } from "@/components/ui/figure-table";

/**
 * A table of figures behind a disclosure (`<details>`), drawn when first opened. Its rows come as
 * compact data, so a closed table costs the page no markup: the national dashboard's province and
 * monthly tables (the accessible alternatives of its map and charts) were a third of its
 * elements, and every element is rendered on the server twice (docs/decisions/0014). Opened, it is
 * the same FigureTable as everywhere; without JavaScript it says that the table needs it.
 */
export function DisclosureTable({
  summary,
  withoutScript,
  className,
  ...table
}: {
  summary: string;
  /** Shown instead when the browser runs no script. */
  withoutScript: string;
  className?: string;
  columns: readonly string[];
  rows: readonly FigureRow[];
  numeric?: boolean;
  testId?: string;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const [shown, setShown] = useState(false);
  // opened before this script ran: the toggle event came before React listened
  useEffect(() => {
    if (details.current?.open) setShown(true);
  }, []);
  return (
    <details ref={details} className={className} onToggle={(e) => e.currentTarget.open && setShown(true)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-800">{summary}</summary>
      <div className="mt-2 overflow-x-auto">{shown ? <FigureTable {...table} /> : <noscript>{withoutScript}</noscript>}</div>
    </details>
  );
}
