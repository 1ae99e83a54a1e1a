/**
 * Writes of many rows in one statement each: the rows travel as one JSON parameter and the database turns
 * them into a set (`json_to_recordset`), so the cost is the database's own, not the query builder's per
 * value (a profile of ingest showed Drizzle's building of multi-row VALUES at half the CPU). The columns and
 * their types are read from the Drizzle table, so a column added to a table is written with no change here.
 * Keys are the table's JS property names; absent keys are NULL (or the column's default for inserts when
 * no row gives them).
 */
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.js';

type Row = Record<string, unknown>;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function columnsOf(table: PgTable, rows: Row[]) {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const present = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (r[k] !== undefined) present.add(k);
  return Object.entries(all)
    .filter(([k]) => present.has(k))
    .map(([key, col]) => ({ key, name: col.name, type: col.getSQLType() }));
}

/** `json_to_recordset($1::json) AS x(col type, …)` for the columns the rows give, and the JSON of the rows by column name. */
function recordset(table: PgTable, rows: Row[]) {
  const cols = columnsOf(table, rows);
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(cols.map((c) => [c.name, r[c.key] ?? null]))));
  const def = sql.raw(cols.map((c) => `${ident(c.name)} ${c.type}`).join(', '));
  const names = sql.raw(cols.map((c) => ident(c.name)).join(', '));
  return { cols, from: sql`json_to_recordset(${json}::json) AS x(${def})`, names };
}

/**
 * INSERT of every row in one statement; `onConflict` is the raw text after ON CONFLICT (e.g. a target and
 * DO UPDATE SET …), `returning` the columns (JS keys) to give back for each row.
 */
export async function insertRows<K extends string>(db: Db | Tx, table: PgTable, rows: Row[], opts: { onConflict?: SQL; returning?: K[] } = {}): Promise<Record<K, unknown>[]> {
  if (rows.length === 0) return [];
  const { from, names } = recordset(table, rows);
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const ret = opts.returning?.length ? sql.raw(` RETURNING ${opts.returning.map((k) => `${ident(all[k].name)} AS ${ident(k)}`).join(', ')}`) : sql``;
  const conflict = opts.onConflict ? sql` ON CONFLICT ${opts.onConflict}` : sql``;
  const res = (await db.execute(sql`INSERT INTO ${sql.raw(ident(getTableName(table)))} (${names}) SELECT ${names} FROM ${from}${conflict}${ret}`)) as unknown as { rows: Record<K, unknown>[] };
  return res.rows;
}

/** UPDATE of every row by `key` (a JS key, e.g. "id") in one statement: each row's other given columns are set. */
export async function updateRows(db: Db | Tx, table: PgTable, key: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const { cols, from } = recordset(table, rows);
  const keyName = cols.find((c) => c.key === key)?.name;
  if (!keyName) throw new Error(`updateRows: the rows have no ${key}`);
  const t = ident(getTableName(table));
  const set = sql.raw(cols.filter((c) => c.key !== key).map((c) => `${ident(c.name)} = x.${ident(c.name)}`).join(', '));
  await db.execute(sql`UPDATE ${sql.raw(t)} SET ${set} FROM ${from} WHERE ${sql.raw(`${t}.${ident(keyName)} = x.${ident(keyName)}`)}`);
}
