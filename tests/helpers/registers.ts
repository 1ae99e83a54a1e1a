/**
 * A test application with the demo registers (server/seed/demoRegisters.ts) loaded after the bootstrap —
 * unless the bootstrap already loads them (once it calls loadDemoRegisters itself), so never twice.
 */
import { sql } from 'drizzle-orm';
import type { Db, Engine } from '../../server/db/client.js';
import { legalDocuments, orgUnits } from '../../server/db/schema.js';
import { loadDemoRegisters } from '../../server/seed/demoRegisters.js';
import { type TestApp, testApp } from './app.js';

export async function withDemoRegisters(t: TestApp, now = new Date()): Promise<TestApp> {
  await loadRegistersOnce(t.database.db, now);
  return t;
}

/** Loads the demo registers into a bootstrapped database that does not have them yet. */
export async function loadRegistersOnce(db: Db, now = new Date()): Promise<void> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(legalDocuments);
  if (n === 0) {
    const ids = new Map((await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)).map((u) => [u.code, u.id]));
    await db.transaction((tx) => loadDemoRegisters(tx as unknown as Db, ids, now));
  }
}

export async function registersApp(engine: Engine): Promise<TestApp> {
  return withDemoRegisters(await testApp(engine));
}
