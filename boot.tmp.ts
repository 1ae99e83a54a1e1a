import { openDatabase } from './server/db/client.js';
import { bootstrap } from './server/seed/bootstrap.js';
const t0 = Date.now();
const d = await openDatabase({ dataDir: process.argv[2] });
console.log('open', Date.now() - t0);
const orig = console.time;
await bootstrap(d.db, { demoData: true, adminPassword: 'Admin12345', demoPassword: 'Demo12345' });
console.log('boot', Date.now() - t0);
await d.close();
