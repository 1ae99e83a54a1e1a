/**
 * No upload and no malformed request takes the server down or gives a 500 (issue 10, items 9 and 14).
 * Hostile files are refused with the limit named, quickly, while GET /api/health goes on being answered;
 * malformed requests (NUL, lone surrogates, broken multipart, an empty PATCH, a unit renamed twice on one
 * date) are 4xx with a clear code. Figures (time to the answer, health answers meanwhile, RSS) are printed,
 * never asserted.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, ENGINES, login, type Session, type TestApp, testApp } from '../helpers/app.js';
import * as H from '../helpers/hostileFiles.js';

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

/** A multipart body of text fields and at most one file (field "file"). */
function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const b = 'up' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${b}` };
}

/**
 * Sends the request and, until it is answered, asks GET /api/health every few milliseconds. Returns the
 * answer, how many health answers came meanwhile, and when.
 */
async function whileSending(app: FastifyInstance, send: () => Promise<{ statusCode: number; body: string; json(): any }>) {
  const started = performance.now();
  let answered = false;
  let healthMeanwhile = 0;
  let firstHealthMs: number | null = null;
  const rssBefore = rssMb();
  const res = send().then((r) => ((answered = true), r));
  while (!answered) {
    await new Promise((r) => setTimeout(r, 2));
    const h = await app.inject({ method: 'GET', url: '/api/health' });
    if (!answered && h.statusCode === 200) {
      healthMeanwhile++;
      firstHealthMs ??= performance.now() - started;
    }
  }
  const r = await res;
  return { res: r, ms: performance.now() - started, healthMeanwhile, firstHealthMs, rssBefore, rssAfter: rssMb() };
}

describe.each(ENGINES)('hostile uploads and malformed requests (%s)', (engine) => {
  let t: TestApp;
  let admin: Session;
  let ownUnit: number;
  beforeAll(async () => {
    t = await testApp(engine, { demo: false });
    admin = await login(t.app, 'admin');
    ownUnit = (await as(t.app, admin).get('/api/auth/me')).json().user.unitId;
  });
  afterAll(() => t.close());

  const post = (url: string, body: { payload: Buffer | string; contentType: string }) =>
    t.app.inject({ method: 'POST', url, payload: body.payload, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': body.contentType } });
  const upload = (url: string, name: string, data: Buffer, fields: Record<string, string> = {}) => post(url, multipart(fields, { name, data }));
  const planFields = () => ({ year: '2026', unitId: String(ownUnit) });

  const events = (n: number) =>
    Buffer.from(['sourceSystem,dossierCode,procedureCode,unitCode,kind,at,channel,appointment', ...Array.from({ length: n }, (_, i) => `x,HS-${i},P,U,received,2026-01-05T08:00:00+07:00,online,`)].join('\n'));

  // [what, status, code, route, file name, file, whether refusing it takes long enough that health must answer first, fields]
  const cases: [string, number, string, string, string, () => Promise<Buffer> | Buffer, boolean, Record<string, string>?][] = [
    ['an .xlsx whose sheet inflates to 200 MB', 413, 'UNZIPPED_TOO_LARGE', '/api/dossiers/import', 'bomb.xlsx', () => H.xlsxBomb(200e6), false],
    ['the same sheet declaring 4 KB (inflating past its size)', 400, 'BROKEN_XLSX', '/api/dossiers/import', 'bomb.xlsx', () => H.xlsxBomb(200e6, true), false],
    ['a 6 KB .xlsx with one cell at XFD1048576', 400, 'TOO_MANY_ROWS', '/api/procedures/import?dryRun=true', 'xfd.xlsx', () => H.xlsxWithCellAt('XFD1048576'), true],
    ['a cell at XFD1 (column 16 384)', 400, 'TOO_MANY_COLUMNS', '/api/procedures/import?dryRun=true', 'xfd.xlsx', () => H.xlsxWithCellAt('XFD1'), false],
    ['an .xlsx of 5 000 zip entries', 413, 'ZIP_TOO_MANY_ENTRIES', '/api/procedures/import?dryRun=true', 'many.xlsx', () => H.zipWithEntries(5000), false],
    ['49 MB of commas as a .csv', 413, 'FILE_TOO_LARGE', '/api/dossiers/import', 'commas.csv', () => Buffer.alloc(49e6, ','), false],
    ['9 MB of commas as a .csv (under the file limit)', 400, 'WRONG_COLUMNS', '/api/procedures/import?dryRun=true', 'commas.csv', () => Buffer.alloc(9e6, ','), true],
    ['9 MB of line breaks as a .csv', 400, 'WRONG_COLUMNS', '/api/procedures/import?dryRun=true', 'lines.csv', () => Buffer.alloc(9e6, '\n'), true],
    ['10 001 dossier events in a file (the JSON route takes 10 000)', 400, 'TOO_MANY_EVENTS', '/api/dossiers/import', 'events.csv', () => events(10_001), false],
    ['a cell of 40 000 characters', 400, 'CELL_TOO_LONG', '/api/procedures/import?dryRun=true', 'long.csv', () => Buffer.from(`a,b\n${'x'.repeat(40_000)},1\n`), false],
    ['an unclosed quote running to the end', 400, 'CELL_TOO_LONG', '/api/procedures/import?dryRun=true', 'quote.csv', () => Buffer.from(`a,b\n"${'x'.repeat(40_000)}`), false],
    ['a NUL in a CSV cell', 400, 'INVALID_TEXT', '/api/procedures/import?dryRun=true', 'nul.csv', () => Buffer.from('a,b\nx\u0000y,1\n'), false],
    ['a .docx with &#99999999;', 400, 'BROKEN_DOCX', '/api/plans/import?dryRun=true', 'phu-luc.docx', () => H.docxWithBody(H.appendixTable('1.1. Rà soát &#99999999; văn bản')), false, { year: '2026' }],
    ['a .docx with &#0;', 400, 'BROKEN_DOCX', '/api/plans/import?dryRun=true', 'phu-luc.docx', () => H.docxWithBody(H.appendixTable('1.1. Rà soát &#0; văn bản')), false, { year: '2026' }],
    ['a .docx whose document inflates to 100 MB', 413, 'UNZIPPED_TOO_LARGE', '/api/plans/import?dryRun=true', 'phu-luc.docx', () => H.docxBomb(100e6), false, { year: '2026' }],
    ['a .docx with 100 000 unclosed tables', 400, 'BROKEN_DOCX', '/api/plans/import?dryRun=true', 'phu-luc.docx', () => H.docxWithBody('<w:tbl>'.repeat(100_000)), false, { year: '2026' }],
    ['random bytes named .xlsx', 400, 'BROKEN_XLSX', '/api/procedures/import?dryRun=true', 'x.xlsx', () => Buffer.from('PK\u0003\u0004' + 'z'.repeat(5000)), false],
  ];

  it.each(cases)('%s → %i %s, health answered meanwhile', async (what, status, code, url, name, make, slow, fields) => {
    const data = await make();
    const f = fields ? { ...planFields(), ...fields } : {};
    const m = await whileSending(t.app, () => upload(url, name, data, f));
    console.log(`[uploads ${engine}] ${what}: ${m.res.statusCode} ${m.res.json().code} in ${m.ms.toFixed(0)} ms; health answered ${m.healthMeanwhile}× meanwhile (first after ${m.firstHealthMs?.toFixed(1) ?? '—'} ms); RSS ${m.rssBefore} → ${m.rssAfter} MB`);
    expect(m.res.statusCode).toBe(status);
    expect(m.res.json().code).toBe(code);
    expect(m.res.json().message).toBeTruthy();
    if (slow) expect(m.healthMeanwhile).toBeGreaterThan(0);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });

  it('says which limit: row, column and the limit itself', async () => {
    const r = (await upload('/api/procedures/import?dryRun=true', 'xfd.xlsx', await H.xlsxWithCellAt('XFD1048576'))).json();
    expect(r.details).toEqual({ row: 1_048_576, limit: 10_001 });
    expect(r.message).toContain('1.048.576');
    expect(r.message).toContain('10.001');
    const ev = (await upload('/api/dossiers/import', 'events.csv', events(10_001))).json();
    expect(ev.message).toContain('10.000 sự kiện');
    const nul = (await upload('/api/procedures/import?dryRun=true', 'nul.csv', Buffer.from('a,b\nok,x\u0000y\n'))).json();
    expect(nul.details.errors).toEqual([{ row: 2, column: 'B', message: expect.stringContaining('B2') }]);
  });

  it('a styled but empty cell at XFD1048576 is no data: the sheet is read, at once, to the header check', async () => {
    const m = await whileSending(t.app, async () => upload('/api/procedures/import?dryRun=true', 'styled.xlsx', await H.xlsxWithStyledEmptyCellAt('XFD1048576', ['Mã TTHC'])));
    console.log(`[uploads ${engine}] a styled empty cell at XFD1048576: ${m.res.statusCode} ${m.res.json().code} in ${m.ms.toFixed(0)} ms; RSS ${m.rssBefore} → ${m.rssAfter} MB`);
    expect(m.res.json().code).toBe('WRONG_COLUMNS'); // not refused by a limit: only cells with a value count
  });

  // ---- malformed requests ---------------------------------------------------------------------------
  const evidenceUrl = '/api/progress/1/evidence';
  it.each([
    ['no boundary', 400, 'BROKEN_MULTIPART', () => post('/api/procedures/import', { payload: 'abc', contentType: 'multipart/form-data' })],
    ['a boundary longer than 256', 400, 'BROKEN_MULTIPART', () => post('/api/procedures/import', { payload: 'abc', contentType: `multipart/form-data; boundary=${'b'.repeat(300)}` })],
    ['truncated inside the file', 400, 'BROKEN_MULTIPART', () => post('/api/procedures/import', { payload: '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc', contentType: 'multipart/form-data; boundary=xx' })],
    ['truncated inside the plan file', 400, 'BROKEN_MULTIPART', () => post('/api/plans/import?dryRun=true', { payload: '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc', contentType: 'multipart/form-data; boundary=xx' })],
    ['too many fields', 413, 'TOO_MANY_FIELDS', () => post('/api/plans/import', multipart(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, 'v']))))],
    ['two files', 413, 'TOO_MANY_FILES', () => post('/api/plans/import', { payload: `--xx\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na\r\n--xx\r\nContent-Disposition: form-data; name="file"; filename="b.csv"\r\n\r\nb\r\n--xx--\r\n`, contentType: 'multipart/form-data; boundary=xx' })],
    ['an evidence part with an empty file name', 400, 'FILE_NAME_MISSING', () => post(evidenceUrl, { payload: '--xx\r\nContent-Disposition: form-data; name="file"; filename=""\r\n\r\nabc\r\n--xx--\r\n', contentType: 'multipart/form-data; boundary=xx' })],
    ['a file name with a NUL', 400, 'INVALID_TEXT', () => post(evidenceUrl, { payload: `--xx\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''a%00.pdf\r\n\r\nabc\r\n--xx--\r\n`, contentType: 'multipart/form-data; boundary=xx' })],
    ['a NUL in a plan import field', 400, 'INVALID_TEXT', () => post('/api/plans/import?dryRun=true', multipart({ year: '2026', unitId: '1', title: 'Kế hoạch\u0000' }, { name: 'a.csv', data: Buffer.from('x') }))],
  ] as const)('multipart: %s → %i %s', async (_what, status, code, send) => {
    const r = await send();
    expect({ status: r.statusCode, code: r.json().code }).toEqual({ status, code });
  });

  it('a NUL in a JSON field is a 400 naming the field', async () => {
    const r = await as(t.app, admin).post('/api/users', { username: 'nul.user', fullName: 'Nguyễn\u0000Văn A', role: 'unit_officer', unitId: ownUnit, password: 'Xyz12345!abc' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'INVALID_TEXT', details: { field: 'body.fullName' } });
    expect(r.json().message).toContain('body.fullName');
  });

  it('a NUL in a query string is a 400 naming it', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/procedures?q=a%00b' });
    expect({ status: r.statusCode, ...r.json().details }).toEqual({ status: 400, field: 'query.q', char: 'NUL (U+0000)' });
  });

  it('a lone surrogate in an audited field is a 400 naming the field', async () => {
    const r = await as(t.app, admin).post(`/api/org-units/${ownUnit}/rename`, { name: 'Sở Nội vụ \ud800', date: '2030-01-01' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'INVALID_TEXT', details: { field: 'body.name', char: 'U+D800' } });
  });

  it('PATCH /api/users/:id with nothing to change is a 400', async () => {
    const me = (await as(t.app, admin).get('/api/auth/me')).json().user.id;
    const r = await as(t.app, admin).patch(`/api/users/${me}`, {});
    expect({ status: r.statusCode, code: r.json().code }).toEqual({ status: 400, code: 'NOTHING_TO_CHANGE' });
  });

  it('renaming a unit twice with the same date is refused, the first rename kept', async () => {
    const first = await as(t.app, admin).post(`/api/org-units/${ownUnit}/rename`, { name: 'Sở Nội vụ (mới)', date: '2031-01-01' });
    expect(first.statusCode).toBe(200);
    const again = await as(t.app, admin).post(`/api/org-units/${ownUnit}/rename`, { name: 'Sở Nội vụ (mới hơn)', date: '2031-01-01' });
    expect({ status: again.statusCode, code: again.json().code }).toEqual({ status: 409, code: 'SAME_DAY_RENAME' });
    const units = (await t.app.inject({ method: 'GET', url: '/api/org-units?asOf=2031-01-01' })).json();
    expect(units.find((u: { id: number }) => u.id === ownUnit).name).toBe('Sở Nội vụ (mới)');
  });
});
