/**
 * Rows written with COPY (server/db/copy.ts) read back as they were, on both engines: text with the characters
 * COPY's text format escapes, JSON holding them, NULLs, booleans, instants, dates, numbers.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.js';
import { copyRows, JsonText } from '../../server/db/copy.js';
import { bareDatabase, ENGINES } from '../helpers/app.js';

const probe = pgTable('copy_probe', {
  n: integer('n').notNull(),
  big: bigint('big', { mode: 'number' }),
  label: text('label'),
  flag: boolean('flag'),
  at: timestamp('at', { withTimezone: true }),
  day: date('day', { mode: 'string' }),
  doc: jsonb('doc'),
});

const ROWS = [
  { n: 1, big: 9_007_199_254_740_991, label: 'tab\there, newline\nthere, return\r, backslash \\ and \\N', flag: true, at: new Date('2026-03-02T02:00:00.123Z'), day: '2024-02-29', doc: { s: 'a\tb\\c\nd "quoted"', list: [1, null, 'x'] } },
  { n: 2, big: null, label: null, flag: false, at: null, day: null, doc: null },
  { n: 3, big: -1, label: '\\N', flag: null, at: new Date('1999-12-31T16:59:59Z'), day: '2026-12-31', doc: 'text\\ as JSON' },
  { n: 4, big: 0, label: 'Hồ sơ một cửa — đúng hạn', flag: true, at: new Date(0), day: '1970-01-01', doc: [] },
];

describe.each(ENGINES)('COPY of rows on %s', (engine) => {
  let database: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ database, close } = await bareDatabase(engine));
    await database.db.execute(sql`CREATE TABLE copy_probe (n int NOT NULL, big int8, label text, flag boolean, at timestamptz, day date, doc jsonb)`);
  }, 120_000);
  afterAll(() => close());

  it('reads back every value as written, escapes and NULLs included', async () => {
    await database.db.transaction((tx) => copyRows(tx, probe, ROWS));
    const back = await database.db.select().from(probe).orderBy(probe.n);
    expect(back).toEqual(ROWS);
  });

  it('JSON given as text (JsonText) is stored as that JSON, escapes included, not as a JSON string', async () => {
    await database.db.execute(sql`DELETE FROM copy_probe`);
    const doc = { s: 'a\tb\\c\nd "quoted"', at: '2026-03-02T02:00:00.000Z', n: 1.5 };
    await database.db.transaction((tx) => copyRows(tx, probe, [{ n: 1, doc: new JsonText(JSON.stringify(doc)) }, { n: 2, doc: 'plain' }]));
    expect((await database.db.select({ doc: probe.doc }).from(probe).orderBy(probe.n)).map((r) => r.doc)).toEqual([doc, 'plain']);
  });

  it('a column no row gives is left to its default; nothing is written for no rows', async () => {
    await database.db.execute(sql`DELETE FROM copy_probe`);
    await database.db.transaction(async (tx) => {
      await copyRows(tx, probe, []);
      await copyRows(tx, probe, [{ n: 7 }, { n: 8, label: 'x' }]);
    });
    expect(await database.db.select({ n: probe.n, label: probe.label, flag: probe.flag }).from(probe).orderBy(probe.n)).toEqual([
      { n: 7, label: null, flag: null },
      { n: 8, label: 'x', flag: null },
    ]);
  });
});
