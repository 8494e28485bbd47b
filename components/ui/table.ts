/**
 * Cell styles set once per table (descendant variants) rather than on every cell: a national view
 * has a few hundred rows, and every class is sent twice (HTML and React's payload).
 */
export const TABLE =
  "w-full text-left text-sm [&_th]:py-2 [&_th]:pr-3 [&_td]:py-2 [&_td]:pr-3 [&_tbody_th]:font-medium [&_tr]:border-b [&_tbody_tr]:border-slate-100 [&_thead_tr]:border-slate-200";

/** The same, for tables of figures: numbers right-aligned in equal-width digits. */
export const NUMERIC_TABLE = `${TABLE} [&_td]:text-right [&_td]:tabular-nums`;
