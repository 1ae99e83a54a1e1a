/**
 * Legal documents and the organisation: the unit of an issuing body ("HĐND tỉnh Long An" → the province of
 * Long An alive on the signing day), the unit of the lead department, the issuing scope of a report (a unit
 * and the units it came from), and which of several documents with one symbol ended a given document.
 */
import { aliveOn, type IsoDate } from '../../../domain/org/dates.js';
import { lineage, type OrgHistory, unitsAsOf, type UnitAsOf } from '../../../domain/org/history.js';
import { AgencyResolver } from '../../../domain/plans/agencies.js';
import { vnDate } from '../../../domain/legalDocs/cells.js';
import { placeOfUnitName } from '../../../domain/legalDocs/symbol.js';

const ISSUING_TYPES = new Set(['province', 'district']);

/** The unit's name on a day, else the last name it had. */
export function nameOn(h: OrgHistory, unitId: number, date: IsoDate): string {
  const names = h.names.filter((n) => n.unitId === unitId);
  return (names.find((n) => aliveOn(n, date)) ?? names.sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0])?.name ?? `#${unitId}`;
}

export type IssuerResolution = { unitId: number } | { unitId: null; warning: string } | { unitId: null; error: string };

/** The province or district whose HĐND / UBND is named by `place` ("tinh long an"), on the signing day. */
export function resolveIssuerUnit(h: OrgHistory, place: string, issuerText: string, signedOn: IsoDate): IssuerResolution {
  const alive = unitsAsOf(h, signedOn).filter((u) => ISSUING_TYPES.has(u.type));
  const bare = place === 'tinh' || place === 'thanh pho' || place === '';
  const hits = bare ? (place === 'tinh' ? alive.filter((u) => u.type === 'province') : []) : alive.filter((u) => placeOfUnitName(u.name) === place);
  if (hits.length === 1) return { unitId: hits[0].id };
  if (hits.length > 1) return { unitId: null, warning: `"${issuerText}" ứng với nhiều đơn vị (${hits.map((u) => u.name).join(', ')}); hãy ghi rõ tên tỉnh, huyện.` };
  if (!bare) {
    // a body of a unit that was not alive that day: a district after 30/6/2025, a province before it existed
    const ever = h.units.filter((u) => ISSUING_TYPES.has(u.type) && h.names.some((n) => n.unitId === u.id && placeOfUnitName(n.name) === place));
    if (ever.length) {
      const u = ever[0];
      const when = u.validTo && u.validTo < signedOn ? `đã kết thúc hoạt động từ ngày ${vnDate(u.validTo)}` : `chỉ hoạt động từ ngày ${vnDate(u.validFrom)}`;
      return { unitId: null, error: `${issuerText} không thể ban hành văn bản ngày ${vnDate(signedOn)}: ${nameOn(h, u.id, signedOn)} ${when}.` };
    }
  }
  return { unitId: null, warning: `Không xác định được đơn vị của cơ quan ban hành "${issuerText}"; văn bản vẫn được lưu nhưng không được tính vào số liệu của đơn vị nào.` };
}

/** The units below `rootId` on a day (itself included). */
function subtree(units: UnitAsOf[], rootId: number): UnitAsOf[] {
  const below = new Map<number, UnitAsOf[]>();
  for (const u of units) if (u.parentId !== null) below.set(u.parentId, [...(below.get(u.parentId) ?? []), u]);
  const out: UnitAsOf[] = [];
  const stack = units.filter((u) => u.id === rootId);
  while (stack.length) {
    const u = stack.pop()!;
    out.push(u);
    stack.push(...(below.get(u.id) ?? []));
  }
  return out;
}

export type LeadResolution = { unitId: number | null; warning?: string };

/** The lead department named in `text`, among the issuing unit's units on the signing day. */
export function resolveLeadUnit(h: OrgHistory, text: string, issuerUnitId: number | null, signedOn: IsoDate): LeadResolution {
  if (!text.trim()) return { unitId: null };
  const all = unitsAsOf(h, signedOn);
  const units = issuerUnitId !== null ? subtree(all, issuerUnitId) : all;
  const r = new AgencyResolver(units.map((u) => ({ id: u.id, name: u.name, type: u.type })));
  const ids = r.resolve(text).unitIds;
  if (ids.length === 1) return { unitId: ids[0] };
  return { unitId: null, warning: `Không xác định được cơ quan chủ trì "${text}" trong các đơn vị của cơ quan ban hành ngày ${vnDate(signedOn)}; lưu theo tên đã ghi.` };
}

/** The unit and the units it came from (transitively): whose documents a unit's register counts. */
export function issuingScope(h: OrgHistory, unitId: number): number[] {
  return [unitId, ...lineage(h, unitId).cameFrom.map((s) => s.unitId)].sort((a, b) => a - b);
}

/** True when `ancestorId` was ever a parent (transitively) of `unitId`. */
function everBelow(h: OrgHistory, unitId: number, ancestorId: number): boolean {
  const seen = new Set<number>();
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const p of h.parents) {
      if (p.unitId !== id) continue;
      if (p.parentId === ancestorId) return true;
      stack.push(p.parentId);
    }
  }
  return false;
}

export interface Candidate {
  id: number;
  issuerUnitId: number | null;
}

/**
 * Of the documents that carry the symbol that ended a document issued by `endedIssuer`, the one meant: the
 * same issuer's, else one of a unit it went into (Tây Ninh ending a document of Long An), else one of a unit
 * above it (the province ending a district's); the only candidate when there is one; else none.
 */
export function pickEndingDocument(h: OrgHistory | null, candidates: Candidate[], endedIssuer: number | null, selfId?: number): number | null {
  const cs = candidates.filter((c) => c.id !== selfId);
  if (cs.length <= 1) return cs[0]?.id ?? null;
  if (endedIssuer === null || !h) return null;
  const same = cs.filter((c) => c.issuerUnitId === endedIssuer);
  if (same.length === 1) return same[0].id;
  const successors = new Set(lineage(h, endedIssuer).wentInto.map((s) => s.unitId));
  const later = cs.filter((c) => c.issuerUnitId !== null && successors.has(c.issuerUnitId));
  if (later.length === 1) return later[0].id;
  const above = cs.filter((c) => c.issuerUnitId !== null && everBelow(h, endedIssuer, c.issuerUnitId));
  if (above.length === 1) return above[0].id;
  return null;
}
