import { describe, expect, it } from 'vitest';
import { fold, nfc } from './normalize.js';

describe('fold', () => {
  it.each([
    ['Sở Tư pháp', 'so tu phap'],
    ['  SỞ   TƯ PHÁP ', 'so tu phap'],
    ['Đức Hòa', 'duc hoa'],
    ['Đức Hoà', 'duc hoa'], // old-style tone placement
    ['Thủ Thừa', 'thu thua'],
    ['Huyện Cần Giuộc', 'huyen can giuoc'],
    ['Kiến Tường', 'kien tuong'],
  ])('%s → %s', (a, b) => expect(fold(a)).toBe(b));

  it('nfc composes decomposed input', () => {
    const decomposed = 'Sở Nội vụ'.normalize('NFD');
    expect(decomposed).not.toBe('Sở Nội vụ');
    expect(nfc(decomposed)).toBe('Sở Nội vụ');
  });
});
