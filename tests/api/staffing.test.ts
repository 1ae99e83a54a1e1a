import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statisticsScope } from '../../domain/org/scope.js';
import { parseReportingPeriod } from '../../domain/periods/reporting.js';
import { SHEET_COLUMNS, STAFFING_LABELS, type StaffingSheet } from '../../domain/staffing/staffingTable.js';
import { loadHistory } from '../../server/modules/org/history.js';
import { staffingFigures } from '../../server/modules/staffing/figures.js';
import { as, ENGINES, login, type Session, type TestApp, unitId } from '../helpers/app.js';
import { registersApp } from '../helpers/registers.js';

const labels = (sheet: StaffingSheet) => SHEET_COLUMNS[sheet].map((c) => STAFFING_LABELS[c]);
const csv = (sheet: StaffingSheet, rows: string[][]) => [labels(sheet), ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c}"` : c)).join(',')).join('\r\n');

async function openXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe.each(ENGINES)('staffing on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await registersApp(engine);
    admin = await login(t.app, 'admin');
    officer = await login(t.app, 'stp.canbo');
    for (const [code, day] of [['LA', '2023-01-01'], ['LA.STP', '2023-01-01'], ['LA.SYT', '2023-01-01'], ['TN', '2026-01-01'], ['TN.STP', '2026-01-01'], ['TN.SNV', '2026-01-01']]) ids[code] = await unitId(t.app, code, day);
  }, 120_000);
  afterAll(() => t?.close());

  const get = async (query: string, s: Session = admin) => {
    const r = await as(t.app, s).get(`/api/staffing?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  describe('seed 000: Long An, 2023', () => {
    it('civil servants 2.273 assigned, 2.135 present, 138 below; 17,72 % as reported', async () => {
      const s = await get(`unit=${ids.LA}&year=2023`);
      expect(s.total.civilServants).toEqual({ assigned: 2273, present: 2135, gap: 138, base2015: null, reductionRate: 17.72, rateBasis: 'reported' });
    });
    it('public employees 25.424 approved, 23.631 present, 1.793 below; 20,04 % as reported', async () => {
      const s = await get(`unit=${ids.LA}&year=2023`);
      expect(s.total.publicEmployees).toEqual({ assigned: 25424, present: 23631, gap: 1793, base2015: null, reductionRate: 20.04, rateBasis: 'reported' });
    });
    it('sums of the units: 19 departments and 15 districts, and the province row with the reported rates', async () => {
      const s = await get(`unit=${ids.LA}&year=2023`);
      expect(s.rows).toHaveLength(35);
      const types = s.rows.map((r: { unitType: string }) => r.unitType);
      expect(types.filter((x: string) => x === 'department')).toHaveLength(19);
      expect(types.filter((x: string) => x === 'district')).toHaveLength(15);
      expect(s.rows[0]).toMatchObject({ code: 'LA', reportedRates: { civilServants: 17.72, publicEmployees: 20.04 } });
      const sum = (k: 'civilServants' | 'publicEmployees', f: 'assigned' | 'present') => s.rows.reduce((a: number, r: Record<string, { assigned: number | null; present: number | null }>) => a + (r[k][f] ?? 0), 0);
      expect([sum('civilServants', 'assigned'), sum('civilServants', 'present'), sum('publicEmployees', 'assigned'), sum('publicEmployees', 'present')]).toEqual([2273, 2135, 25424, 23631]);
    });
    it('job-position schemes approved for 34 units (19 sở, ngành + 15 UBND cấp huyện) in the Q3 window; 43 civil servants recruited', async () => {
      const q3 = parseReportingPeriod('2023-Q3')!;
      const s = await get(`unit=${ids.LA}&year=2023&from=${q3.from}&to=${q3.to}`);
      expect(s.schemes.total).toBe(34);
      expect(s.schemes.byKind).toEqual({ civil_servant: 34, public_employee: 0 });
      expect(new Set(s.schemes.items.map((x: { unitId: number }) => x.unitId)).size).toBe(34);
      expect(s.schemes.items.filter((x: { unitType: string }) => x.unitType === 'district')).toHaveLength(15);
      expect(s.schemes.items.every((x: { decisionDate: string }) => x.decisionDate >= q3.from && x.decisionDate <= q3.to)).toBe(true);
      expect(s.recruitment.total).toBe(43);
      expect(s.recruitment.items[0].reference).toContain('1848/KH-UBND');
    });
    it('the demo recorded each scheme on its decision day in office hours, the figures inside the Q3 window', async () => {
      const schemes = ((await as(t.app, admin).get('/api/audit?action=staffing.scheme.create&limit=500')).json() as { at: string; actorName: string; after: { decisionDate: string } }[]).filter((e) => e.actorName === 'demo');
      expect(schemes.length).toBeGreaterThanOrEqual(34);
      for (const e of schemes) {
        const local = new Date(new Date(e.at).getTime() + 7 * 3600_000).toISOString();
        expect(local.slice(0, 10)).toBe(e.after.decisionDate);
        expect(local.slice(11, 16) >= '07:30' && local.slice(11, 16) <= '17:00').toBe(true);
      }
      const figures = (await as(t.app, admin).get('/api/audit?action=staffing.figures.create&limit=500')).json() as { at: string; after: { year: number } }[];
      for (const e of figures.filter((x) => x.after.year === 2023)) expect(e.at >= '2023-06-14T17:00:00.000Z' && e.at <= '2023-09-14T10:00:00.000Z').toBe(true);
    });
    it('the report function gives the same, and Tây Ninh counts Long An through the organisation history', async () => {
      const h = await loadHistory(t.database.db);
      const q3 = parseReportingPeriod('2023-Q3')!;
      const f = await staffingFigures(t.database.db, statisticsScope(h, ids.LA), 2023, { from: q3.from, to: q3.to });
      expect(f).toMatchObject({ civilServants: { assigned: 2273, present: 2135, gap: 138 }, publicEmployees: { assigned: 25424, present: 23631, gap: 1793 }, schemes: { total: 34 }, recruited: 43 });
      expect(f.schemes.ids).toHaveLength(34);
      const viaTN = await staffingFigures(t.database.db, statisticsScope(h, ids.TN), 2023);
      expect(viaTN.civilServants).toEqual(f.civilServants);
      expect((await staffingFigures(t.database.db, null, 2023)).publicEmployees).toEqual(f.publicEmployees);
    });
  });

  describe('Tây Ninh 2026, after the reform (illustrative)', () => {
    it('the rate computed from the 2015 figure on the province row, said so', async () => {
      const s = await get(`unit=${ids.TN}&year=2026`);
      expect(s.total.civilServants).toEqual({ assigned: 4180, present: 4012, gap: 168, base2015: 5240, reductionRate: 20.23, rateBasis: 'base2015' });
      expect(s.total.publicEmployees).toMatchObject({ assigned: 48350, present: 45960, base2015: 53800, reductionRate: 10.13, rateBasis: 'base2015' });
      expect(s.schemes.total).toBe(5);
      expect(s.recruitment.byKind).toEqual({ civil_servant: 36, public_employee: 210 });
      expect(s.years).toEqual([2023, 2026]);
    });
  });

  describe('one unit', () => {
    it('a unit alone: its gap, no rate without a base or a report; the base recorded gives one, audited', async () => {
      const before = await get(`unit=${ids.TN}&year=2026`);
      const row = before.rows.find((r: { code: string }) => r.code === 'TN.STP');
      expect(row.civilServants.rateBasis).toBeNull();
      const put = await as(t.app, admin).put('/api/staffing/figures', { unitId: ids['TN.STP'], year: 2026, civilServants: { assigned: row.civilServants.assigned, present: row.civilServants.present, base2015: 100, reportedRate: 12.5 }, publicEmployees: { assigned: null, present: null, base2015: null, reportedRate: 3 } });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().civilServants).toMatchObject({ base2015: 100, reductionRate: (100 - row.civilServants.assigned), rateBasis: 'base2015' });
      expect(put.json().publicEmployees).toMatchObject({ reductionRate: 3, rateBasis: 'reported' });
      const [e] = (await as(t.app, admin).get(`/api/audit?entityType=staffing_figures&action=staffing.figures.update`)).json();
      expect(e.before.civilServants.base2015).toBeNull();
      expect(e.after.civilServants.base2015).toBe(100);
      // the province's sum keeps its own 2015 figure
      expect((await get(`unit=${ids.TN}&year=2026`)).total.civilServants.base2015).toBe(5240);
    });
    it('refuses a unit not alive in the year, and bad numbers', async () => {
      const r = await as(t.app, admin).put('/api/staffing/figures', { unitId: ids['LA.STP'], year: 2026, civilServants: { assigned: 1, present: 1, base2015: null, reportedRate: null }, publicEmployees: { assigned: null, present: null, base2015: null, reportedRate: null } });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('UNIT_NOT_ALIVE');
      const bad = await as(t.app, admin).put('/api/staffing/figures', { unitId: ids['TN.STP'], year: 2026, civilServants: { assigned: -1, present: 1.5, base2015: null, reportedRate: null }, publicEmployees: { assigned: null, present: null, base2015: null, reportedRate: null } });
      expect(bad.statusCode).toBe(400);
      expect((await as(t.app, admin).get('/api/staffing?year=2026&unit=999999')).statusCode).toBe(404);
      expect((await as(t.app, admin).get('/api/staffing?year=2026&from=2026-01-01')).statusCode).toBe(400);
    });
  });

  describe('imports', () => {
    it('figures: a bad file names its rows and saves nothing', async () => {
      const rows = [
        ['LA.SYT', '', '2023', '80', '75', '', '', '5.000', '4.800', '', '', '', ''],
        ['LA.STP', '', '2023', '2,5', '', '', '', '', '', '', '', '', ''], // 3: not a count
        ['', 'Sở Tư pháp', '2023', '40', '38', '', '', '', '', '', '', '', ''], // 4: Long An's or the old Tây Ninh's?
        ['LA.XYZ', '', '2023', '1', '1', '', '', '', '', '', '', '', ''], // 5: no such unit
        ['LA.SYT', '', '2026', '1', '1', '', '', '', '', '', '', '', ''], // 6: closed by then
      ];
      const before = await get(`unit=${ids.LA}&year=2023`);
      const p = (await as(t.app, admin).upload('/api/staffing/import?dryRun=true', 'bc.csv', Buffer.from(csv('figures', rows)))).json();
      expect(p.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:civilAssigned', '4:unitName', '5:unitCode', '6:unitCode']);
      expect(p.errors[1].message).toBe('Tên "Sở Tư pháp" ứng với nhiều đơn vị (LA.STP, TNC.STP); hãy ghi mã đơn vị.');
      const r = await as(t.app, admin).upload('/api/staffing/import', 'bc.csv', Buffer.from(csv('figures', rows)));
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('IMPORT_INVALID');
      expect((await get(`unit=${ids.LA}&year=2023`)).total).toEqual(before.total);
    });

    it('figures: a good .xlsx saves whole, and again updates', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('BC');
      ws.addRow(labels('figures'));
      ws.addRow(['TN.SNV', 'Sở Nội vụ', 2027, 160, 150, 200, null, 260, 250, null, 4.5, 'QĐ giao biên chế 2027 (thử)', '']);
      ws.addRow(['TN', 'Tỉnh Tây Ninh', 2027, null, null, null, 19.5, null, null, null, null, '', '']);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const p = (await as(t.app, admin).upload('/api/staffing/import?dryRun=true', 'bc.xlsx', file)).json();
      expect(p.errors).toEqual([]);
      expect(p.summary).toEqual({ total: 2, created: 2, updated: 0 });
      expect((await as(t.app, admin).upload('/api/staffing/import', 'bc.xlsx', file)).statusCode).toBe(200);
      const s = await get(`unit=${ids.TN}&year=2027`);
      expect(s.total.civilServants).toEqual({ assigned: 160, present: 150, gap: 10, base2015: 200, reductionRate: 20, rateBasis: 'base2015' });
      expect(s.total.publicEmployees).toMatchObject({ assigned: 260, present: 250, gap: 10, reductionRate: null });
      expect((await as(t.app, admin).upload('/api/staffing/import', 'bc.xlsx', file)).json().summary).toMatchObject({ created: 0, updated: 2 });
    });

    it('schemes and recruitment: row errors, then saved', async () => {
      const schemes = [
        ['TN.SNV', '', 'Viên chức', '901/QĐ-UBND', '05/03/2027', 'Đề án (thử)', ''],
        ['TN.SNV', '', 'hợp đồng', '902/QĐ-UBND', '05/03/2027', '', ''],
      ];
      const bad = (await as(t.app, admin).upload('/api/staffing/schemes/import', 'da.csv', Buffer.from(csv('schemes', schemes)))).json();
      expect(bad.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:kind']);
      const ok = await as(t.app, admin).upload('/api/staffing/schemes/import', 'da.csv', Buffer.from(csv('schemes', schemes.slice(0, 1))));
      expect(ok.statusCode, ok.body).toBe(200);
      const rec = [['TN', '', '2027', 'Công chức', '12', 'Kế hoạch tuyển dụng 2027 (thử)', '10/06/2026', '']];
      const wrongYear = (await as(t.app, admin).upload('/api/staffing/recruitment/import?dryRun=true', 'td.csv', Buffer.from(csv('recruitment', rec)))).json();
      expect(wrongYear.errors[0]).toMatchObject({ row: 2, column: 'decidedOn' });
      rec[0][6] = '10/06/2027';
      expect((await as(t.app, admin).upload('/api/staffing/recruitment/import', 'td.csv', Buffer.from(csv('recruitment', rec)))).statusCode).toBe(200);
      const s = await get(`unit=${ids.TN}&year=2027`);
      expect(s.schemes.byKind).toEqual({ civil_servant: 0, public_employee: 1 });
      expect(s.recruitment.total).toBe(12);
      const events = (await as(t.app, admin).get('/api/audit?entityType=staffing_import')).json().map((e: { action: string }) => e.action);
      expect(events).toEqual(expect.arrayContaining(['staffing.figures.import', 'staffing.scheme.import', 'staffing.recruitment.import']));
    });

    it.each([['figures', '/api/staffing'], ['schemes', '/api/staffing/schemes'], ['recruitment', '/api/staffing/recruitment']] as const)('the %s template opens with its columns; wrong columns refused', async (sheet, base) => {
      const wb = await openXlsx((await as(t.app, admin).get(`${base}/template.xlsx`)).rawPayload);
      expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(labels(sheet));
      const other = sheet === 'figures' ? 'schemes' : 'figures';
      expect((await as(t.app, admin).upload(`${base}/import?dryRun=true`, 'x.csv', Buffer.from(csv(other, [])))).json().code).toBe('WRONG_COLUMNS');
    });
  });

  describe('export', () => {
    it('opens back with exceljs: the three sheets, the total row, a print setup; the figures sheet imports back', async () => {
      const r = await as(t.app, admin).get(`/api/staffing/export.xlsx?unit=${ids.LA}&year=2023&from=2023-06-15&to=2023-09-14`);
      expect(r.statusCode).toBe(200);
      const wb = await openXlsx(r.rawPayload);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Biên chế', 'Đề án vị trí việc làm', 'Tuyển dụng']);
      const ws = wb.worksheets[0];
      expect((ws.getRow(3).values as string[]).slice(1, 14)).toEqual(labels('figures'));
      const total = ws.getRow(ws.rowCount);
      expect(String(total.getCell(2).value)).toBe('Tổng cộng (Tỉnh Long An)');
      expect([total.getCell(4).value, total.getCell(5).value, total.getCell(14).value, total.getCell(15).value, total.getCell(16).value]).toEqual([2273, 2135, 138, 17.72, 'theo báo cáo của đơn vị']);
      expect([total.getCell(8).value, total.getCell(9).value, total.getCell(17).value, total.getCell(18).value]).toEqual([25424, 23631, 1793, 20.04]);
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' });
      expect(wb.worksheets[1].rowCount).toBe(3 + 34 + 1);
      expect(wb.worksheets[2].getRow(wb.worksheets[2].rowCount).getCell(5).value).toBe(43);
      // the figures sheet alone imports back as it is: every row an update, the total line skipped
      const only = new ExcelJS.Workbook();
      const copy = only.addWorksheet('BC');
      ws.eachRow({ includeEmpty: true }, (row, n) => (copy.getRow(n).values = row.values as ExcelJS.CellValue[]));
      const back = (await as(t.app, admin).upload('/api/staffing/import?dryRun=true', 'bc.xlsx', Buffer.from(await only.xlsx.writeBuffer()))).json();
      expect(back.errors).toEqual([]);
      expect(back.summary).toEqual({ total: 35, created: 0, updated: 35 });
    });
  });

  describe('permissions', () => {
    it('only the administrator writes', async () => {
      for (const u of ['stp.canbo', 'stp.lanhdao', 'ubnd.lanhdao', 'hdnd.giamsat', 'snv.thamdinh']) {
        const s = await login(t.app, u);
        expect((await as(t.app, s).put('/api/staffing/figures', { unitId: ids['TN.STP'], year: 2026, civilServants: { assigned: 1, present: 1, base2015: null, reportedRate: null }, publicEmployees: { assigned: null, present: null, base2015: null, reportedRate: null } })).statusCode).toBe(403);
        for (const base of ['/api/staffing', '/api/staffing/schemes', '/api/staffing/recruitment']) expect((await as(t.app, s).upload(`${base}/import?dryRun=true`, 'x.csv', Buffer.from('a'))).statusCode).toBe(403);
      }
      expect((await as(t.app, null).get('/api/staffing?year=2023')).statusCode).toBe(401);
    });
    it('a unit officer reads their own unit (with the unit it came from), not another nor the province', async () => {
      const own = await get('year=2023', officer);
      expect(own.unit.id).toBe(ids['TN.STP']);
      expect(own.rows.map((r: { code: string }) => r.code)).toEqual(['LA.STP']);
      expect((await get(`year=2026&unit=${ids['TN.STP']}`, officer)).rows.map((r: { code: string }) => r.code)).toEqual(['TN.STP']);
      expect((await as(t.app, officer).get(`/api/staffing?year=2023&unit=${ids.LA}`)).statusCode).toBe(403);
      expect((await as(t.app, officer).get(`/api/staffing/export.xlsx?year=2023&unit=${ids.LA}`)).statusCode).toBe(403);
      const leader = await login(t.app, 'hdnd.giamsat');
      expect((await get(`year=2023&unit=${ids.LA}`, leader)).total.civilServants.assigned).toBe(2273);
    });
  });
});
