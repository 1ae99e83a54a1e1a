import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';
import { vietnamDateOf } from '../../domain/org/dates.js';
import { computeSatisfaction, type ElementCounters, sampleQuestionnaire, scoreResponse } from '../../domain/surveys/questionnaire.js';

const KEY = 'test-ingest-key-0123456789';
// answers are given now: the dossiers were returned yesterday, the figures read over the year to date
const DAY = vietnamDateOf(new Date(Date.now() - 86_400_000));
const TODAY = vietnamDateOf(new Date());
const YEAR = TODAY.slice(0, 4);
const Q = sampleQuestionnaire();
const COUNTED = Q.questions.filter((q) => q.kind !== 'expectation');
const all = (value: string) => COUNTED.map((q) => ({ questionId: q.id, value }));

async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phiếu');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(ENGINES)('satisfaction surveys on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let stc: number;
  const send = (events: object[]) => t.app.inject({ method: 'POST', url: '/api/dossiers/events', payload: events, headers: { 'x-api-key': KEY } });
  const pub = (code: string, payload?: object) => t.app.inject({ method: payload ? 'POST' : 'GET', url: `/api/public/surveys/dossier/${code}`, payload });
  const sat = async (q = '') => (await as(t.app, admin).get(`/api/satisfaction?unit=${stc}&from=${YEAR}-01-01&to=${TODAY}${q}`)).json();
  const idx766 = async () => (await as(t.app, admin).get(`/api/index766?unit=${stc}&period=${YEAR}`)).json();
  const comp = (x: { groups: { components: { key: string }[] }[] }, k: string) => x.groups.flatMap((g) => g.components).find((c) => c.key === k) as unknown as { points: number | null; basis: string | null; rate: number | null };

  const returned = (n: number, extra: object = {}) => [
    { sourceSystem: 'igate', dossierCode: `KS-${n}`, procedureCode: 'MAU.DN.01', unitCode: 'TN.STC', kind: 'received', at: `${DAY}T09:00:00+07:00`, channel: n % 2 ? 'online' : 'counter', ...extra },
    { sourceSystem: 'igate', dossierCode: `KS-${n}`, kind: 'processed', at: `${DAY}T10:00:00+07:00` },
    { sourceSystem: 'igate', dossierCode: `KS-${n}`, kind: 'result_returned', at: `${DAY}T15:00:00+07:00` },
  ];

  beforeAll(async () => {
    t = await testApp(engine, { ingestApiKey: KEY });
    admin = await login(t.app, 'admin');
    stc = await unitId(t.app, 'TN.STC', '2026-03-01');
    const created = await as(t.app, admin).post('/api/surveys/questionnaires', { code: 'MAU-SIPAS', name: 'Phiếu mẫu', definition: Q });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ version: 1, active: true });
    const events = [...Array.from({ length: 8 }, (_, i) => returned(i + 1)).flat(), { sourceSystem: 'igate', dossierCode: 'KS-OPEN', procedureCode: 'MAU.DN.01', unitCode: 'TN.STC', kind: 'received', at: `${DAY}T09:00:00+07:00` }];
    expect((await send(events)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('a dossier still open has no survey yet; an unknown one is 404', async () => {
    expect((await pub('KS-OPEN')).json().code).toBe('SURVEY_NOT_OPEN');
    expect((await pub('KS-OPEN', { answers: all('5') })).statusCode).toBe(409);
    expect((await pub('KHONG-CO')).statusCode).toBe(404);
  });

  it('a returned dossier gets the questions with their options, nothing about people', async () => {
    const r = (await pub('KS-1')).json();
    expect(r.answered).toBe(false);
    expect(r.questions).toHaveLength(Q.questions.length);
    expect(r.questions[0]).toEqual({ id: '1.1', element: 'access', kind: 'assessment', text: Q.questions[0].text, required: true, options: Q.scales[0].options.map((o) => ({ value: o.value, label: o.label })) });
    expect(r.questionnaire).toMatchObject({ isSample: false, version: 1 });
    expect(Object.keys(r).sort()).toEqual(['answered', 'code', 'elements', 'procedure', 'questionnaire', 'questions']);
  });

  it('answers once: 201, then 409 and nothing changes', async () => {
    const before766 = await idx766();
    expect(comp(before766, '5.4').points).toBeNull();
    const first = await pub('KS-1', { answers: all('5') });
    expect(first.statusCode).toBe(201);
    const s1 = await sat();
    expect(s1.overall).toMatchObject({ answers: COUNTED.length, index: 100, smallSample: true });
    const second = await pub('KS-1', { answers: all('1') });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('ALREADY_ANSWERED');
    expect(await sat()).toEqual(s1);
    expect((await pub('KS-1')).json().answered).toBe(true);
    // the 766 criterion 5.4 now has data: the dossiers judged for 2.1, those on time, none "not satisfied"
    const after = await idx766();
    const [onTime, judged] = comp(after, '2.1').basis!.split('/').map(Number);
    expect(comp(after, '5.4')).toMatchObject({ basis: `${onTime}/${judged}`, points: onTime / judged >= 0.9 ? 12 : expect.any(Number) });
  });

  it('two answers to one dossier at once: one is written, the other is 409', async () => {
    const [a, b] = await Promise.all([pub('KS-2', { answers: all('2') }), pub('KS-2', { answers: all('4') })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const s = await sat();
    expect(s.overall.answers).toBe(2 * COUNTED.length);
    expect(s.responses).toBe(2);
  });

  it('a "not satisfied" answer moves 5.4: 100 % − (late + not satisfied)/judged', async () => {
    const x = await idx766();
    const [onTime, judged] = comp(x, '2.1').basis!.split('/').map(Number);
    const bad = (await sat()).dissatisfiedResponses;
    expect(bad).toBeLessThanOrEqual(1);
    expect(comp(x, '5.4').basis).toBe(`${onTime - bad}/${judged}`);
    const third = await pub('KS-6', { answers: all('1') });
    expect(third.statusCode).toBe(201);
    expect(comp(await idx766(), '5.4')).toMatchObject({ basis: `${onTime - bad - 1}/${judged}` });
  });

  it.each([
    ['a question left out', all('5').slice(1), 'Chưa trả lời câu hỏi: 1.1.'],
    ['a value outside the scale', all('9'), 'lựa chọn "9" không có trong thang đo'],
    ['an unknown question', [...all('5'), { questionId: 'X', value: '5' }], 'Câu hỏi "X" không có trong phiếu.'],
  ])('refuses %s with a Vietnamese message and saves nothing', async (_n, answers, message) => {
    const before = await sat();
    const r = await pub('KS-3', { answers });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain(message);
    expect(await sat()).toEqual(before);
    expect((await pub('KS-3')).json().answered).toBe(false);
  });

  it('per element: answers and index, and the same by procedure', async () => {
    const s = await sat();
    expect(s.elements.map((e: { key: string }) => e.key)).toEqual(['access', 'procedure', 'staff', 'result', 'feedback']);
    expect(s.elements[0]).toMatchObject({ answers: 2 * s.responses });
    expect(await sat('&procedure=MAU.DN.01')).toEqual(s);
    expect((await sat('&procedure=MAU.KHAC')).overall).toMatchObject({ answers: 0, index: null });
  });

  it('an import of answers: dry run, row errors in Vietnamese save nothing, then all rows saved', async () => {
    const header = ['Mã hồ sơ', 'Mã đơn vị', 'Mã thủ tục', 'Ngày trả lời', ...COUNTED.map((q) => q.id)];
    const row = (code: string, unit: string, day: string, v: string) => [code, unit, code ? '' : 'MAU.DN.01', day, ...COUNTED.map(() => v)];
    const good = await xlsx([header, row('KS-4', '', `10/03/${YEAR}`, '4'), row('', 'TN.STC', `11/03/${YEAR}`, '3')]);
    const before = await sat();
    const dry = await as(t.app, admin).upload('/api/surveys/import?dryRun=true', 'ks.xlsx', good);
    expect(dry.json()).toMatchObject({ dryRun: true, responses: 2, withDossier: 1, saved: 0 });
    expect(await sat()).toEqual(before);
    const bad = await xlsx([header, row('KS-5', '', `10/03/${YEAR}`, '4'), row('KS-1', '', `10/03/${YEAR}`, '4'), row('KS-5', '', `10/03/${YEAR}`, '4'), row('', 'KHONG', `10/03/${YEAR}`, '4'), row('', 'TN.STC', '31/02/2026', '4'), [...row('', 'TN.STC', `10/03/${YEAR}`, '4').slice(0, -1), '7']]);
    const r = await as(t.app, admin).upload('/api/surveys/import', 'ks.xlsx', bad);
    expect(r.statusCode).toBe(400);
    expect(r.json().details.errors).toEqual([
      { row: 3, message: 'Hồ sơ "KS-1" đã được đánh giá trước đây; mỗi hồ sơ một phiếu.' },
      { row: 4, message: 'Hồ sơ "KS-5" đã có phiếu ở dòng 2; mỗi hồ sơ một phiếu.' },
      { row: 5, message: 'Mã đơn vị "KHONG" không có trong cơ cấu tổ chức.' },
      { row: 6, message: 'Ngày trả lời "31/02/2026" không hợp lệ (dd/mm/yyyy).' },
      { row: 7, message: `Câu hỏi "${COUNTED.at(-1)!.id}": lựa chọn "7" không có trong thang đo.` },
    ]);
    expect(await sat()).toEqual(before);
    expect((await pub('KS-5')).json().answered).toBe(false);
    const saved = await as(t.app, admin).upload('/api/surveys/import', 'ks.xlsx', good);
    expect(saved.json()).toMatchObject({ dryRun: false, responses: 2, saved: 2 });
    expect((await sat()).responses).toBe(before.responses + 2);
    expect((await pub('KS-4', { answers: all('5') })).statusCode).toBe(409);
  });

  it('questionnaires: export, import back as a new version (dry run first), clone', async () => {
    const list = (await as(t.app, admin).get('/api/surveys')).json();
    const id = list.questionnaires[0].id;
    const file = await as(t.app, admin).get(`/api/surveys/questionnaires/${id}.xlsx`);
    expect(file.statusCode).toBe(200);
    const buf = file.rawPayload;
    const dry = (await as(t.app, admin).upload('/api/surveys/questionnaires/import?dryRun=true', 'q.xlsx', buf)).json();
    expect(dry.definition).toEqual(Q);
    const saved = await as(t.app, admin).upload('/api/surveys/questionnaires/import', 'q.xlsx', buf);
    expect(saved.statusCode).toBe(201);
    expect(saved.json().saved.version).toBe(2);
    const clone = await as(t.app, admin).post(`/api/surveys/questionnaires/${id}/clone`, {});
    expect(clone.json()).toMatchObject({ version: 3, active: false });
    // a broken sheet: row errors, nothing saved
    const bad = await xlsx([['Loại dòng', 'Mã', 'Thuộc', 'Nội dung', 'Công thức / thang đo', 'Loại câu hỏi', 'Trọng số / cỡ mẫu', 'Hài lòng', 'Không hài lòng'], ['Phiếu', 'X', '', 'Tên', 'pooled', '', 5], ['Lựa chọn', '1', 'nope', 'a', '', '', 10], ['Câu hỏi', 'q', 'e', 't', 's', 'hỏi vặn']]);
    const r = await as(t.app, admin).upload('/api/surveys/questionnaires/import', 'q.xlsx', bad);
    expect(r.statusCode).toBe(400);
    expect(r.json().details.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect((await as(t.app, admin).get('/api/surveys')).json().questionnaires).toHaveLength(3);
  });

  it('campaigns: paper forms by staff inside the window, progress against the sample; outside the window refused', async () => {
    const c = await as(t.app, admin).post('/api/surveys/campaigns', { name: 'Khảo sát quý I', unitId: stc, procedureCode: 'MAU.DN.01', opensOn: `${YEAR}-01-01`, closesOn: TODAY, sampleSize: 4 });
    expect(c.statusCode).toBe(201);
    const id = c.json().id;
    expect((await as(t.app, admin).post(`/api/surveys/campaigns/${id}/responses`, { answers: all('4'), answeredOn: `${YEAR}-01-02` })).statusCode).toBe(201);
    expect((await as(t.app, admin).post(`/api/surveys/campaigns/${id}/responses`, { answers: all('4'), answeredOn: `${Number(YEAR) - 1}-12-31` })).json().code).toBe('CAMPAIGN_CLOSED');
    const list = (await as(t.app, admin).get('/api/surveys')).json().campaigns;
    expect(list.find((x: { id: number }) => x.id === id)).toMatchObject({ answered: 1, sampleSize: 4, progress: 25 });
  });

  it('the counters equal a replay of every answer', async () => {
    const { db } = t.database;
    const { surveyResponses } = await import('../../server/db/schema.js');
    const rows = await db.select().from(surveyResponses);
    const m = new Map<string, ElementCounters>();
    for (const r of rows) {
      for (const [k, v] of scoreResponse(Q, r.answers as { questionId: string; value: string }[]).byElement) {
        const a = m.get(k) ?? { answers: 0, satisfied: 0, weightSum: 0 };
        m.set(k, { answers: a.answers + v.answers, satisfied: a.satisfied + v.satisfied, weightSum: a.weightSum + v.weightSum });
      }
    }
    const s = await sat();
    const replay = computeSatisfaction(Q, m);
    expect({ elements: s.elements, overall: s.overall }).toEqual(replay);
  });

  it('staff of another unit cannot enter a campaign’s forms; the public cannot manage', async () => {
    expect((await as(t.app, null).post('/api/surveys/campaigns', { name: 'x', unitId: stc, opensOn: '2026-03-01', closesOn: '2026-03-31', sampleSize: 1 })).statusCode).toBe(401);
  });
});

describe.each(ENGINES)('satisfaction counters against a replay of generated answers on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await login(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('300 generated answers over units, procedures and days: every range, unit and procedure reads as the replay', async () => {
    // a weighted questionnaire on A/B/C/D, pooled, to exercise the other formulas
    const def = { ...Q, scales: [...Q.scales, { key: 'abcd', name: 'A/B/C/D', options: [{ value: 'A', label: 'A', weight: 100, satisfied: true, dissatisfied: false }, { value: 'B', label: 'B', weight: 60, satisfied: true, dissatisfied: false }, { value: 'C', label: 'C', weight: 20, satisfied: false, dissatisfied: true }, { value: 'D', label: 'D', weight: 0, satisfied: false, dissatisfied: true }] }], elements: Q.elements.map((e, i) => ({ ...e, formula: i % 2 ? ('weighted' as const) : ('share' as const) })), questions: Q.questions.map((q, i) => ({ ...q, scale: i % 3 === 0 ? 'abcd' : 'likert5' })), overall: 'pooled' as const };
    expect((await as(t.app, admin).post('/api/surveys/questionnaires', { code: 'GEN', name: 'Sinh ngẫu nhiên', definition: def })).statusCode).toBe(201);
    const procs = ((await t.app.inject({ method: 'GET', url: '/api/procedures?q=MAU&limit=5' })).json().items as { code: string }[]).map((p) => p.code);
    let seed = 13;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const year = vietnamDateOf(new Date()).slice(0, 4);
    const scales = new Map(def.scales.map((s) => [s.key, s]));
    const counted = def.questions.filter((q) => q.kind !== 'expectation');
    const gen = Array.from({ length: 300 }, () => {
      const month = 1 + Math.floor(rand() * 10);
      const day = 1 + Math.floor(rand() * 28);
      const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      // never in the future, whenever the test runs
      return { unit: pick(['TN.STC', 'TN.STP']), proc: rand() < 0.3 ? '' : pick(procs), iso: iso > TODAY ? TODAY : iso, values: counted.map((q) => pick(scales.get(q.scale)!.options).value) };
    });
    const header = ['Mã hồ sơ', 'Mã đơn vị', 'Mã thủ tục', 'Ngày trả lời', ...counted.map((q) => q.id)];
    const file = await xlsx([header, ...gen.map((g) => ['', g.unit, g.proc, `${g.iso.slice(8)}/${g.iso.slice(5, 7)}/${year}`, ...g.values])]);
    const saved = await as(t.app, admin).upload('/api/surveys/import', 'gen.xlsx', file);
    expect(saved.json()).toMatchObject({ saved: 300 });

    const replay = (rows: typeof gen) => {
      const m = new Map<string, ElementCounters>();
      for (const g of rows) {
        for (const [k, v] of scoreResponse(def, counted.map((q, i) => ({ questionId: q.id, value: g.values[i] }))).byElement) {
          const a = m.get(k) ?? { answers: 0, satisfied: 0, weightSum: 0 };
          m.set(k, { answers: a.answers + v.answers, satisfied: a.satisfied + v.satisfied, weightSum: a.weightSum + v.weightSum });
        }
      }
      return computeSatisfaction(def, m);
    };
    const units = await t.app.inject({ method: 'GET', url: `/api/org-units?asOf=${year}-06-01` });
    const idOf = (code: string) => units.json().find((u: { code: string }) => u.code === code).id;
    const cases: [string | null, string, string, string | null][] = [
      [null, `${year}-01-01`, `${year}-12-31`, null],
      ['TN.STC', `${year}-01-01`, `${year}-12-31`, null],
      ['TN.STP', `${year}-03-01`, `${year}-06-30`, null],
      ['TN.STC', `${year}-02-10`, `${year}-02-20`, null],
      [null, `${year}-01-01`, `${year}-12-31`, procs[0]],
      ['TN.STP', `${year}-04-01`, `${year}-09-30`, procs[1] ?? procs[0]],
    ];
    for (const [unit, from, to, proc] of cases) {
      const q = new URLSearchParams({ from, to, questionnaire: String((await as(t.app, admin).get('/api/surveys')).json().questionnaires.find((x: { code: string }) => x.code === 'GEN').id), ...(unit ? { unit: String(idOf(unit)) } : {}), ...(proc ? { procedure: proc } : {}) });
      const got = (await as(t.app, admin).get(`/api/satisfaction?${q}`)).json();
      const want = replay(gen.filter((g) => (!unit || g.unit === unit) && g.iso >= from && g.iso <= to && (!proc || g.proc === proc)));
      expect({ elements: got.elements, overall: got.overall }, `${unit} ${from} ${to} ${proc}`).toEqual(want);
    }
  });
});
