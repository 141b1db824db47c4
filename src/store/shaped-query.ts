import { CompiledQuery, type Compilable } from 'kysely';
import type { Executor } from './database.js';
import type { DB } from './schema.js';

// Hot statements without building a query tree per call (issue 2 item 10).
//
// Kysely builds every query as a tree of frozen nodes and compiles it back into text on each
// call: for a multi-row insert of a batch of openings that is thousands of objects per statement,
// and the opening path's inserts and lookups spent about a tenth of the server's CPU there on
// `npm run bench`. Their text depends only on a shape — the table, the columns, the number of rows
// or of IN-list items — and the dialect, so Kysely compiles it once per shape and the text is
// reused with fresh parameters.
//
// The caller supplies the parameters in the order Kysely numbers them. The first use of each shape
// checks that order against Kysely's own compilation of the same call, so a mistake fails loudly
// in the tests rather than binding a value to the wrong column.
//
// Texts are kept per dialect adapter (one per store; a transaction shares its store's) and bounded.

const MAX_SHAPES_PER_ADAPTER = 2_000;
const textsByAdapter = new WeakMap<object, Map<string, string>>();

export async function executeShaped<R>(
  db: Executor,
  shape: string,
  build: () => Compilable<R>,
  parameters: readonly unknown[],
): Promise<R[]> {
  const adapter = db.getExecutor().adapter as object;
  let texts = textsByAdapter.get(adapter);
  if (!texts) textsByAdapter.set(adapter, (texts = new Map()));
  let text = texts.get(shape);
  if (text === undefined) {
    const compiled = build().compile();
    const same = compiled.parameters.length === parameters.length && compiled.parameters.every((p, i) => Object.is(p, parameters[i]));
    if (!same) throw new Error(`executeShaped(${shape}): parameters are not in the order Kysely binds them`);
    text = compiled.sql;
    if (texts.size >= MAX_SHAPES_PER_ADAPTER) texts.clear();
    texts.set(shape, text);
  }
  const result = await db.executeQuery<R>(CompiledQuery.raw(text, parameters as unknown[]));
  return result.rows;
}

/**
 * Inserts rows given as value arrays in `columns` order, in one statement. With `returningId`,
 * resolves to the new ids in row order (both databases number and return a multi-row VALUES
 * insert in row order); otherwise to an empty list. Callers keep statements under the databases'
 * bound-parameter limits (SQLite 32,766; PostgreSQL 65,535).
 */
export async function insertRows(
  db: Executor,
  table: keyof DB & string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { returningId: boolean },
): Promise<number[]> {
  if (rows.length === 0) return [];
  const parameters: unknown[] = new Array(rows.length * columns.length);
  let k = 0;
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`insertRows(${table}): a row has ${row.length} values for ${columns.length} columns`);
    // An undefined value is a NULL here: Kysely would leave the column out of that row instead.
    for (const value of row) parameters[k++] = value === undefined ? null : value;
  }
  const shape = `insert ${table}(${columns.join(',')})x${rows.length}${options.returningId ? ' returning id' : ''}`;
  const build = () => {
    const query = db.insertInto(table).values(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]))) as never);
    return (options.returningId ? query.returning('id' as never) : query) as Compilable<{ id: number | string }>;
  };
  const out = await executeShaped(db, shape, build, parameters);
  if (!options.returningId) return [];
  if (out.length !== rows.length) throw new Error(`insertRows(${table}): ${out.length} ids returned for ${rows.length} rows`);
  return out.map((r) => Number(r.id));
}

/**
 * Inserts rows (value arrays in `columns` order) or, for a row whose `conflictColumn` already
 * exists, sets `updateColumns` to the row's values and `updated_at` to `updatedAt`; returns every
 * row as stored. One statement; the conflict keys must be distinct.
 */
export async function upsertRowsReturningAll<R>(
  db: Executor,
  table: keyof DB & string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  conflictColumn: string,
  updateColumns: readonly string[],
  updatedAt: string,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const parameters: unknown[] = [];
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`upsertRows(${table}): a row has ${row.length} values for ${columns.length} columns`);
    for (const value of row) parameters.push(value === undefined ? null : value);
  }
  parameters.push(updatedAt);
  const shape = `upsert ${table}(${columns.join(',')})x${rows.length} on ${conflictColumn} set ${updateColumns.join(',')}`;
  const build = () => {
    const update: Record<string, unknown> = { updated_at: updatedAt };
    for (const name of updateColumns) update[name] = (eb: { ref: (r: string) => unknown }) => eb.ref(`excluded.${name}`);
    return db
      .insertInto(table)
      .values(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]))) as never)
      .onConflict((oc) => oc.column(conflictColumn as never).doUpdateSet(update as never))
      .returningAll() as unknown as Compilable<R>;
  };
  return executeShaped(db, shape, build, parameters);
}
