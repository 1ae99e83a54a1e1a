import { describe, expect, it } from 'vitest';
import { ANNOUNCED_2025, ANNOUNCED_2026_TET } from '../calendar/announced.js';
import { WorkingCalendar } from '../calendar/workingCalendar.js';
import { type DossierState, outcome, STATUS } from '../dossiers/lifecycle.js';
import { deriveEvents, STATUS_OF_CODE } from './derive.js';
import { type DossierSnapshot, readRecord, STATUS_NAMES, type SyncRecord } from './snapshot.js';

const calendar = new WorkingCalendar([ANNOUNCED_2025, { year: 2026, replacesRules: false, daysOff: ANNOUNCED_2026_TET, workingWeekendDays: [] }]);
const ctx = { calendar, limitMinutes: 3 * 480, now: new Date('2026-06-01T00:00:00+07:00') };
const t = (s: string) => new Date(`${s}+07:00`);

/** A snapshot as a sender writes it: received Mon 2/3/2026 09:00, appointment Thu 5/3 09:00 (3 working days). */
const snap = (status: number, extra: Record<string, unknown> = {}) => ({ MaHoSo: 'H1', MaTTHC: '1.001', DonViXuLy: 'Sở Tư pháp', NgayTiepNhan: '20260302090000', NgayHenTra: '20260305090000', TrangThaiHoSo: String(status), ...extra });
const progress = (status: number, at: string) => ({ MaHoSo: 'H1', TrangThai: String(status), ThoiDiemXuLy: at });
type Msg = ['s', Record<string, unknown>] | ['p', Record<string, unknown>];
const S = (status: number, extra?: Record<string, unknown>): Msg => ['s', snap(status, extra)];
const P = (status: number, at: string): Msg => ['p', progress(status, at)];

/** Feeds the messages in order as the receiver does; stops at the first refusal. */
function conversation(msgs: Msg[]) {
  let state: DossierState | null = null;
  let previous: DossierSnapshot | null = null;
  const kinds: string[][] = [];
  for (const [i, [k, raw]] of msgs.entries()) {
    const read = readRecord(k === 's' ? 'DongBoHoSoMC' : 'CapNhatTienDoHoSoMC', raw);
    if (!read.ok) throw new Error(`message ${i + 1}: ${JSON.stringify(read.errors)}`);
    const r = deriveEvents({ state, previous, record: read.record as SyncRecord, ctx });
    if (!r.ok) return { state, kinds, error: { at: i + 1, ...r.error } };
    state = r.state;
    if (read.record.kind === 'snapshot') previous = read.record;
    kinds.push(r.events.map((e) => e.kind));
  }
  return { state, kinds, error: null };
}

describe('every status code into the lifecycle, as the first snapshot of a dossier', () => {
  const END = { NgayKetThucXuLy: '20260304100000' };
  const cases: [number, Record<string, unknown>, string[], keyof typeof STATUS][] = [
    [1, { NgayHenTra: '' }, ['registered'], 'registered'],
    [2, {}, ['received'], 'received'],
    [3, END, ['registered', 'refused'], 'refused'],
    // no instant of its own in a snapshot: the transfer waits for the progress update
    [4, {}, ['received'], 'received'],
    [5, { DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000' }] }, ['received', 'supplement_requested'], 'supplement'],
    [6, {}, ['received'], 'received'],
    [7, END, ['received', 'withdrawn'], 'withdrawn'],
    [8, END, ['received', 'stopped'], 'stopped'],
    [9, END, ['received', 'processed'], 'processed'],
    [10, { ...END, NgayTra: '20260304150000' }, ['received', 'processed', 'result_returned'], 'returned'],
  ];
  it.each(cases)('status %i', (code, extra, kinds, status) => {
    const c = conversation([S(code, extra)]);
    expect(c.error).toBeNull();
    expect(c.kinds).toEqual([kinds]);
    expect(c.state!.status).toBe(status);
  });
  it('the ten codes are the lifecycle’s ten statuses, each with its Vietnamese name', () => {
    for (let code = 1; code <= 10; code++) {
      expect(STATUS[STATUS_OF_CODE[code as 1]]).toBe(code);
      expect(STATUS_NAMES[code]).toBeTruthy();
    }
  });
});

describe('every status code from a received dossier, by a progress update (at ThoiDiemXuLy)', () => {
  const cases: [number, string[], keyof typeof STATUS][] = [
    [2, [], 'received'],
    [3, ['refused'], 'refused'],
    [4, ['transferred'], 'processing'],
    [5, ['supplement_requested'], 'supplement'],
    [6, ['financial_requested'], 'financial'],
    [7, ['withdrawn'], 'withdrawn'],
    [8, ['stopped'], 'stopped'],
    [9, ['processed'], 'processed'],
    [10, ['result_returned'], 'returned'],
  ];
  it.each(cases)('status %i', (code, kinds, status) => {
    const c = conversation([S(2), P(code, '20260303100000')]);
    expect(c.error).toBeNull();
    expect(c.kinds[1]).toEqual(kinds);
    expect(c.state!.status).toBe(status);
  });
  it('status 1 after receipt is refused', () => {
    expect(conversation([S(2), P(1, '20260303100000')]).error).toMatchObject({ at: 2, code: 'BACKWARDS' });
  });
});

describe('conversations', () => {
  const cases: [string, Msg[], string[][], keyof typeof STATUS | null, string | null][] = [
    [
      'receipt → supplement → received → processed → returned, as OpenCPS sends it (snapshot, then progress)',
      [
        S(2),
        S(4), P(4, '20260302100000'),
        S(5, { DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000' }] }), P(5, '20260303090000'),
        S(4, { DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000', NgayTiepNhanBoSung: '20260304090000' }] }), P(4, '20260304090000'),
        S(9, { NgayKetThucXuLy: '20260305100000', DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000', NgayTiepNhanBoSung: '20260304090000' }] }), P(9, '20260305100000'),
        S(10, { NgayKetThucXuLy: '20260305100000', NgayTra: '20260305150000', DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000', NgayTiepNhanBoSung: '20260304090000' }] }), P(10, '20260305150000'),
      ],
      [['received'], [], ['transferred'], ['supplement_requested'], [], ['supplement_received'], [], ['processed'], [], ['result_returned'], []],
      'returned',
      null,
    ],
    ['the same snapshot twice: nothing the second time', [S(2), S(2)], [['received'], []], 'received', null],
    ['registered online, then received: online', [S(1, { NgayTiepNhan: '20260302080000', NgayHenTra: '' }), S(2)], [['registered'], ['received']], 'received', null],
    ['received straight to processed', [S(2), S(9, { NgayKetThucXuLy: '20260304100000' })], [['received'], ['processed']], 'processed', null],
    ['a supplement asked for by a progress update, then dated in the next snapshot: one request', [S(2), P(5, '20260303090000'), S(5, { DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000' }] }), S(4, { DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000', NgayTiepNhanBoSung: '20260304090000' }] })], [['received'], ['supplement_requested'], [], ['supplement_received']], 'processing', null],
    ['processed while waiting for the citizen: the wait ends with it', [S(5, { DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000' }] }), S(9, { NgayKetThucXuLy: '20260304100000', DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000' }] })], [['received', 'supplement_requested'], ['supplement_received', 'processed']], 'processed', null],
    ['returned with no end of processing given', [S(2), S(10, { NgayTra: '20260304150000' })], [['received'], ['result_returned']], 'returned', null],
    ['a status without its date waits: 9 with no NgayKetThucXuLy, then its progress update', [S(2), S(9), P(9, '20260304100000')], [['received'], [], ['processed']], 'processed', null],
    ['backwards: 4 after 10', [S(10, { NgayTra: '20260304150000' }), S(4)], [['received', 'result_returned']], 'returned', 'BACKWARDS'],
    ['backwards: 2 after a transfer', [S(2), P(4, '20260302100000'), S(2)], [['received'], ['transferred']], 'processing', 'BACKWARDS'],
    ['backwards: processed after refused', [S(2), P(3, '20260303090000'), S(9, { NgayKetThucXuLy: '20260304100000' })], [['received'], ['refused']], 'refused', 'BACKWARDS'],
    ['out of order: ended before its supplement was received', [S(5, { DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000' }] }), S(9, { NgayKetThucXuLy: '20260303080000', DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000' }] })], [['received', 'supplement_requested']], 'supplement', 'OUT_OF_ORDER'],
    ['out of order: a progress update older than the dossier’s last event', [S(2), P(4, '20260302100000'), P(9, '20260302093000')], [['received'], ['transferred']], 'processing', 'OUT_OF_ORDER'],
    ['a new supplement request on an ended dossier', [S(9, { NgayKetThucXuLy: '20260304100000' }), S(9, { NgayKetThucXuLy: '20260304100000', DanhSachHoSoBoSung: [{ NgayBoSung: '20260304110000' }] })], [['received', 'processed']], 'processed', 'IMPOSSIBLE_STEP'],
    ['a progress update for a dossier never synced', [P(4, '20260302100000')], [], null, 'NOT_SYNCED'],
    ['a date in the future', [S(9, { NgayKetThucXuLy: '20270101090000' })], [], null, 'FUTURE'],
    ['a receipt with no NgayTiepNhan', [S(4, { NgayTiepNhan: '' })], [], null, 'MISSING_FIELD'],
  ];
  it.each(cases)('%s', (_name, msgs, kinds, status, error) => {
    const c = conversation(msgs);
    expect(c.kinds).toEqual(kinds);
    expect(c.state?.status ?? null).toBe(status);
    expect(c.error?.code ?? null).toBe(error);
    if (c.error) expect(c.error.message).toMatch(/hồ sơ|Thiếu|tương lai|sớm hơn/i);
  });
});

describe('a new appointment (NgayHenTraMoi) as an apology letter', () => {
  // asked Tue 3/3 09:00, received Wed 4/3 09:00: one working day of waiting, so the deadline moves to Fri 6/3 09:00
  const entry = (newAppointment: string) => ({ NgayBoSung: '20260303090000', NgayTiepNhanBoSung: '20260304090000', NgayHenTraTruoc: '20260305090000', NgayHenTraMoi: newAppointment });
  it('later than the deadline the wait gives: an apology at the supplement’s receipt, with that appointment', () => {
    const c = conversation([S(2), S(4, { DanhSachHoSoBoSung: [entry('20260311090000')] })]);
    expect(c.kinds).toEqual([['received'], ['supplement_requested', 'supplement_received', 'apology']]);
    expect(c.state!.appointment).toEqual(t('2026-03-11T09:00:00'));
    expect(c.state!.apologies).toBe(1);
  });
  it('the appointment moved by the wait only: no apology (the wait is already counted)', () => {
    const c = conversation([S(2), S(4, { DanhSachHoSoBoSung: [entry('20260306090000')] })]);
    expect(c.kinds[1]).toEqual(['supplement_requested', 'supplement_received']);
    expect(c.state!.appointment).toEqual(t('2026-03-05T09:00:00'));
  });
  it('seen again in the next snapshot: not a second apology', () => {
    const c = conversation([S(2), S(4, { DanhSachHoSoBoSung: [entry('20260311090000')] }), S(9, { NgayKetThucXuLy: '20260310100000', DanhSachHoSoBoSung: [entry('20260311090000')] })]);
    expect(c.kinds[2]).toEqual(['processed']);
    expect(outcome(c.state!, t('2026-03-31T17:00:00'), calendar).outcome).toBe('early');
  });
  it('given after the deadline: left out (Decision 766), the dossier is judged on the first appointment', () => {
    const late = { NgayBoSung: '20260309090000', NgayTiepNhanBoSung: '20260310090000', NgayHenTraMoi: '20260320090000' };
    const c = conversation([S(2), S(4, { DanhSachHoSoBoSung: [late] }), S(9, { NgayKetThucXuLy: '20260319100000', DanhSachHoSoBoSung: [late] })]);
    expect(c.kinds[1]).toEqual(['supplement_requested', 'supplement_received']);
    expect(c.state!.apologies).toBe(0);
    expect(outcome(c.state!, t('2026-03-31T17:00:00'), calendar).outcome).toBe('late');
  });
});
