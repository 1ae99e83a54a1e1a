/**
 * What the report and indicator screens need from the API beyond the first version: Sở Nội vụ reads its own
 * draft of the province's report (and the draft from the units keeps what it wrote); a unit reads back the
 * value it entered with its evidence file; targets carry the plan line they came from and the year's lines,
 * and editing the plan's lines keeps (or, for a removed line, drops) that link instead of failing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../server/seed/demoProgress.js';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';

describe.each(ENGINES)('report and indicator screens’ API on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let reader: Session;
  let stp: number;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await login(t.app, 'admin');
    officer = await login(t.app, 'stp.canbo');
    reader = await login(t.app, 'snv.thamdinh'); // an appraiser: reads every report, manages none
    stp = await unitId(t.app, 'TN.STP', '2026-01-01');
  });
  afterAll(() => t.close());

  it('Sở Nội vụ sees the text of its draft of the province’s report; others do not until it is finalised', async () => {
    const put = await as(t.app, admin).put('/api/reports/cchc?period=2026-Q3', { texts: { next: 'Nhiệm vụ kỳ tới của tỉnh' } });
    expect(put.statusCode).toBe(200);
    const mine = (await as(t.app, admin).get('/api/reports/cchc?period=2026-Q3')).json();
    expect(mine.draftHidden).toBe(false);
    expect(mine.sections.find((s: { key: string }) => s.key === 'next').text).toBe('Nhiệm vụ kỳ tới của tỉnh');
    const theirs = (await as(t.app, reader).get('/api/reports/cchc?period=2026-Q3')).json();
    expect(theirs.draftHidden).toBe(true);
    expect(theirs.sections.find((s: { key: string }) => s.key === 'next').text).toBe('');
    // drafting from the units fills the empty sections and keeps what Sở Nội vụ wrote
    await as(t.app, officer).put(`/api/reports/cchc?period=2026-Q3&unit=${stp}`, { texts: { next: 'Kỳ tới của Sở Tư pháp', direction: 'Chỉ đạo của Sở Tư pháp' } });
    const head = await login(t.app, 'stp.lanhdao');
    expect((await as(t.app, head).post(`/api/reports/cchc/submit?period=2026-Q3&unit=${stp}`)).statusCode).toBe(200);
    expect((await as(t.app, admin).post('/api/reports/cchc/draft?period=2026-Q3')).statusCode).toBe(200);
    const drafted = (await as(t.app, admin).get('/api/reports/cchc?period=2026-Q3')).json();
    const text = (k: string) => drafted.sections.find((s: { key: string }) => s.key === k).text;
    expect(text('next')).toBe('Nhiệm vụ kỳ tới của tỉnh');
    expect(text('direction')).toContain('- Sở Tư pháp: Chỉ đạo của Sở Tư pháp');
  });

  it('a unit reads back what it entered, with its evidence file; another unit may not', async () => {
    const created = await as(t.app, admin).post('/api/indicators', { code: 'test.vbdt', name: 'Tỷ lệ văn bản điện tử', measure: '%', aggregation: 'ratio' });
    expect(created.statusCode).toBe(201);
    const q = `unitId=${stp}&period=2026-Q3`;
    expect((await as(t.app, officer).get(`/api/indicators/test.vbdt/values/entry?${q}`)).json()).toEqual({ entry: null });
    expect((await as(t.app, officer).put('/api/indicators/test.vbdt/values', { unitId: stp, period: '2026-Q3', numerator: 45, denominator: 50, note: 'Theo hệ thống QLVB' })).statusCode).toBe(200);
    const up = await as(t.app, officer).upload(`/api/indicators/test.vbdt/values/evidence?${q}`, 'so-lieu.pdf', tinyPdf('So lieu'));
    expect(up.statusCode).toBe(200);
    const entry = (await as(t.app, officer).get(`/api/indicators/test.vbdt/values/entry?${q}`)).json().entry;
    expect(entry).toMatchObject({ unitId: stp, period: '2026-Q3', value: 90, numerator: 45, denominator: 50, note: 'Theo hệ thống QLVB', evidenceName: 'so-lieu.pdf' });
    const file = await as(t.app, officer).get(`/api/indicators/test.vbdt/values/evidence?${q}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await login(t.app, 'khcn.canbo');
    expect((await as(t.app, other).get(`/api/indicators/test.vbdt/values/entry?${q}`)).statusCode).toBe(403);
    expect((await as(t.app, other).get(`/api/indicators/test.vbdt/values/evidence?${q}`)).statusCode).toBe(403);
    expect((await as(t.app, admin).get(`/api/indicators/test.vbdt/values/entry?unitId=${stp}&period=2026-Q9`)).statusCode).toBe(400);
  });

  it('targets list the year’s plan target lines and carry the line each came from', async () => {
    const before = (await as(t.app, admin).get('/api/targets?year=2020')).json();
    expect(before.planLines.length).toBe(7);
    const line = before.planLines.find((l: { text: string }) => l.text.includes('98% hồ sơ giải quyết đúng hạn'));
    expect(line).toMatchObject({ planYear: 2020, planTitle: expect.stringContaining('Long An') });
    const made = await as(t.app, admin).post('/api/targets', { code: 'dossiers.onTimeRate', year: 2020, comparator: '>', value: 98, planTargetId: line.id });
    expect(made.statusCode).toBe(201);
    const mineOf = (r: { targets: { id: number; planTarget: unknown; planTargetId: number | null }[] }) => r.targets.find((x) => x.id === made.json().id)!;
    const after = (await as(t.app, admin).get('/api/targets?year=2020')).json();
    expect(mineOf(after).planTarget).toMatchObject({ id: line.id, planId: line.planId, text: line.text });
    expect((await as(t.app, admin).get('/api/targets?year=2026')).json().planLines).toEqual([]);

    // the plan's lines edited: the linked line kept (moved first) keeps the link; once removed the target stays, unlinked
    const texts: string[] = before.planLines.map((l: { text: string }) => l.text);
    const edit = await as(t.app, admin).put(`/api/plans/${line.planId}/targets`, { goals: null, targets: [line.text, texts[0], 'Dòng chỉ tiêu mới'] });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().map((l: { seq: number; text: string }) => `${l.seq}:${l.text.slice(0, 12)}`)).toEqual([`0:${line.text.slice(0, 12)}`, `1:${texts[0].slice(0, 12)}`, '2:Dòng chỉ tiê']);
    const kept = (await as(t.app, admin).get('/api/targets?year=2020')).json();
    expect(mineOf(kept).planTarget).toMatchObject({ id: line.id, seq: 0, text: line.text });
    expect(kept.planLines).toHaveLength(3);
    expect((await as(t.app, admin).put(`/api/plans/${line.planId}/targets`, { goals: null, targets: ['Dòng chỉ tiêu mới'] })).statusCode).toBe(200);
    const unlinked = (await as(t.app, admin).get('/api/targets?year=2020')).json();
    expect(mineOf(unlinked).planTarget).toBeNull();
    expect(mineOf(unlinked).planTargetId).toBeNull();
  });
});
