/**
 * Legal normative documents of a province (văn bản quy phạm pháp luật, VBQPPL): resolutions (nghị quyết)
 * of the People's Council (HĐND) and decisions (quyết định) of the People's Committee (UBND), of the
 * province and, before 1/7/2025, of the districts. Their number and symbol (số, ký hiệu) reads
 * "15/2023/NQ-HĐND": a number, the year of issue, the kind and the issuing body; this file reads it, and
 * the issuing body's name ("HĐND tỉnh Long An", "UBND huyện Bến Lức"), and says when they contradict.
 */
import { fold, nfc } from '../text/normalize.js';

export type LegalDocKind = 'resolution' | 'decision';
/** council: Hội đồng nhân dân (HĐND); committee: Ủy ban nhân dân (UBND) */
export type IssuerKind = 'council' | 'committee';

export const LEGAL_DOC_KINDS: readonly LegalDocKind[] = ['resolution', 'decision'];

/** The kind each body issues as a legal normative document: HĐND → nghị quyết, UBND → quyết định. */
export const KIND_OF_ISSUER: Record<IssuerKind, LegalDocKind> = { council: 'resolution', committee: 'decision' };

export const KIND_VI: Record<LegalDocKind, string> = { resolution: 'Nghị quyết', decision: 'Quyết định' };
export const ISSUER_VI: Record<IssuerKind, string> = { council: 'HĐND', committee: 'UBND' };

export interface ParsedSymbol {
  /** the number as an integer (05 → 5) */
  number: number;
  year: number;
  kind: LegalDocKind;
  issuerKind: IssuerKind;
  /** the symbol as it is written officially: the number's digits as given, "NQ-HĐND" / "QĐ-UBND" */
  symbol: string;
  /** for uniqueness and look-up: "5/2023/nq-hdnd" */
  key: string;
}

const SYMBOL = /^(?:so\s*:?\s*)?(\d{1,4})\s*\/\s*(\d{4})\s*\/\s*(nq|qd)\s*[-–—]\s*(hdnd|ubnd)$/;

/** "15/2023/NQ-HĐND", also without diacritics, in lower case, with spaces or a leading "Số". */
export function parseSymbol(text: string): ParsedSymbol | null {
  const m = SYMBOL.exec(fold(text));
  if (!m) return null;
  const number = Number(m[1]);
  const year = Number(m[2]);
  if (number === 0 || year < 1990 || year > 2100) return null;
  const symbolKind: LegalDocKind = m[3] === 'nq' ? 'resolution' : 'decision';
  const issuerKind: IssuerKind = m[4] === 'hdnd' ? 'council' : 'committee';
  const symbol = `${m[1]}/${year}/${symbolKind === 'resolution' ? 'NQ' : 'QĐ'}-${issuerKind === 'council' ? 'HĐND' : 'UBND'}`;
  return { number, year, kind: symbolKind, issuerKind, symbol, key: symbolKey(number, year, symbolKind, issuerKind) };
}

export function symbolKey(number: number, year: number, kind: LegalDocKind, issuerKind: IssuerKind): string {
  return `${number}/${year}/${kind === 'resolution' ? 'nq' : 'qd'}-${issuerKind === 'council' ? 'hdnd' : 'ubnd'}`;
}

/** "Nghị quyết", "NQ", "nghi quyet", "resolution" → resolution; "Quyết định", "QĐ", "decision" → decision. */
export function parseKind(text: string): LegalDocKind | null {
  const s = fold(text);
  if (/^(nghi quyet|nq|resolution)$/.test(s)) return 'resolution';
  if (/^(quyet dinh|qd|decision)$/.test(s)) return 'decision';
  return null;
}

export interface ParsedIssuer {
  kind: IssuerKind;
  /** what follows the body, folded, abbreviations spelt out: "tinh long an", "huyen ben luc", "tinh" */
  place: string;
}

const PLACE_ABBREVIATIONS: [RegExp, string][] = [
  [/^tp\.?\s*/, 'thanh pho '],
  [/^tx\.?\s*/, 'thi xa '],
  [/^h\.\s*/, 'huyen '],
];

/** "HĐND tỉnh Long An", "Hội đồng nhân dân tỉnh", "UBND TP Tân An", "Ủy ban nhân dân huyện Bến Lức". */
export function parseIssuer(text: string): ParsedIssuer | null {
  const s = fold(text).replace(/[.,;]+$/, '');
  const m = /^(hdnd|hoi dong nhan dan|ubnd|uy ban nhan dan|uyban nhan dan)\b\s*(.*)$/.exec(s);
  if (!m) return null;
  let place = m[2].trim();
  for (const [re, full] of PLACE_ABBREVIATIONS) place = place.replace(re, full);
  return { kind: m[1] === 'hdnd' || m[1] === 'hoi dong nhan dan' ? 'council' : 'committee', place: place.trim() };
}

/** A unit's name as the place of a body: "Tỉnh Tây Ninh (trước 01/7/2025)" → "tinh tay ninh". */
export function placeOfUnitName(name: string): string {
  let place = fold(name.replace(/\([^)]*\)/g, ' '));
  for (const [re, full] of PLACE_ABBREVIATIONS) place = place.replace(re, full);
  return place.trim();
}

/** The body's name from its unit's name: ("council", "Tỉnh Long An") → "HĐND tỉnh Long An". */
export function issuerName(kind: IssuerKind, unitName: string): string {
  const n = nfc(unitName.replace(/\([^)]*\)/g, ' '));
  return `${ISSUER_VI[kind]} ${n.charAt(0).toLocaleLowerCase('vi') + n.slice(1)}`;
}

export interface SymbolProblem {
  code: 'SYMBOL_UNREADABLE' | 'SYMBOL_KIND' | 'SYMBOL_ISSUER' | 'ISSUER_UNREADABLE' | 'ISSUER_MISMATCH' | 'SYMBOL_YEAR';
  vi: string;
  en: string;
}

/**
 * The symbol checked against what else is known of the document: its kind, its issuing body (name), the
 * year it was signed. A resolution is the People's Council's and a decision the People's Committee's; the
 * year in the symbol is the year of signing.
 */
export function checkSymbol(
  text: string,
  given: { kind?: LegalDocKind | null; issuerText?: string | null; signedOn?: string | null } = {},
): { parsed: ParsedSymbol; issuer: ParsedIssuer | null; problems: SymbolProblem[] } | { parsed: null; issuer: null; problems: SymbolProblem[] } {
  const parsed = parseSymbol(text);
  if (!parsed) {
    return {
      parsed: null,
      issuer: null,
      problems: [{ code: 'SYMBOL_UNREADABLE', vi: `Số, ký hiệu "${text}" không đúng dạng (ví dụ: 15/2023/NQ-HĐND, 20/2023/QĐ-UBND).`, en: `The number and symbol "${text}" is not of the form 15/2023/NQ-HĐND or 20/2023/QĐ-UBND.` }],
    };
  }
  const problems: SymbolProblem[] = [];
  if (KIND_OF_ISSUER[parsed.issuerKind] !== parsed.kind) {
    problems.push({
      code: 'SYMBOL_ISSUER',
      vi: `Số, ký hiệu ${parsed.symbol} không hợp lệ: HĐND ban hành nghị quyết (NQ-HĐND), UBND ban hành quyết định (QĐ-UBND).`,
      en: `${parsed.symbol} is not valid: a People's Council issues resolutions (NQ-HĐND), a People's Committee decisions (QĐ-UBND).`,
    });
  }
  if (given.kind && given.kind !== parsed.kind) {
    problems.push({
      code: 'SYMBOL_KIND',
      vi: `Số, ký hiệu ${parsed.symbol} là của một ${KIND_VI[parsed.kind].toLowerCase()}, không phải ${KIND_VI[given.kind].toLowerCase()}.`,
      en: `${parsed.symbol} is the symbol of a ${parsed.kind}, not of a ${given.kind}.`,
    });
  }
  let issuer: ParsedIssuer | null = null;
  if (given.issuerText) {
    issuer = parseIssuer(given.issuerText);
    if (!issuer) {
      problems.push({
        code: 'ISSUER_UNREADABLE',
        vi: `Cơ quan ban hành "${given.issuerText}" phải là HĐND hoặc UBND (ví dụ: HĐND tỉnh Long An, UBND huyện Bến Lức).`,
        en: `The issuing body "${given.issuerText}" must be a People's Council (HĐND) or Committee (UBND).`,
      });
    } else if (issuer.kind !== parsed.issuerKind) {
      problems.push({
        code: 'ISSUER_MISMATCH',
        vi: `Số, ký hiệu ${parsed.symbol} là của ${ISSUER_VI[parsed.issuerKind]}, nhưng cơ quan ban hành ghi "${given.issuerText}".`,
        en: `${parsed.symbol} is issued by the ${ISSUER_VI[parsed.issuerKind]}, but the issuing body reads "${given.issuerText}".`,
      });
    }
  }
  if (given.signedOn && Number(given.signedOn.slice(0, 4)) !== parsed.year) {
    problems.push({
      code: 'SYMBOL_YEAR',
      vi: `Năm trong số, ký hiệu (${parsed.year}) khác năm ký ban hành (${given.signedOn.slice(0, 4)}).`,
      en: `The year in the symbol (${parsed.year}) differs from the year of signing (${given.signedOn.slice(0, 4)}).`,
    });
  }
  return { parsed, issuer, problems };
}
