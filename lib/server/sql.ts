import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { inSnapshot } from "@/lib/server/snapshot-memo";

/** A SELECT whose rows have the shape `Row` (as JSON: see selectTogether). */
export type Select<Row> = Prisma.Sql & { readonly __row?: Row };

/** A SELECT fragment with its row type; parameters are bound, never spliced. */
export function select<Row>(strings: TemplateStringsArray, ...values: unknown[]): Select<Row> {
  return Prisma.sql(strings, ...values) as Select<Row>;
}

type Rows<S> = { [K in keyof S]: S[K] extends Select<infer Row> ? Row[] : never };

/**
 * Runs several SELECTs as one statement, in one round trip: each becomes a JSON array column
 * (`json_agg` of its rows), and the driver parses one JSON value instead of row after row.
 * On this kind of machine every round trip costs the server a syscall and a wake-up of the
 * database process, and a dashboard needs half a dozen aggregates: together they cost one.
 *
 * Rows come back as JSON: numbers (cast counts to ::int), strings, booleans and null;
 * timestamps arrive as ISO strings, so a caller that needs a Date converts it.
 */
export async function selectTogether<S extends Record<string, Select<unknown>>>(
  selects: S,
  options: {
    with?: Record<string, Prisma.Sql>;
    /**
     * Remember the result for other readers of the same statement in the same database
     * snapshot (lib/server/snapshot-memo.ts): for expensive statements that many users ask
     * alike. Costs one small round trip more when the result is not remembered.
     */
    remember?: boolean;
  } = {},
): Promise<Rows<S>> {
  const asText = options.remember ? Prisma.sql`::text` : Prisma.empty;
  const columns = Object.entries(selects).map(([name, sql]) => Prisma.sql`(SELECT COALESCE(json_agg(t), '[]'::json)${asText} FROM (${sql}) t) AS "${Prisma.raw(safeName(name))}"`);
  // Named subqueries the selects share (`WITH scoped AS (...)`): written and computed once.
  const ctes = Object.entries(options.with ?? {}).map(([name, sql]) => Prisma.sql`${Prisma.raw(safeName(name))} AS (${sql})`);
  const prelude = ctes.length > 0 ? Prisma.sql`WITH ${Prisma.join(ctes, ", ")} ` : Prisma.empty;
  const statement = Prisma.sql`${prelude}SELECT ${Prisma.join(columns, ", ")}`;
  if (options.remember) {
    return inSnapshot<Rows<S>>(statement, async () => (await db.$queryRaw<Record<string, string>[]>(statement))[0]!);
  }
  const [row] = await db.$queryRaw<Rows<S>[]>(statement);
  return row!;
}

function safeName(name: string): string {
  if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) throw new Error(`selectTogether: unsafe name ${name}`);
  return name;
}

/** One SELECT, read the same way (so its rows look exactly as they do in selectTogether). */
export async function selectRows<Row>(sql: Select<Row>): Promise<Row[]> {
  return (await selectTogether({ rows: sql })).rows;
}
