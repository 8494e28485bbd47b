"use client";
import { NUMERIC_TABLE, TABLE } from "@/components/ui/table";

/** A cell: text or a number, or text with a smaller line under it (a village and its district). */
export type FigureCell = string | number | readonly [text: string, note: string];
/** A row: its key, then its cells; the first cell heads the row. */
export type FigureRow = readonly [key: string, ...cells: FigureCell[]];

/**
 * A plain table of many rows, given as data. A client component on purpose, though it needs no
 * state: a server component's markup travels twice (React's payload and the HTML), while a
 * client component's props travel once as compact arrays and the markup only as HTML. For the
 * national dashboard's few hundred cells this was a tenth of the page (docs/decisions/0013).
 */
export function FigureTable({
  columns,
  rows,
  numeric = false,
  testId,
}: {
  columns: readonly string[];
  rows: readonly FigureRow[];
  numeric?: boolean;
  testId?: string;
}) {
  return (
    <table className={numeric ? NUMERIC_TABLE : TABLE} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((label, i) => (
            <th key={i} scope="col" className={numeric && i > 0 ? "text-right" : undefined}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, first, ...rest]) => (
          <tr key={key}>
            <th scope="row">
              <Cell cell={first} />
            </th>
            {rest.map((cell, i) => (
              <td key={i}>
                <Cell cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell({ cell }: { cell: FigureCell | undefined }) {
  if (Array.isArray(cell)) {
    return (
      <>
        {cell[0]}
        <span className="block text-xs font-normal text-slate-600">{cell[1]}</span>
      </>
    );
  }
  return <>{cell as string | number | undefined}</>;
}
