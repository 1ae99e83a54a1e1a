import { describe, expect, it } from 'vitest';
import { checkDates, declaredProblem, type DocDates, statusAsOf } from './status.js';

// signed 20/7/2023, in force from 1/8/2023; a part ended by 12/2024/QĐ-UBND from 1/5/2024; wholly replaced
// by 30/2025/QĐ-UBND from 1/9/2025
const replaced: DocDates = {
  signedOn: '2023-07-20',
  effectiveOn: '2023-08-01',
  expiredOn: '2025-09-01',
  endings: [
    { scope: 'part', from: '2024-05-01', bySymbol: '12/2024/QĐ-UBND' },
    { scope: 'whole', from: '2025-09-01', bySymbol: '30/2025/QĐ-UBND' },
  ],
};
// a resolution for one year: its term ends it (no document)
const yearly: DocDates = { signedOn: '2022-12-09', effectiveOn: '2023-01-01', expiredOn: '2024-01-01', endings: [] };
// in force since signing, never ended
const plain: DocDates = { signedOn: '2023-06-20', effectiveOn: '2023-06-20', expiredOn: null, endings: [] };
// a whole ending recorded without an expiry date of its own; two parts
const parts: DocDates = {
  signedOn: '2022-03-01',
  effectiveOn: '2022-03-15',
  expiredOn: null,
  endings: [
    { scope: 'part', from: '2023-01-01', bySymbol: 'A' },
    { scope: 'part', from: '2024-01-01', bySymbol: 'B' },
    { scope: 'whole', from: '2026-02-01', byLink: 'https://vbpl.vn/x' },
  ],
};

describe('status of a legal document as of a day', () => {
  it.each([
    ['replaced', replaced, '2023-07-19', 'not_issued', null, null],
    ['replaced', replaced, '2023-07-20', 'not_yet_effective', '2023-07-20', null],
    ['replaced', replaced, '2023-07-31', 'not_yet_effective', '2023-07-20', null],
    ['replaced', replaced, '2023-08-01', 'in_force', '2023-08-01', null],
    ['replaced', replaced, '2024-04-30', 'in_force', '2023-08-01', null],
    ['replaced', replaced, '2024-05-01', 'partly_expired', '2024-05-01', '12/2024/QĐ-UBND'],
    ['replaced', replaced, '2025-08-31', 'partly_expired', '2024-05-01', '12/2024/QĐ-UBND'],
    ['replaced', replaced, '2025-09-01', 'expired', '2025-09-01', '30/2025/QĐ-UBND'],
    ['replaced', replaced, '2030-01-01', 'expired', '2025-09-01', '30/2025/QĐ-UBND'],
    ['yearly', yearly, '2023-12-31', 'in_force', '2023-01-01', null],
    ['yearly', yearly, '2024-01-01', 'expired', '2024-01-01', null],
    ['plain', plain, '2023-06-20', 'in_force', '2023-06-20', null],
    ['plain', plain, '2099-12-31', 'in_force', '2023-06-20', null],
    ['parts', parts, '2023-06-01', 'partly_expired', '2023-01-01', 'A'],
    ['parts', parts, '2024-06-01', 'partly_expired', '2024-01-01', 'B'],
    ['parts', parts, '2026-02-01', 'expired', '2026-02-01', null],
  ])('%s on %s → %s since %s (by %s)', (_n, doc, day, status, since, by) => {
    const s = statusAsOf(doc, day);
    expect(s.status).toBe(status);
    expect(s.since).toBe(since);
    expect(s.ending?.bySymbol ?? null).toBe(by);
  });
  it('a whole ending by a link names the link', () => expect(statusAsOf(parts, '2026-03-01').ending?.byLink).toBe('https://vbpl.vn/x'));

  it.each([
    ['in order', plain, []],
    ['effect before signing', { ...plain, effectiveOn: '2023-06-19' }, ['effectiveOn']],
    ['expiry on the effective day', { ...plain, expiredOn: '2023-06-20' }, ['expiredOn']],
    ['part before effect', { ...plain, endings: [{ scope: 'part' as const, from: '2023-06-01' }] }, ['endings']],
    ['part after the whole expiry', { ...yearly, endings: [{ scope: 'part' as const, from: '2024-02-01' }] }, ['endings']],
    ['not a date', { ...plain, expiredOn: '2023-02-30' }, ['expiredOn']],
  ])('dates %s → %j', (_n, doc, fields) => expect(checkDates(doc).map((p) => p.field)).toEqual(fields));

  it.each([
    ['in_force' as const, plain, '2024-01-01', false],
    ['in_force' as const, yearly, '2024-06-01', true],
    ['expired' as const, yearly, '2024-06-01', false],
    ['expired' as const, yearly, '2023-06-01', true],
    ['in_force' as const, { ...plain, effectiveOn: '2023-07-01' }, '2023-06-25', false], // not yet in force: it will be
    ['partly_expired' as const, replaced, '2024-06-01', false],
    ['partly_expired' as const, replaced, '2024-01-01', true],
  ])('declared %s for %j on %s → problem %s', (declared, doc, today, problem) => expect(declaredProblem(declared, doc, today) !== null).toBe(problem));
});
