import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/cn";
import { TABLE } from "@/components/ui/table";

/** One column: its header and how a row fills its cell; `srOnly` for a header only read aloud (an actions column). */
export type DataColumn<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  srOnly?: boolean;
  /** Classes of the header and cells (e.g. "text-right tabular-nums"). */
  className?: string;
};

/**
 * The portal's list table: a box that scrolls sideways on a phone (focusable, named, so a
 * keyboard can scroll it) around a table styled once per table (components/ui/table.ts), with
 * column headers scoped. Pages give rows and columns, nothing of the markup.
 */
export function DataTable<T>({
  label,
  rows,
  columns,
  rowKey,
  rowProps,
  className,
}: {
  /** The table's name (its caption, read aloud, and the scroll box's label). */
  label: string;
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  rowKey: (row: T) => string;
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  className?: string;
}) {
  return (
    <div className={cn("relative overflow-x-auto", className)} role="region" aria-label={label} tabIndex={0}>
      <table className={TABLE}>
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.className}>
                {c.srOnly ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((c, i) => (
                <td key={i} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
