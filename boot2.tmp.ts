import { PGlite } from '@electric-sql/pglite';
const stats = new Map<string, { n: number; ms: number }>();
for (const m of ['query', 'exec'] as const) {
  const orig = (PGlite.prototype as any)[m];
  (PGlite.prototype as any)[m] = async function (...args: any[]) {
    const st = new Error().stack!.split('\n').slice(2).find((l) => l.includes('/work/main/server') && !l.includes('/db/client')) ?? 'other';
    const key = st.replace(/.*\/work\/main\//, '').replace(/:\d+\)?$/, '');
    const t = performance.now();
    try { return await orig.apply(this, args); } finally { const s = stats.get(key) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t; stats.set(key, s); }
  };
}
const origTx = (PGlite.prototype as any).transaction;
(PGlite.prototype as any).transaction = function (cb: any) {
  return origTx.call(this, (tx: any) => {
    for (const m of ['query', 'exec']) {
      const o = tx[m].bind(tx);
      tx[m] = async (...args: any[]) => {
        const st = (globalThis as any).__phase ?? 'other';
        const key = st.replace(/\s+at /g, ' ').replace(/\/work\/main\//g, '').replace(/:\d+\)?/g, '');
        const t = performance.now();
        try { return await o(...args); } finally { const s = stats.get(key) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t; stats.set(key, s); }
      };
    }
    return cb(tx);
  });
};
const { openDatabase } = await import('./server/db/client.js');
const { bootstrap } = await import('./server/seed/bootstrap.js');
const t0 = Date.now();
const d = await openDatabase({});
await bootstrap(d.db, { demoData: true, adminPassword: 'Admin12345', demoPassword: 'Demo12345' });
console.log('boot', Date.now() - t0);
console.log([...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30).map(([k, v]) => `${v.n}\t${Math.round(v.ms)}ms\t${k}`).join('\n'));
console.log('total queries', [...stats.values()].reduce((a, b) => a + b.n, 0));
await d.close();
