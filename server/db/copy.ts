/**
 * COPY of many rows into a table inside the caller's transaction, on either engine: PostgreSQL through
 * `COPY … FROM STDIN` (pg-copy-streams, the rows streamed in chunks), PGlite through `COPY … FROM
 * '/dev/blob'`. It is the database's own bulk path, several times faster than an INSERT of the same rows
 * (bench/ingest.ts compares the two). Rows are written in COPY's text format from the Drizzle table's columns
 * (keys are the JS property names, as in bulk.ts); a column no row gives is left to its default.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, Tx } from './client.js';

type Row = Record<string, unknown>;

/** One value in COPY's text format: NULL as \N; backslash, tab, newline and carriage return escaped. */
export function copyValue(v: unknown, type: string): string {
  return formatterOf(type)(v);
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const escape = (s: string) => (SPECIAL.test(s) ? s.replace(SPECIALS, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s);

/** JSON already written as text (a jsonb column's value that needs no JSON.stringify). */
export class JsonText {
  constructor(readonly text: string) {}
}

/** A column type's formatter, chosen once per column rather than per value (a batch writes thousands of rows). */
function formatterOf(type: string): (v: unknown) => string {
  if (type === 'jsonb' || type === 'json') return (v) => (v === null || v === undefined ? '\\N' : escape(v instanceof JsonText ? v.text : JSON.stringify(v)));
  return (v) => {
    if (v === null || v === undefined) return '\\N';
    // numbers, booleans and instants hold no character COPY must escape
    if (typeof v === 'number' || typeof v === 'bigint') return String(v);
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'boolean') return v ? 't' : 'f';
    return escape(typeof v === 'object' ? JSON.stringify(v) : String(v));
  };
}

interface RawClient {
  query: (...args: unknown[]) => unknown;
  release?: unknown;
}

/** The driver's client under a Drizzle transaction or database: a pg client (PostgreSQL) or a PGlite one. */
function rawClient(db: Db | Tx): RawClient {
  const session = (db as unknown as { session: { client: RawClient } }).session;
  return session.client;
}

/** COPY the rows into `table` (schema-qualified name not needed: the public tables). */
export async function copyRows(db: Db | Tx, table: PgTable, rows: Row[], tableName = getTableName(table)): Promise<void> {
  if (rows.length === 0) return;
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const present = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (r[k] !== undefined) present.add(k);
  const cols = Object.entries(all)
    .filter(([k]) => present.has(k))
    .map(([key, col]) => ({ key, name: col.name, format: formatterOf(col.getSQLType()) }));
  const statement = `COPY "${tableName.replace(/"/g, '""')}" (${cols.map((c) => `"${c.name}"`).join(', ')}) FROM `;
  const line = (r: Row) => {
    let s = cols[0].format(r[cols[0].key]);
    for (let i = 1; i < cols.length; i++) s += '\t' + cols[i].format(r[cols[i].key]);
    return s + '\n';
  };
  const chunks = function* () {
    for (let i = 0; i < rows.length; i += 2000) {
      let s = '';
      for (let j = i; j < Math.min(i + 2000, rows.length); j++) s += line(rows[j]);
      yield s;
    }
  };
  const client = rawClient(db);
  if (typeof client.release === 'function' || client.constructor?.name === 'Client' || client.constructor?.name === 'Pool') {
    // PostgreSQL (a pooled client inside a transaction): stream the rows
    if (client.constructor?.name === 'Pool') throw new Error('copyRows: call it inside a transaction (a pool has no single connection)');
    const stream = client.query(copyFrom(`${statement}STDIN`)) as NodeJS.WritableStream;
    await pipeline(Readable.from(chunks()), stream);
    return;
  }
  // PGlite: the rows as one blob
  await (client.query as (q: string, p: unknown[], o: { blob: Blob }) => Promise<unknown>)(`${statement}'/dev/blob'`, [], { blob: new Blob([...chunks()]) });
}
