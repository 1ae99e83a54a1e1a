/** Vietnamese text helpers: NFC input, and a folded form for matching with or without diacritics. */

export function nfc(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Lower-case, no diacritics (đ → d), single spaces: "Sở  Tư Pháp" and "so tu phap" fold alike. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
