/**
 * Reads the "cơ quan chủ trì / phối hợp" cells of a plan into units and groups of units.
 *
 * The cell is scanned left to right for the longest known phrase: a group ("các sở, ban, ngành tỉnh",
 * "UBND cấp huyện"), a unit name or a remembered alias, compared without case, diacritics or spacing,
 * with common abbreviations spelled out ("Khoa học và CN", "Đài PTTH"). What is left between
 * separators is matched to the nearest unit name when it differs by a small typo ("Sở Khoa học học và
 * Công nghệ"), else reported as unresolved with suggestions, for the user to map once.
 */
import type { UnitType } from '../org/history.js';
import { fold } from '../text/normalize.js';

export const AGENCY_GROUPS = {
  departments: { types: ['department'] as UnitType[], vi: 'Các sở, ban, ngành tỉnh' },
  districts: { types: ['district'] as UnitType[], vi: 'UBND cấp huyện' },
  communes: { types: ['commune'] as UnitType[], vi: 'UBND cấp xã' },
  central_agencies: { types: ['central_agency'] as UnitType[], vi: 'Các cơ quan ngành dọc' },
  public_service: { types: ['public_service'] as UnitType[], vi: 'Các đơn vị sự nghiệp công lập' },
  admin_agencies: { types: ['department', 'district'] as UnitType[], vi: 'Các cơ quan hành chính nhà nước' },
  local_governments: { types: ['district', 'commune'] as UnitType[], vi: 'UBND các cấp' },
  related: { types: [] as UnitType[], vi: 'Các cơ quan, đơn vị liên quan' },
} as const;
export type AgencyGroup = keyof typeof AGENCY_GROUPS;

/** Group phrases, folded. Order matters only for readability: the longest match wins. */
const GROUP_PATTERNS: [RegExp, AgencyGroup][] = [
  [/(?:cac\s+)?so\s*,?\s*(?:ban\s*,?\s*)?nganh\s+(?:tinh\s+)?(?:co\s+)?lien quan/y, 'related'],
  [/(?:cac\s+)?so\s*,?\s*(?:ban\s*,?\s*)?nganh(?:\s+tinh)?\s+duoc giao[a-z\s]*/y, 'related'],
  [/(?:cac\s+)?so\s*,?\s*(?:ban\s*,?\s*)?nganh(?:\s+tinh)?/y, 'departments'],
  [/(?:cac\s+)?co quan\s*,?\s*(?:don vi\s+)?(?:co\s+)?lien quan|(?:cac\s+)?co quan\s*,?\s*don vi(?:\s+duoc chon)?|cac co quan co lien quan/y, 'related'],
  [/(?:cac\s+)?co quan nganh doc(?:\s+(?:cua\s+)?(?:trung uong|tw))?(?:\s+dong tren dia ban(?:\s+tinh)?)?/y, 'central_agencies'],
  [/(?:cac\s+)?(?:co quan hcnn|co quan hanh chinh nha nuoc)/y, 'admin_agencies'],
  [/(?:cac\s+)?don vi su nghiep cong lap/y, 'public_service'],
  [/ubnd\s+cac\s+cap/y, 'local_governments'],
  [/(?:ubnd\s+)?(?:cac\s+)?huyen\s*,\s*thi xa\s*,\s*thanh pho(?:\s+thuoc tinh)?/y, 'districts'],
  [/(?:ubnd\s+)?cap\s+huyen/y, 'districts'],
  [/(?:ubnd\s+)?cap\s+xa/y, 'communes'],
];

/** Abbreviations in plan tables, folded, spelled out before matching. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bptth\b/g, 'phat thanh va truyen hinh'],
  [/\bphat thanh\s*-\s*truyen hinh\b/g, 'phat thanh va truyen hinh'],
  [/\bkh\s*(?:&|va)\s*cn\b|\bkhcn\b/g, 'khoa hoc va cong nghe'],
  [/\bkhoa hoc va cn\b/g, 'khoa hoc va cong nghe'],
  [/\bkh\s*(?:&|va)\s*dt\b|\bkhdt\b/g, 'ke hoach va dau tu'],
  [/\btt\s*(?:&|va)\s*tt\b|\btttt\b/g, 'thong tin va truyen thong'],
  [/\bgd\s*(?:&|va)\s*dt\b|\bgddt\b/g, 'giao duc va dao tao'],
  [/\btn\s*(?:&|va)\s*mt\b|\btnmt\b/g, 'tai nguyen va moi truong'],
  [/\bnn\s*(?:&|va)\s*ptnt\b|\bnnptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bgtvt\b/g, 'giao thong van tai'],
  [/\bld\s*-?\s*tb\s*(?:&|va)\s*xh\b|\bldtbxh\b/g, 'lao dong - thuong binh va xa hoi'],
  [/\bvh\s*,?\s*tt\s*(?:&|va)\s*dl\b|\bvhttdl\b/g, 'van hoa, the thao va du lich'],
  [/\bvp\b/g, 'van phong'],
  [/\bdbqh\b/g, 'doan dai bieu quoc hoi'],
];

function normalise(text: string): string {
  return Folded.of(text).s;
}

/**
 * A cell folded for matching (no case, no diacritics, abbreviations spelled out, single spaces) that
 * remembers where each of its characters came from, so that a piece of it can be shown as written.
 */
class Folded {
  private constructor(
    readonly original: string,
    readonly s: string,
    /** for each character of `s`: where its source starts and ends in `original` */
    private readonly from: number[],
    private readonly to: number[],
  ) {}

  static of(text: string): Folded {
    const original = text.normalize('NFC');
    let s = '';
    const from: number[] = [];
    const to: number[] = [];
    for (let i = 0; i < original.length; i++) {
      const f = /\s/.test(original[i]) ? ' ' : fold(original[i]);
      for (const c of f) {
        s += c;
        from.push(i);
        to.push(i + 1);
      }
    }
    let out = new Folded(original, s, from, to);
    for (const [re, full] of ABBREVIATIONS) out = out.replace(re, () => full);
    return out.replace(/\s+/g, () => ' ').trim();
  }

  /**
   * Replaces every match of `re` (global). The replacement stands for the whole match, or — `after` —
   * for nothing written (an insertion, shown as the text that follows).
   */
  replace(re: RegExp, rep: (m: RegExpExecArray) => string, after = false): Folded {
    let s = '';
    const from: number[] = [];
    const to: number[] = [];
    let last = 0;
    const keep = (a: number, b: number) => {
      s += this.s.slice(a, b);
      from.push(...this.from.slice(a, b));
      to.push(...this.to.slice(a, b));
    };
    for (const m of this.s.matchAll(re)) {
      const [a, b] = [m.index, m.index + m[0].length];
      keep(last, a);
      const r = rep(m as RegExpExecArray);
      const start = after ? (b > 0 ? this.to[b - 1] : 0) : this.from[a] ?? this.original.length;
      const end = after ? start : b > a ? this.to[b - 1] : start;
      s += r;
      for (let k = 0; k < r.length; k++) {
        from.push(start);
        to.push(end);
      }
      last = b;
    }
    keep(last, this.s.length);
    return new Folded(this.original, s, from, to);
  }

  trim(): Folded {
    const a = this.s.length - this.s.trimStart().length;
    const b = this.s.trimEnd().length;
    return new Folded(this.original, this.s.slice(a, b), this.from.slice(a, b), this.to.slice(a, b));
  }

  /** The text as written that `s.slice(a, b)` came from. */
  written(a: number, b: number): string {
    if (b <= a) return '';
    const start = Math.min(...this.from.slice(a, b));
    const end = Math.max(...this.to.slice(a, b));
    return this.original.slice(start, end).replace(/\s+/g, ' ').trim();
  }
}

export interface AgencyUnit {
  id: number;
  name: string;
  type: UnitType;
}

export interface AgencyAlias {
  text: string;
  /** the unit the alias stands for, or null for a body outside the system (kept as text) */
  unitId: number | null;
}

export interface AgencyMatch {
  /** the words of the cell, as written */
  text: string;
  how: 'exact' | 'alias' | 'fuzzy' | 'group' | 'external';
  unitId?: number;
  group?: AgencyGroup;
}

export interface Unresolved {
  /** the name as written in the cell */
  text: string;
  /** the name folded: the same name written another way has the same key */
  key: string;
  suggestions: { id: number; name: string }[];
}

export interface ResolvedAgencies {
  unitIds: number[];
  groups: AgencyGroup[];
  /** names kept as text (as written): bodies outside the system mapped once by the user */
  external: string[];
  matches: AgencyMatch[];
  unresolved: Unresolved[];
}

interface Phrase {
  key: string;
  unitId: number | null;
  how: 'exact' | 'alias';
}

/** Prepared once per import: the phrases to look for. */
export class AgencyResolver {
  private readonly phrases: Phrase[];

  constructor(
    private readonly units: AgencyUnit[],
    aliases: AgencyAlias[] = [],
  ) {
    const phrases: Phrase[] = [];
    for (const u of units) {
      const key = normalise(u.name);
      phrases.push({ key, unitId: u.id, how: 'exact' });
      // "Sở Nội vụ tỉnh Long An" is also found as "Sở Nội vụ"
      const short = key.replace(/\s+(?:tinh|thanh pho)\s+[\w\s]+$/, '');
      if (short !== key) phrases.push({ key: short, unitId: u.id, how: 'exact' });
    }
    for (const a of aliases) phrases.push({ key: normalise(a.text), unitId: a.unitId, how: 'alias' });
    this.phrases = phrases.filter((p) => p.key.length > 0).sort((a, b) => b.key.length - a.key.length);
  }

  /** The units a set of groups stands for, among the units this resolver knows (those alive at the time). */
  groupUnits(groups: AgencyGroup[]): number[] {
    return expandGroups(groups, this.units);
  }

  resolve(text: string): ResolvedAgencies {
    const out: ResolvedAgencies = { unitIds: [], groups: [], external: [], matches: [], unresolved: [] };
    // "Các sở: Tư pháp, Tài chính" → "sở tư pháp, sở tài chính"
    const cell = Folded.of(text)
      .replace(/(?<=\bcac so\s*:[^;]*?)\s*,\s*(?!so )/g, () => ', so ', true)
      .replace(/\bcac so\s*:\s*(?!so )/g, () => 'so ', true)
      .replace(/\bcac so\s*:\s*/g, () => '')
      .replace(/\s+/g, () => ' ')
      .trim();
    const s = cell.s;
    const pending: [number, number][] = [];
    let chunkStart = 0;
    const flush = (end: number) => {
      pending.push(...pieces(s, chunkStart, end));
    };
    let at = 0;
    while (at < s.length) {
      const atWordStart = at === 0 || /[\s,;.:(\-]/.test(s[at - 1]);
      const hit = atWordStart ? this.matchAt(s, at) : null;
      if (hit) {
        flush(at);
        this.add(out, { ...hit.match, text: cell.written(at, hit.end) });
        at = hit.end;
        chunkStart = at;
      } else at++;
    }
    flush(s.length);
    for (const [a, b] of pending) this.fuzzy(out, s.slice(a, b), cell.written(a, b));
    return out;
  }

  private matchAt(s: string, at: number): { end: number; match: AgencyMatch } | null {
    let best: { end: number; match: AgencyMatch } | null = null;
    for (const [re, group] of GROUP_PATTERNS) {
      re.lastIndex = at;
      const m = re.exec(s);
      if (m && endsAtWord(s, re.lastIndex) && (!best || re.lastIndex > best.end)) best = { end: re.lastIndex, match: { text: m[0], how: 'group', group } };
    }
    for (const p of this.phrases) {
      if (best && at + p.key.length <= best.end) break; // sorted longest first
      if (s.startsWith(p.key, at) && endsAtWord(s, at + p.key.length)) {
        const how = p.unitId === null ? 'external' : p.how;
        best = { end: at + p.key.length, match: { text: p.key, how, unitId: p.unitId ?? undefined } };
        break;
      }
    }
    return best;
  }

  private add(out: ResolvedAgencies, m: AgencyMatch) {
    out.matches.push(m);
    if (m.group && !out.groups.includes(m.group)) out.groups.push(m.group);
    if (m.unitId !== undefined && !out.unitIds.includes(m.unitId)) out.unitIds.push(m.unitId);
    if (m.how === 'external' && !out.external.includes(m.text)) out.external.push(m.text);
  }

  /** A leftover piece: the nearest unit name if it is only a small typo away, else unresolved (as written). */
  private fuzzy(out: ResolvedAgencies, piece: string, written: string) {
    if (!/[a-z]/.test(piece) || /^(?:va|cac|va cac|tinh|cua)$/.test(piece)) return;
    const scored = this.units
      .map((u) => {
        const name = normalise(u.name);
        const d = distance(piece, name);
        return { u, d, ratio: d / Math.max(piece.length, name.length) };
      })
      .sort((a, b) => a.d - b.d);
    const [first, second] = scored;
    if (first && first.ratio <= 0.2 && (!second || second.ratio - first.ratio >= 0.05)) {
      this.add(out, { text: written, how: 'fuzzy', unitId: first.u.id });
      return;
    }
    const suggestions = this.units
      .map((u) => ({ u, sim: bigramSimilarity(piece, normalise(u.name)) }))
      .sort((a, b) => b.sim - a.sim)
      .slice(0, 3)
      .map(({ u }) => ({ id: u.id, name: u.name }));
    out.unresolved.push({ text: written, key: piece, suggestions });
  }
}

/**
 * The pieces of `s.slice(a, b)` between separators (",", ";"), without the punctuation, "và" or "các"
 * around them, as index ranges of `s`.
 */
function pieces(s: string, a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  const trim = (x: number, y: number) => {
    for (;;) {
      const t = s.slice(x, y);
      const lead = /^(?:[\s,;.:\-]+|(?:va|cac)\s+)/.exec(t);
      const tail = /(?:[\s,;.:\-]+|\s+va)$/.exec(t);
      if (lead && lead[0].length > 0) x += lead[0].length;
      else if (tail && tail[0].length > 0) y -= tail[0].length;
      else break;
    }
    if (y > x) out.push([x, y]);
  };
  let x = a;
  for (let i = a; i < b; i++) {
    if (s[i] === ',' || s[i] === ';' || s[i] === '\n') {
      trim(x, i);
      x = i + 1;
    }
  }
  trim(x, b);
  return out;
}

function endsAtWord(s: string, end: number): boolean {
  return end >= s.length || /[\s,;.:)\-]/.test(s[end]);
}

/** Levenshtein distance on characters. */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Dice coefficient of character bigrams: 1 for the same text, 0 for nothing in common. */
export function bigramSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total === 0 ? (a === b ? 1 : 0) : (2 * common) / total;
}

/** The units a set of groups stands for, among the units alive at the time. */
export function expandGroups(groups: AgencyGroup[], units: AgencyUnit[]): number[] {
  const types = new Set(groups.flatMap((g) => AGENCY_GROUPS[g].types));
  return units.filter((u) => types.has(u.type)).map((u) => u.id);
}
