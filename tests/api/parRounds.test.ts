import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readDocx } from '../helpers/docx.js';
import { MARGINS } from '../../server/modules/documents/decree30.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/org/dates.js';
import { vietnamDateOf } from '../../domain/org/dates.js';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';

const KEY = 'test-ingest-key-0123456789';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
const today = vietnamDateOf(new Date());

/** A small department set: every kind of rule, one item scored from dossier data. */
const SET = {
  year: 2026,
  unitType: 'department',
  name: 'Bộ kiểm thử',
  surveyShare: 10,
  areas: [
    {
      code: '1',
      name: 'Chỉ đạo, điều hành',
      max: 5,
      children: [
        { code: '1.1', name: 'Kế hoạch CCHC', max: 2, rule: { kind: 'yes_no' }, evidenceRequired: true },
        { code: '1.2', name: 'Tuyên truyền', max: 3, rule: { kind: 'manual' } },
      ],
    },
    {
      code: '2',
      name: 'Thủ tục hành chính',
      max: 5,
      children: [
        { code: '2.1', name: 'Hồ sơ đúng hạn', max: 2, rule: { kind: 'computed', source: 'dossiers_on_time', tiers: [{ atLeast: 98, share: 1 }, { atLeast: 50, share: 0.5 }] } },
        { code: '2.2', name: 'Nộp trực tuyến', max: 1, rule: { kind: 'computed', source: 'dossiers_online' } },
        { code: '2.3', name: 'Công khai TTHC', max: 1, rule: { kind: 'tiers', tiers: [{ atLeast: 100, share: 1 }, { atLeast: 90, share: 0.5 }] } },
        { code: '2.4', name: 'Báo cáo đúng hạn', max: 1, rule: { kind: 'deduction', perItem: 0.25 } },
      ],
    },
  ],
};

/** Two dossiers of Sở Tư pháp in 2026, both received online: one early, one late → 50 % on time, 100 % online. */
const DOSSIERS = [
  { sourceSystem: 'igate', dossierCode: 'PAR-1', procedureCode: 'MAU.DN.01', unitCode: 'TN.STP', kind: 'received', at: '2026-03-02T09:00:00+07:00', channel: 'online' },
  { sourceSystem: 'igate', dossierCode: 'PAR-1', kind: 'processed', at: '2026-03-04T10:00:00+07:00' },
  { sourceSystem: 'igate', dossierCode: 'PAR-1', kind: 'result_returned', at: '2026-03-04T15:00:00+07:00' },
  { sourceSystem: 'igate', dossierCode: 'PAR-2', procedureCode: 'MAU.DN.01', unitCode: 'TN.STP', kind: 'received', at: '2026-03-02T10:00:00+07:00', channel: 'online' },
  { sourceSystem: 'igate', dossierCode: 'PAR-2', kind: 'processed', at: '2026-03-10T10:00:00+07:00' },
  { sourceSystem: 'igate', dossierCode: 'PAR-2', kind: 'result_returned', at: '2026-03-10T15:00:00+07:00' },
];

async function surveyFile(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Điểm');
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Điểm', 'Điểm tối đa']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(ENGINES)('PAR rounds on %s', (engine) => {
  let t: TestApp;
  let admin: Session, stpOfficer: Session, stpHead: Session, khcnOfficer: Session, khcnHead: Session, appraiser: Session, leader: Session;
  let stp: number, khcn: number, snv: number, roundId: number;
  const unitUrl = (u: number) => `/api/par/rounds/${roundId}/units/${u}`;
  const item = (u: number, code: string) => `${unitUrl(u)}/items/${code}`;

  beforeAll(async () => {
    t = await testApp(engine, { ingestApiKey: KEY });
    [admin, stpOfficer, stpHead, khcnOfficer, khcnHead, appraiser, leader] = await Promise.all(
      ['admin', 'stp.canbo', 'stp.lanhdao', 'khcn.canbo', 'khcn.lanhdao', 'snv.thamdinh', 'ubnd.lanhdao'].map((u) => login(t.app, u)),
    );
    stp = await unitId(t.app, 'TN.STP', today);
    khcn = await unitId(t.app, 'TN.SKHCN', today);
    snv = await unitId(t.app, 'TN.SNV', today);
    const sent = await t.app.inject({ method: 'POST', url: '/api/dossiers/events', payload: DOSSIERS, headers: { 'x-api-key': KEY } });
    expect(sent.json()).toMatchObject({ applied: 6 });
    const set = await as(t.app, admin).post('/api/par/criteria-sets', SET);
    expect(set.statusCode).toBe(200);
    const r = await as(t.app, admin).post('/api/par/rounds', {
      year: 2026,
      name: 'Chỉ số CCHC 2026 (kiểm thử)',
      selfFrom: addDays(today, -5),
      selfTo: addDays(today, 5),
      appraisalFrom: addDays(today, -5),
      appraisalTo: addDays(today, 30),
      setIds: [set.json().id],
      unitIds: [stp, khcn, snv],
    });
    expect(r.statusCode).toBe(201);
    roundId = r.json().id;
  });
  afterAll(() => t.close());

  it('only the administrator creates rounds; bad windows and units outside the sets are refused', async () => {
    const body = { year: 2026, name: 'x', selfFrom: today, selfTo: today, appraisalFrom: today, appraisalTo: today, setIds: [1] };
    expect((await as(t.app, stpHead).post('/api/par/rounds', body)).statusCode).toBe(403);
    expect((await as(t.app, admin).post('/api/par/rounds', { ...body, selfTo: addDays(today, -1) })).json().code).toBe('INVALID_WINDOW');
    const commune = await unitId(t.app, 'TN.PLONGAN', today);
    const sets = (await as(t.app, admin).get('/api/par/criteria-sets')).json();
    const dept = sets.find((s: { name: string }) => s.name === 'Bộ kiểm thử').id;
    expect((await as(t.app, admin).post('/api/par/rounds', { ...body, setIds: [dept], unitIds: [commune] })).json().code).toBe('INVALID_SCOPE');
    expect((await as(t.app, admin).post('/api/par/rounds', { ...body, setIds: [dept], unitIds: [stp], groups: [{ name: 'A', atLeast: 90 }] })).json().code).toBe('INVALID_GROUPS');
    const twice = await as(t.app, admin).post('/api/par/rounds', { ...body, name: 'Hai lần', setIds: [dept], unitIds: [stp, stp] });
    expect(twice.statusCode).toBe(201);
    expect((await as(t.app, admin).get(`/api/par/rounds/${twice.json().id}`)).json().units.map((u: { unitId: number }) => u.unitId)).toEqual([stp]);
    expect((await as(t.app, admin).get('/api/par/rounds')).json().map((r: { id: number }) => r.id)).toEqual([twice.json().id, roundId]);
  });

  it('the computed items are scored from the unit’s dossiers, with the figures beside', async () => {
    const a = (await as(t.app, stpOfficer).get(unitUrl(stp))).json();
    const byCode = Object.fromEntries(a.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode['2.1']).toMatchObject({ data: { percent: 50, numerator: 1, denominator: 2 }, selfScore: 1, inputRule: 'computed' });
    expect(byCode['2.2']).toMatchObject({ data: { percent: 100, numerator: 2, denominator: 2 }, selfScore: 1 });
    // Sở KH&CN has no dossiers: the item is the unit's to score by hand
    const k = (await as(t.app, khcnOfficer).get(unitUrl(khcn))).json();
    expect(k.items.find((i: { code: string }) => i.code === '2.1')).toMatchObject({ data: { percent: null, denominator: 0 }, selfScore: null, inputRule: 'manual' });
    expect(k.progress).toEqual({ scored: 0, total: 6 });
  });

  it('the officer saves item by item; values are checked against the rule and the maximum', async () => {
    const o = as(t.app, stpOfficer);
    expect((await o.put(item(stp, '1.2'), { input: { value: 3.5 } })).json().code).toBe('SCORE_OUT_OF_RANGE');
    expect((await o.put(item(stp, '1.2'), { input: { value: 1.255 } })).json().code).toBe('INVALID_SCORE');
    expect((await o.put(item(stp, '1.1'), { input: { value: 2 } })).json().code).toBe('INVALID_SCORE');
    expect((await o.put(item(stp, '2.4'), { input: { count: -1 } })).json().code).toBe('INVALID_COUNT');
    expect((await o.put(item(stp, '9.9'), { input: { value: 1 } })).statusCode).toBe(404);
    const saved = [
      ['1.1', { yes: true }, 2],
      ['1.2', { value: 2.5 }, 2.5],
      ['2.3', { percent: 95 }, 0.5],
      ['2.4', { count: 9 }, 0],
    ] as const;
    for (const [code, input, score] of saved) {
      const r = await o.put(item(stp, code), { input });
      expect(r.statusCode).toBe(200);
      expect(r.json().selfScore).toBe(score);
    }
    expect((await o.put(item(stp, '1.2'), { explanation: 'Đã tổ chức 3 hội nghị', refs: 'QĐ 12/QĐ-STP' })).json()).toMatchObject({ selfScore: 2.5, explanation: 'Đã tổ chức 3 hội nghị', refs: 'QĐ 12/QĐ-STP' });
    const a = (await o.get(unitUrl(stp))).json();
    expect(a.progress).toEqual({ scored: 6, total: 6 });
    expect(a.totals).toMatchObject({ selfScore: 7, appraisedScore: null });
  });

  it('a unit never sees another unit’s draft; nor do appraisers and leaders before it is submitted', async () => {
    expect((await as(t.app, khcnOfficer).get(unitUrl(stp))).statusCode).toBe(404);
    expect((await as(t.app, khcnOfficer).put(item(stp, '1.2'), { input: { value: 0 } })).statusCode).toBe(403);
    for (const s of [appraiser, leader, admin]) {
      const a = (await as(t.app, s).get(unitUrl(stp))).json();
      expect(a).toMatchObject({ draftHidden: true, items: [], totals: null });
      expect(a.progress).toEqual({ scored: 6, total: 6 });
    }
    const round = (await as(t.app, khcnOfficer).get(`/api/par/rounds/${roundId}`)).json();
    expect(round.units.map((u: { unitId: number }) => u.unitId)).toEqual([khcn]);
    expect((await as(t.app, khcnOfficer).get(`/api/par/rounds/${roundId}/results`)).json().units.map((u: { unitId: number }) => u.unitId)).toEqual([khcn]);
  });

  it('evidence: checked by type, private to the unit until it submits', async () => {
    const o = as(t.app, stpOfficer);
    expect((await o.upload(`${item(stp, '1.1')}/evidence`, 'ke-hoach.pdf', Buffer.from('MZ not a pdf at all'))).statusCode).toBe(415);
    const up = await o.upload(`${item(stp, '1.1')}/evidence`, 'ke-hoach.pdf', PDF);
    expect(up.statusCode).toBe(201);
    const id = up.json().id;
    expect((await o.get(`/api/par/evidence/${id}`)).body).toBe(PDF.toString());
    expect((await as(t.app, appraiser).get(`/api/par/evidence/${id}`)).statusCode).toBe(404);
    expect((await as(t.app, khcnOfficer).delete(`/api/par/evidence/${id}`)).statusCode).toBe(403);
  });

  it('only the unit head submits; what is missing is named and nothing is locked', async () => {
    expect((await as(t.app, stpOfficer).post(`${unitUrl(stp)}/submit`)).statusCode).toBe(403);
    // Sở KH&CN: nothing scored yet (its computed item too, for want of data)
    const k = await as(t.app, khcnHead).post(`${unitUrl(khcn)}/submit`);
    expect(k.statusCode).toBe(409);
    expect(k.json().details.problems.map((p: { itemCode: string; problem: string }) => `${p.itemCode}:${p.problem}`)).toEqual(['1.1:NOT_SCORED', '1.2:NOT_SCORED', '2.1:NOT_SCORED', '2.2:NOT_SCORED', '2.3:NOT_SCORED', '2.4:NOT_SCORED']);
    const ko = as(t.app, khcnOfficer);
    for (const [code, input] of [['1.1', { yes: false }], ['1.2', { value: 3 }], ['2.1', { value: 1.5 }], ['2.2', { value: 0.5 }], ['2.3', { percent: 100 }], ['2.4', { count: 1 }]] as const) {
      expect((await ko.put(item(khcn, code), { input })).statusCode).toBe(200);
    }
    const k2 = await as(t.app, khcnHead).post(`${unitUrl(khcn)}/submit`);
    expect(k2.json().details.problems).toEqual([{ itemCode: '1.1', problem: 'NO_EVIDENCE' }]);
    await ko.put(item(khcn, '1.1'), { explanation: 'Kế hoạch chưa ban hành trong năm' });
    expect((await as(t.app, khcnHead).post(`${unitUrl(khcn)}/submit`)).statusCode).toBe(200);
    expect((await as(t.app, stpHead).post(`${unitUrl(stp)}/submit`)).statusCode).toBe(200);
  });

  it('after submission the self-assessment is locked; the appraiser sees it but cannot edit it', async () => {
    expect((await as(t.app, stpOfficer).put(item(stp, '1.2'), { input: { value: 3 } })).json().code).toBe('LOCKED');
    expect((await as(t.app, stpHead).post(`${unitUrl(stp)}/submit`)).json().code).toBe('LOCKED');
    expect((await as(t.app, appraiser).put(item(stp, '1.2'), { input: { value: 3 } })).statusCode).toBe(403);
    const a = (await as(t.app, appraiser).get(unitUrl(stp))).json();
    expect(a).toMatchObject({ draftHidden: false, can: { appraise: true, edit: false } });
    expect(a.items.find((i: { code: string }) => i.code === '1.1').evidence).toHaveLength(1);
    expect(a.items.find((i: { code: string }) => i.code === '2.1').data).toEqual({ percent: 50, numerator: 1, denominator: 2 });
  });

  it('the appraiser accepts, adjusts with a reason, returns an item once; the unit answers', async () => {
    const ap = as(t.app, appraiser);
    // an appraiser never appraises their own unit
    expect((await ap.post(`${item(snv, '1.1')}/appraisal`, { action: 'accept' })).statusCode).toBe(403);
    expect((await ap.post(`${item(stp, '1.2')}/appraisal`, { action: 'adjust', input: { value: 5 }, reason: 'x' })).json().code).toBe('SCORE_OUT_OF_RANGE');
    expect((await ap.post(`${item(stp, '1.2')}/appraisal`, { action: 'adjust', input: { value: 1.5 }, reason: 'Chỉ có 1 hội nghị có tài liệu' })).json()).toMatchObject({ appraisal: 'adjusted', appraisedScore: 1.5 });
    expect((await ap.post(`${item(stp, '1.1')}/appraisal`, { action: 'accept' })).json()).toMatchObject({ appraisal: 'accepted', appraisedScore: 2 });
    expect((await ap.post(`${item(stp, '2.3')}/appraisal`, { action: 'return', note: 'Đề nghị bổ sung danh mục công khai' })).json().appraisal).toBe('returned');
    expect((await ap.post(`${item(stp, '2.3')}/appraisal`, { action: 'accept' })).json().code).toBe('AWAITING_UNIT');
    // the returned item only is open to the unit again
    expect((await as(t.app, stpOfficer).put(item(stp, '1.2'), { input: { value: 3 } })).json().code).toBe('LOCKED');
    expect((await as(t.app, stpOfficer).put(item(stp, '2.3'), { input: { percent: 100 } })).json().selfScore).toBe(1);
    expect((await as(t.app, stpOfficer).post(`${item(stp, '2.3')}/answer`, { reply: 'Đã công khai đủ 100 % thủ tục' })).json().appraisal).toBe('answered');
    expect((await ap.post(`${item(stp, '2.3')}/appraisal`, { action: 'return', note: 'Lần nữa' })).json().code).toBe('RETURNED_ONCE');
    expect((await ap.post(`${unitUrl(stp)}/accept-remaining`)).json()).toEqual({ accepted: 4 });
    const a = (await ap.get(unitUrl(stp))).json();
    expect(a.totals).toMatchObject({ selfScore: 7.5, appraisedScore: 6.5, appraisedItems: 6 });
    expect((await ap.post(`${unitUrl(khcn)}/accept-remaining`)).json()).toEqual({ accepted: 6 });
  });

  it('survey points: a bad file is refused whole with its rows named; a good one is scaled to the share', async () => {
    const bad = await surveyFile([
      ['TN.STP', 'Sở Tư pháp', 90, 100],
      ['TN.KHONGCO', 'Không có', 50, 100],
      ['TN.SKHCN', 'Sở KH&CN', 'tám mươi', 100],
      ['TN.STP', 'Sở Tư pháp', 80, 100],
    ]);
    const r = await as(t.app, admin).upload(`/api/par/rounds/${roundId}/survey`, 'dieu-tra.xlsx', bad);
    expect(r.statusCode).toBe(400);
    expect(r.json().details.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5]);
    expect((await as(t.app, admin).get(`/api/par/rounds/${roundId}`)).json().units.every((u: { surveyScore: number | null }) => u.surveyScore === null)).toBe(true);
    expect((await as(t.app, stpHead).upload(`/api/par/rounds/${roundId}/survey`, 'dieu-tra.xlsx', bad)).statusCode).toBe(403);
    const good = await surveyFile([
      ['TN.STP', 'Sở Tư pháp', 85, 100],
      ['TN.SKHCN', 'Sở KH&CN', '45,5', 50],
    ]);
    const ok = await as(t.app, admin).upload(`/api/par/rounds/${roundId}/survey`, 'dieu-tra.xlsx', good);
    expect(ok.json().rows.map((x: { code: string; score: number }) => [x.code, x.score])).toEqual([
      ['TN.STP', 8.5],
      ['TN.SKHCN', 9.1],
    ]);
  });

  it('approval lists what is missing and changes nothing until the round is complete', async () => {
    const r = await as(t.app, admin).post(`/api/par/rounds/${roundId}/approve`);
    expect(r.statusCode).toBe(409);
    expect(r.json().details.missing.map((m: { unitId: number; problem: string }) => m.problem)).toEqual(['NOT_SUBMITTED', 'NOT_APPRAISED', 'NO_SURVEY']);
    expect((await as(t.app, admin).post(`/api/par/rounds/${roundId}/publish`)).json().code).toBe('NOT_APPROVED');
  });

  it('results: index, rank within type, group, area breakdown, self vs appraised', async () => {
    const res = (await as(t.app, leader).get(`/api/par/rounds/${roundId}/results`)).json();
    const byId = Object.fromEntries(res.units.map((u: { unitId: number }) => [u.unitId, u]));
    // STP: 6.50 appraised + 8.50 survey = 15 of 20 → 75 %; KHCN: 0 + 3 + 1.5 + 0.5 + 1 + 0.75 = 6.75 + 9.1 = 15.85 → 79.25 %
    expect(byId[stp]).toMatchObject({ selfScore: 7.5, appraisedScore: 6.5, surveyScore: 8.5, maxScore: 20, index: 75, rank: 2, group: 'C', difference: -1 });
    expect(byId[khcn]).toMatchObject({ selfScore: 6.75, appraisedScore: 6.75, surveyScore: 9.1, index: 79.25, rank: 1, group: 'C', difference: 0 });
    expect(byId[snv]).toMatchObject({ submitted: false, selfScore: null, index: null, rank: null, group: null });
    expect(byId[stp].areas).toEqual([
      { code: '1', name: 'Chỉ đạo, điều hành', max: 5, self: 4.5, final: 3.5, index: 70 },
      { code: '2', name: 'Thủ tục hành chính', max: 5, self: 3, final: 3, index: 60 },
    ]);
  });

  it('nothing changes after the window closes; the administrator may reopen one unit, recorded', async () => {
    const past = { selfFrom: addDays(today, -30), selfTo: addDays(today, -20), appraisalFrom: addDays(today, -30), appraisalTo: addDays(today, -1) };
    expect((await as(t.app, admin).patch(`/api/par/rounds/${roundId}`, past)).statusCode).toBe(200);
    const before = (await as(t.app, admin).get(unitUrl(stp))).json().items;
    expect((await as(t.app, snvOfficer()).put(item(snv, '1.2'), { input: { value: 1 } })).json().code).toBe('LOCKED');
    expect((await as(t.app, appraiser).post(`${item(stp, '1.2')}/appraisal`, { action: 'accept' })).json().code).toBe('LOCKED');
    expect((await as(t.app, admin).get(unitUrl(stp))).json().items).toEqual(before);
    expect((await as(t.app, stpHead).post(`${unitUrl(snv)}/reopen`, { until: today, reason: 'x' })).statusCode).toBe(403);
    expect((await as(t.app, admin).post(`${unitUrl(snv)}/reopen`, { until: addDays(today, 2), reason: 'Đơn vị gặp sự cố hệ thống' })).statusCode).toBe(200);
    expect((await as(t.app, snvOfficer()).put(item(snv, '1.2'), { input: { value: 1 } })).statusCode).toBe(200);
    const audit = (await as(t.app, admin).get('/api/audit?entityType=par_round')).json();
    const actions = (audit.items ?? audit).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['par.round.create', 'par.round.update', 'par.unit.reopen', 'par.self.submit', 'par.survey.import']));
  });

  let snvSession: Session;
  const snvOfficer = () => snvSession;
  beforeAll(async () => {
    snvSession = await login(t.app, 'snv.canbo');
  });

  it('approved and published: the ranking is public; the exports read back', async () => {
    // complete the round: Sở Nội vụ submits (reopened), windows put back, the appraiser accepts, survey imported
    const so = as(t.app, snvOfficer());
    for (const [code, input] of [['1.1', { yes: true }], ['1.2', { value: 3 }], ['2.1', { value: 2 }], ['2.2', { value: 0.1 }], ['2.3', { percent: 100 }], ['2.4', { count: 0 }]] as const) await so.put(item(snv, code), { input });
    await so.put(item(snv, '1.1'), { refs: 'QĐ 5/QĐ-SNV' });
    await so.put(item(snv, '1.1'), { explanation: 'Quyết định 5/QĐ-SNV ngày 05/01/2026' });
    expect((await as(t.app, await login(t.app, 'snv.lanhdao')).post(`${unitUrl(snv)}/submit`)).statusCode).toBe(200);
    await as(t.app, admin).patch(`/api/par/rounds/${roundId}`, { appraisalTo: addDays(today, 10) });
    // Sở Nội vụ's own appraiser may not appraise it
    expect((await as(t.app, appraiser).post(`${unitUrl(snv)}/accept-remaining`)).statusCode).toBe(403);
    // a second appraiser, of another unit, is assigned to Sở Nội vụ
    const second = await as(t.app, admin).post('/api/users', { username: 'stp.thamdinh', fullName: 'Thẩm định viên 2', role: 'appraiser', unitId: stp, password: 'Demo12345' });
    expect(second.statusCode).toBeLessThan(300);
    const ap2 = as(t.app, await login(t.app, 'stp.thamdinh'));
    expect((await as(t.app, admin).put(`${unitUrl(snv)}/appraiser`, { appraiserId: second.json().id })).statusCode).toBe(200);
    expect((await as(t.app, admin).put(`${unitUrl(stp)}/appraiser`, { appraiserId: second.json().id })).json().code).toBe('OWN_UNIT');
    expect((await ap2.post(`${unitUrl(snv)}/accept-remaining`)).json()).toEqual({ accepted: 6 });
    await as(t.app, admin).upload(`/api/par/rounds/${roundId}/survey`, 'dieu-tra.csv', Buffer.from('Mã đơn vị,Tên đơn vị,Điểm,Điểm tối đa\nTN.SNV,Sở Nội vụ,100,100\n'));
    const before = (await as(t.app, leader).get(`/api/par/rounds/${roundId}/results`)).json().units;
    expect((await as(t.app, admin).post(`/api/par/rounds/${roundId}/approve`)).json().status).toBe('approved');
    expect((await as(t.app, stpOfficer).put(item(stp, '1.2'), { input: { value: 1 } })).json().code).toBe('ROUND_CLOSED');
    // the results are kept at approval and read from there: the same figures, and a score changed behind the
    // system's back afterwards does not move them
    await t.database.db.execute(sql`update par_scores set self_score = 0, appraised_score = 0 where round_unit_id in (select id from par_round_units where round_id = ${roundId})`);
    expect((await as(t.app, leader).get(`/api/par/rounds/${roundId}/results`)).json().units).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/par/rounds/${roundId}` })).statusCode).toBe(404);
    // the public answers are kept in memory: the publication shows in them at once
    const listed = async () => ((await t.app.inject({ method: 'GET', url: '/api/public/par/rounds' })).json() as { id: number }[]).map((r) => r.id);
    expect(await listed()).not.toContain(roundId);
    const published = (await as(t.app, admin).post(`/api/par/rounds/${roundId}/publish`)).json();
    expect(published.status).toBe('published');
    expect(await listed()).toContain(roundId);
    // the published ranking carries the audit trail's head, the publication itself included
    const [last] = (await as(t.app, admin).get('/api/audit?limit=1')).json();
    expect(published.auditHead).toMatchObject({ lastId: last.id, count: expect.any(Number) });
    expect(last.action).toBe('par.round.publish');
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/par/rounds/${roundId}` })).json();
    expect(pub.units.map((u: { unitId: number; rank: number; index: number }) => [u.unitId, u.rank, u.index])).toEqual([
      [snv, 1, 95.5],
      [khcn, 2, 79.25],
      [stp, 3, 75],
    ]);
    expect(JSON.stringify(pub)).not.toContain('selfScore');

    const xlsx = await as(t.app, leader).get(`/api/par/rounds/${roundId}/results.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Xếp hạng')!;
    // a title, the round's standing (approved and published, not provisional), then the column header
    expect(String(ws.getRow(1).getCell(1).value)).toContain('Kết quả Chỉ số CCHC năm 2026');
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/^Kết quả đã được phê duyệt ngày/);
    expect(ws.getRow(3).values).toContain('Chỉ số (%)');
    expect([4, 5, 6].map((r) => [ws.getRow(r).getCell(4).value, ws.getRow(r).getCell(9).value])).toEqual([
      ['Sở Nội vụ', 95.5],
      ['Sở Khoa học và Công nghệ', 79.25],
      ['Sở Tư pháp', 75],
    ]);
    const docx = await as(t.app, leader).get(`/api/par/rounds/${roundId}/report.docx`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Kết quả xác định Chỉ số cải cách hành chính năm 2026');
    expect(xml).toContain('95,50');
    // in the layout of Decree 30/2020: the header table with the motto, A4 with its margins, Times New Roman
    const d = await readDocx(docx.rawPayload);
    expect(d.paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(d.paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(d.paragraphs).toContain('SỞ NỘI VỤ');
    expect(d.paragraphs).toContain('Số: …/BC-SNV');
    expect(d.sections[0]).toMatchObject({ width: 11906, height: 16838, margins: MARGINS });
    expect([...d.fonts]).toEqual(['Times New Roman']);
    expect((await as(t.app, stpHead).get(`/api/par/rounds/${roundId}/results.xlsx`)).statusCode).toBe(403);
  });
});
