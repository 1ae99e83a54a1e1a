import { describe, expect, it } from 'vitest';
import { figureDifferences } from './differences.js';

describe('late corrections against a frozen report', () => {
  it.each([
    ['nothing changed', { a: 1, b: { c: 2 } }, { a: 1, b: { c: 2 } }, []],
    ['a number changed', { dossiers: { received: 10 } }, { dossiers: { received: 11 } }, [{ path: 'dossiers.received', frozen: 10, now: 11 }]],
    ['a figure appeared', { x: null }, { x: 5 }, [{ path: 'x', frozen: null, now: 5 }]],
    ['a figure vanished', { x: 5, y: 1 }, { y: 1 }, [{ path: 'x', frozen: 5, now: null }]],
    ['texts and lists are not figures', { t: 'a', l: [1] }, { t: 'b', l: [2] }, []],
  ])('%s', (_n, a, b, d) => expect(figureDifferences(a, b)).toEqual(d));
});
