import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportingPeriod } from '../../domain/periods/reporting.js';
import { LEGAL_DOC_COLUMNS, LEGAL_DOC_LABELS } from '../../domain/legalDocs/legalDocTable.js';
import { legalDocumentsIssued } from '../../server/modules/legalDocs/documents.js';
import { issuingScope } from '../../server/modules/legalDocs/units.js';
import { loadHistory } from '../../server/modules/org/history.js';
import { as, ENGINES, login, type Session, type TestApp, unitId } from '../helpers/app.js';
import { registersApp } from '../helpers/registers.js';

interface Doc {
  id: number;
  symbol: string;
  kind: string;
  title: string;
  issuer: { text: string; unitId: number | null };
  status: { status: string; since: string | null; endedBy: { symbol: string | null; link: string | null; document: { id: number; symbol: string } | null } | null };
  lead: { text: string | null; unitId: number | null };
}

const HEADER = LEGAL_DOC_COLUMNS.map((c) => LEGAL_DOC_LABELS[c]);
const csv = (rows: string[][]) => [HEADER, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

async function xlsx(rows: (string | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('VB');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function openXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe.each(ENGINES)('legal documents on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let LA: number;
  let TN: number;
  beforeAll(async () => {
    t = await registersApp(engine);
    admin = await login(t.app, 'admin');
    officer = await login(t.app, 'stp.canbo');
    LA = await unitId(t.app, 'LA', '2023-01-01');
    TN = await unitId(t.app, 'TN', '2026-01-01');
  }, 120_000);
  afterAll(() => t?.close());

  const list = async (query: string, s: Session = admin) => {
    const r = await as(t.app, s).get(`/api/legal-documents?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { total: number; items: Doc[]; counts: { byKind: { resolution: number; decision: number }; byStatus: Record<string, number> } };
  };
  const bySymbol = async (symbol: string, asOf = '2026-11-30') => {
    const r = await list(`q=${encodeURIComponent(symbol)}&asOf=${asOf}&limit=500`);
    const d = r.items.find((x) => x.symbol === symbol);
    if (!d) throw new Error(`no ${symbol}`);
    return d;
  };

  describe('seed 000: Long An, Q3/2023', () => {
    const q3 = parseReportingPeriod('2023-Q3')!;
    it('the reporting window is 15/06/2023–14/09/2023', () => expect([q3.from, q3.to]).toEqual(['2023-06-15', '2023-09-14']));

    it('30 documents issued by HĐND and UBND tỉnh Long An in the window: 11 resolutions and 19 decisions', async () => {
      const h = await loadHistory(t.database.db);
      const issued = await legalDocumentsIssued(t.database.db, issuingScope(h, LA), q3.from, q3.to);
      expect(issued.total).toBe(30);
      expect(issued.byKind).toEqual({ resolution: 11, decision: 19 });
      expect(issued.ids).toHaveLength(30);
      // the whole register (districts and the old Tây Ninh included) has nothing else in the window
      expect((await legalDocumentsIssued(t.database.db, null, q3.from, q3.to)).ids).toEqual(issued.ids);
      // Tây Ninh's register counts Long An's through the organisation history
      expect((await as(t.app, admin).get(`/api/legal-documents/issued?unit=${TN}&from=${q3.from}&to=${q3.to}`)).json()).toEqual(issued);
      // outside the window: two before it (April, May), two after (October, December)
      const year = await legalDocumentsIssued(t.database.db, [LA], '2023-01-01', '2023-12-31');
      expect(year).toMatchObject({ total: 34, byKind: { resolution: 13, decision: 21 } });
    });

    it('the list for the window says the same, each document issued by the province', async () => {
      const r = await list(`from=${q3.from}&to=${q3.to}&asOf=${q3.to}&limit=500`);
      expect(r.total).toBe(30);
      expect(r.counts.byKind).toEqual({ resolution: 11, decision: 19 });
      expect(new Set(r.items.map((d) => d.issuer.unitId))).toEqual(new Set([LA]));
      expect(r.items.every((d) => d.title.endsWith('(mẫu)'))).toBe(true);
      expect((await list(`from=${q3.from}&to=${q3.to}&asOf=${q3.to}&kind=resolution`)).total).toBe(11);
    });
  });

  it('the demo recorded each document on its signing day, in office hours on a working day', async () => {
    const events = (await as(t.app, admin).get('/api/audit?action=legalDocument.create&limit=500')).json() as { at: string; actorName: string; after: { signedOn: string } }[];
    const demo = events.filter((e) => e.actorName === 'demo');
    expect(demo.length).toBeGreaterThanOrEqual(45);
    for (const e of demo) {
      const local = new Date(new Date(e.at).getTime() + 7 * 3600_000);
      const hhmm = local.toISOString().slice(11, 16);
      expect(local.toISOString().slice(0, 10)).toBe(e.after.signedOn);
      expect([1, 2, 3, 4, 5]).toContain(local.getUTCDay());
      expect((hhmm >= '07:30' && hhmm <= '11:30') || (hhmm >= '13:00' && hhmm <= '17:00')).toBe(true);
    }
  });

  describe('status as of a day, from the dates and the documents that ended them', () => {
    it.each([
      ['15/2023/QĐ-UBND', '2023-06-20', 'not_yet_effective', null],
      ['15/2023/QĐ-UBND', '2024-01-01', 'in_force', null],
      ['15/2023/QĐ-UBND', '2025-09-22', 'expired', '30/2025/QĐ-UBND'],
      ['08/2022/QĐ-UBND', '2023-06-25', 'in_force', null],
      ['08/2022/QĐ-UBND', '2023-06-26', 'expired', '15/2023/QĐ-UBND'],
      ['12/2022/NQ-HĐND', '2023-09-01', 'expired', '17/2023/NQ-HĐND'],
      ['25/2022/QĐ-UBND', '2023-07-28', 'partly_expired', '21/2023/QĐ-UBND'],
      ['23/2023/QĐ-UBND', '2024-04-01', 'partly_expired', '05/2024/QĐ-UBND'],
      ['23/2023/QĐ-UBND', '2026-07-20', 'expired', '20/2026/QĐ-UBND'],
      ['20/2023/NQ-HĐND', '2025-09-01', 'expired', '15/2025/NQ-HĐND'],
      ['10/2024/NQ-HĐND', '2025-09-01', 'expired', '15/2025/NQ-HĐND'],
      ['03/2022/QĐ-UBND', '2026-01-01', 'in_force', null],
    ])('%s on %s: %s (by %s)', async (symbol, asOf, status, by) => {
      const d = await bySymbol(symbol, asOf);
      expect(d.status.status).toBe(status);
      expect(d.status.endedBy?.symbol ?? null).toBe(by);
      if (by) expect(d.status.endedBy?.document?.symbol).toBe(by); // the register's record of it
    });

    it('lists in force and expired as of a day', async () => {
      const expired = await list('asOf=2026-11-30&status=expired&limit=500');
      expect(expired.items.map((d) => d.symbol).sort()).toEqual(['08/2022/QĐ-UBND', '10/2024/NQ-HĐND', '12/2022/NQ-HĐND', '15/2023/QĐ-UBND', '17/2023/NQ-HĐND', '20/2023/NQ-HĐND', '23/2023/QĐ-UBND', '24/2023/QĐ-UBND', '31/2023/QĐ-UBND'].sort());
      const effective = await list('asOf=2026-11-30&status=effective&limit=500');
      const all = await list('asOf=2026-11-30&limit=500');
      expect(effective.total + expired.total).toBe(all.total);
      expect(effective.items.some((d) => d.symbol === '25/2022/QĐ-UBND' && d.status.status === 'partly_expired')).toBe(true);
      // a day before anything was signed after it: later documents are not in the list
      expect((await list('asOf=2022-12-31&limit=500')).total).toBe(4);
    });

    it('a document shows the documents it ended', async () => {
      const d = await bySymbol('45/2025/QĐ-UBND');
      const detail = (await as(t.app, admin).get(`/api/legal-documents/${d.id}`)).json();
      expect(detail.ended.map((x: { symbol: string; scope: string; from: string }) => `${x.symbol} ${x.scope} ${x.from}`)).toEqual(['24/2023/QĐ-UBND whole 2025-12-01', '31/2023/QĐ-UBND whole 2025-12-01']);
      const old = await bySymbol('15/2025/NQ-HĐND');
      expect((await as(t.app, admin).get(`/api/legal-documents/${old.id}`)).json().ended.map((x: { symbol: string }) => x.symbol)).toEqual(['10/2024/NQ-HĐND', '20/2023/NQ-HĐND']);
    });
  });

  describe('search with or without diacritics', () => {
    it.each([['Quy chế làm việc'], ['quy che lam viec'], ['QUY CHE LAM VIEC'], ['Quy chế làm việc'.normalize('NFD')], ['lam viec quy che']])('%j', async (q) => {
      const r = await list(`q=${encodeURIComponent(q)}&asOf=2026-11-30`);
      expect(r.items.map((d) => d.symbol).sort()).toEqual(['08/2022/QĐ-UBND', '15/2023/QĐ-UBND', '30/2025/QĐ-UBND']);
    });
    it.each([['17/2023/NQ-HĐND'], ['17/2023/nq-hdnd'], ['hoc phi 2023']])('symbol %j', async (q) => {
      expect((await list(`q=${encodeURIComponent(q)}&asOf=2026-11-30`)).items.map((d) => d.symbol)).toContain('17/2023/NQ-HĐND');
    });
    it('by the body', async () => expect((await list(`q=${encodeURIComponent('huyen ben luc')}&asOf=2026-11-30`)).items.map((d) => d.symbol)).toEqual(['03/2022/QĐ-UBND']));
  });

  describe('one document', () => {
    const base = { symbol: '40/2026/QĐ-UBND', issuer: 'UBND tỉnh Tây Ninh', title: 'Quy định về quản lý kho lưu trữ số (thử)', field: 'Văn thư, lưu trữ', signedOn: '2026-10-05', effectiveOn: '2026-10-15', lead: 'Sở Nội vụ' };
    let created: Doc;
    it('is recorded, its unit and lead found from the names, audited', async () => {
      const r = await as(t.app, admin).post('/api/legal-documents', base);
      expect(r.statusCode, r.body).toBe(201);
      created = r.json();
      expect(created).toMatchObject({ symbol: '40/2026/QĐ-UBND', kind: 'decision', issuer: { unitId: TN } });
      expect(created.lead.unitId).toBe(await unitId(t.app, 'TN.SNV', '2026-10-05'));
      const [e] = (await as(t.app, admin).get(`/api/audit?entityType=legal_document&entityId=${created.id}`)).json();
      expect(e).toMatchObject({ action: 'legalDocument.create', after: { symbol: '40/2026/QĐ-UBND', signedOn: '2026-10-05' } });
    });

    it('is changed: ended by another from a day, with before and after in the trail', async () => {
      const r = await as(t.app, admin).patch(`/api/legal-documents/${created.id}`, { expiredOn: '2026-11-20', endedBy: '45/2026/QĐ-UBND' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().status).toMatchObject({ status: 'expired', since: '2026-11-20', endedBy: { symbol: '45/2026/QĐ-UBND', document: null } });
      const [e] = (await as(t.app, admin).get(`/api/audit?entityType=legal_document&entityId=${created.id}&action=legalDocument.update`)).json();
      expect(e.before.expiredOn).toBeNull();
      expect(e.after).toMatchObject({ expiredOn: '2026-11-20', endedBySymbol: '45/2026/QĐ-UBND' });
    });

    it.each([
      ['a symbol contradicting the kind', { kind: 'resolution' }, 400, 'kind', 'là của một quyết định, không phải nghị quyết'],
      ['a resolution of a committee', { symbol: '41/2026/NQ-UBND' }, 400, 'symbol', 'HĐND ban hành nghị quyết'],
      ['a year other than the signing year', { symbol: '41/2025/QĐ-UBND' }, 400, 'symbol', 'khác năm ký'],
      ['a body not matching the symbol', { issuer: 'HĐND tỉnh Tây Ninh' }, 400, 'issuer', 'là của UBND'],
      ['a district after the reform', { symbol: '41/2026/QĐ-UBND', issuer: 'UBND huyện Bến Lức' }, 400, 'issuer', 'đã kết thúc hoạt động từ ngày 30/06/2025'],
      ['effect before signing', { symbol: '41/2026/QĐ-UBND', effectiveOn: '2026-10-01' }, 400, 'effectiveOn', 'trước ngày ký'],
      ['the same symbol again', {}, 409, 'symbol', 'đã có trong danh mục'],
    ])('refuses %s', async (_n, change, status, field, message) => {
      const r = await as(t.app, admin).post('/api/legal-documents', { ...base, ...change });
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().details.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(r.json().message).toContain(message);
    });

    it('a bad change saves nothing', async () => {
      const r = await as(t.app, admin).patch(`/api/legal-documents/${created.id}`, { expiredOn: '2026-10-01' });
      expect(r.statusCode).toBe(400);
      expect((await as(t.app, admin).get(`/api/legal-documents/${created.id}`)).json().expiredOn).toBe('2026-11-20');
      expect((await as(t.app, admin).patch('/api/legal-documents/999999', { title: 'x' })).statusCode).toBe(404);
      expect((await as(t.app, admin).post('/api/legal-documents', { ...base, signedOn: '2026-02-30' })).statusCode).toBe(400);
    });
  });

  describe('import', () => {
    const good = [
      ['50/2026/QĐ-UBND', 'Quyết định', 'UBND tỉnh Tây Ninh', 'Quy định về quản lý tài liệu điện tử (thử)', 'Văn thư, lưu trữ', '02/11/2026', '12/11/2026', '', '', '', 'Sở Nội vụ', ''],
      ['21/2026/NQ-HĐND', '', 'Hội đồng nhân dân tỉnh Tây Ninh', 'Quy định mức chi hỗ trợ chuyển đổi số cấp xã (thử)', 'Tài chính', '06/11/2026', '16/11/2026', 'Còn hiệu lực', '', '', 'Sở Tài chính', ''],
    ];
    const bad = [
      ...good,
      ['51/2026/QĐ-UBND', 'Nghị quyết', 'UBND tỉnh Tây Ninh', 'A (thử)', 'Nội vụ', '02/11/2026', '12/11/2026', '', '', '', '', ''],
      ['52/2026/QĐ-UBND', '', 'UBND huyện Bến Lức', 'B (thử)', 'Nội vụ', '02/11/2026', '12/11/2026', '', '', '', '', ''],
      ['53/2026/QĐ-UBND', '', 'UBND tỉnh Tây Ninh', 'C (thử)', 'Nội vụ', '02/11/2026', '12/11/2026', 'Còn hiệu lực', '20/11/2026', '', '', ''],
    ];
    const count = async () => (await list('asOf=2026-12-31&limit=1')).total;

    it('a bad file names its rows and saves nothing', async () => {
      const before = await count();
      const preview = (await as(t.app, admin).upload('/api/legal-documents/import?dryRun=true', 'vb.csv', Buffer.from(csv(bad)))).json();
      expect(preview.canSave).toBe(false);
      expect(preview.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['4:kind', '5:issuer', '6:status']);
      expect(preview.errors[1].message).toContain('Huyện Bến Lức đã kết thúc hoạt động từ ngày 30/06/2025');
      const r = await as(t.app, admin).upload('/api/legal-documents/import', 'vb.csv', Buffer.from(csv(bad)));
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('IMPORT_INVALID');
      expect(r.json().details.errors).toHaveLength(3);
      expect(await count()).toBe(before);
    });

    it('a good .xlsx (real date cells) previews, then saves whole; importing it again updates', async () => {
      const rows = good.map((r) => r.map((c, i) => (i === 5 || i === 6 ? new Date(`${c.slice(6)}-${c.slice(3, 5)}-${c.slice(0, 2)}T00:00:00Z`) : c)));
      const file = await xlsx(rows);
      const before = await count();
      const preview = (await as(t.app, admin).upload('/api/legal-documents/import?dryRun=true', 'vb.xlsx', file)).json();
      expect(preview.errors).toEqual([]);
      expect(preview.summary).toEqual({ total: 2, created: 2, updated: 0, resolution: 1, decision: 1 });
      expect(preview.documents.map((d: { signedOn: string; issuerUnit: { id: number } }) => [d.signedOn, d.issuerUnit.id])).toEqual([['2026-11-02', TN], ['2026-11-06', TN]]);
      expect(await count()).toBe(before); // a preview saves nothing
      const saved = await as(t.app, admin).upload('/api/legal-documents/import', 'vb.xlsx', file);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(await count()).toBe(before + 2);
      const again = (await as(t.app, admin).upload('/api/legal-documents/import', 'vb.xlsx', file)).json();
      expect(again.summary).toMatchObject({ created: 0, updated: 2 });
      expect(await count()).toBe(before + 2);
      const events = (await as(t.app, admin).get('/api/audit?action=legalDocument.import')).json();
      expect(events).toHaveLength(2);
    });

    it('wrong columns and file types', async () => {
      expect((await as(t.app, admin).upload('/api/legal-documents/import?dryRun=true', 'vb.csv', Buffer.from('Số,Tên\r\nA,B'))).json().code).toBe('WRONG_COLUMNS');
      expect((await as(t.app, admin).upload('/api/legal-documents/import?dryRun=true', 'vb.pdf', Buffer.from('%PDF'))).json().code).toBe('FILE_TYPE');
    });

    it('the template opens and has the columns', async () => {
      const r = await as(t.app, admin).get('/api/legal-documents/template.xlsx');
      expect(r.headers['content-type']).toContain('spreadsheetml');
      const wb = await openXlsx(r.rawPayload);
      expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(HEADER);
      expect(wb.worksheets[0].pageSetup.paperSize).toBe(9);
    });
  });

  describe('export', () => {
    it('opens back with exceljs: title, header, one row per document, print setup; and imports back unchanged', async () => {
      const r = await as(t.app, admin).get('/api/legal-documents/export.xlsx?from=2023-06-15&to=2023-09-14&asOf=2023-09-14');
      expect(r.statusCode).toBe(200);
      const wb = await openXlsx(r.rawPayload);
      const ws = wb.worksheets[0];
      expect(ws.getCell('A1').value).toBe('DANH MỤC VĂN BẢN QUY PHẠM PHÁP LUẬT');
      expect(String(ws.getCell('A2').value)).toContain('30 văn bản (11 nghị quyết, 19 quyết định)');
      expect((ws.getRow(3).values as string[]).slice(1)).toEqual(['STT', ...HEADER]);
      expect(ws.rowCount).toBe(33);
      expect(ws.getCell('B4').value).toBe('33/2023/QĐ-UBND');
      expect(ws.getCell('G4').value).toEqual(new Date('2023-09-14T00:00:00Z'));
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' });

      const today = await as(t.app, admin).get('/api/legal-documents/export.xlsx');
      const back = (await as(t.app, admin).upload('/api/legal-documents/import?dryRun=true', 'export.xlsx', today.rawPayload)).json();
      expect(back.errors).toEqual([]);
      expect(back.summary.created).toBe(0);
      expect(back.summary.updated).toBe((await list('limit=1')).total);
    });
  });

  describe('permissions', () => {
    it('only the administrator writes', async () => {
      for (const u of ['stp.canbo', 'stp.lanhdao', 'ubnd.lanhdao', 'hdnd.giamsat', 'snv.thamdinh']) {
        const s = await login(t.app, u);
        expect((await as(t.app, s).post('/api/legal-documents', { symbol: '60/2026/QĐ-UBND', issuer: 'UBND tỉnh Tây Ninh', title: 'X', field: 'Y', signedOn: '2026-11-02', effectiveOn: '2026-11-12' })).statusCode).toBe(403);
        expect((await as(t.app, s).patch('/api/legal-documents/1', { title: 'x' })).statusCode).toBe(403);
        expect((await as(t.app, s).upload('/api/legal-documents/import?dryRun=true', 'vb.csv', Buffer.from(csv(good())))).statusCode).toBe(403);
      }
      expect((await as(t.app, null).get('/api/legal-documents')).statusCode).toBe(401);
    });
    const good = () => [['60/2026/QĐ-UBND', '', 'UBND tỉnh Tây Ninh', 'X', 'Y', '02/11/2026', '12/11/2026', '', '', '', '', '']];

    it('a unit officer reads what report.read gives: the documents their unit (and what it came from) led', async () => {
      const mine = await list('asOf=2026-11-30&limit=500', officer);
      expect(mine.items.map((d) => d.symbol).sort()).toEqual(['05/2023/NQ-HĐND', '10/2023/NQ-HĐND', '18/2023/QĐ-UBND', '45/2025/QĐ-UBND']);
      const other = await bySymbol('15/2023/QĐ-UBND');
      expect((await as(t.app, officer).get(`/api/legal-documents/${other.id}`)).statusCode).toBe(403);
      expect((await as(t.app, officer).get(`/api/legal-documents/${mine.items[0].id}`)).statusCode).toBe(200);
      expect((await as(t.app, officer).get('/api/legal-documents/issued?from=2023-06-15&to=2023-09-14')).statusCode).toBe(403);
      // the leader and the HĐND supervisor read the whole register
      for (const u of ['ubnd.lanhdao', 'hdnd.giamsat']) expect((await list('asOf=2026-11-30&limit=1', await login(t.app, u))).total).toBe((await list('asOf=2026-11-30&limit=1')).total);
    });
  });
});
