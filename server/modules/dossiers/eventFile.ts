/**
 * The columns of a file of dossier events (the import screen, the bulk import and its CLI): the fixed ones
 * in order, then optional Decision 766 fact columns by header name. One row becomes one IncomingEvent, or a
 * row error in Vietnamese.
 */
import { fold } from '../../../domain/text/normalize.js';
import type { IncomingEvent } from './ingest.js';

export const FILE_COLUMNS = ['sourceSystem', 'dossierCode', 'procedureCode', 'unitCode', 'kind', 'at', 'channel', 'appointment'] as const;
/** optional columns after the fixed ones (Decision 766 facts), by header name; empty: not reported */
export const FACT_COLUMNS = ['syncedToPortal', 'paidOnline', 'electronicResult', 'digitised', 'reusedData'] as const;
const TRUE = new Set(['true', '1', 'co', 'x', 'yes']);
const FALSE = new Set(['false', '0', 'khong', 'no']);

export interface EventColumns {
  optional: { c: (typeof FACT_COLUMNS)[number]; at: number }[];
}

/** The header row's layout, or null when the fixed columns are not the first ones in order. */
export function eventColumns(headerCells: string[]): EventColumns | null {
  const header = headerCells.map((c) => fold(c).replace(/[\s_]/g, ''));
  if (!FILE_COLUMNS.every((c, i) => header[i] === c.toLowerCase())) return null;
  return { optional: FACT_COLUMNS.map((c) => ({ c, at: header.indexOf(c.toLowerCase()) })).filter((x) => x.at >= FILE_COLUMNS.length) };
}

/** One data row as an event (empty cells: absent), or the message of its first bad 766 cell. */
export function eventOfRow(cols: EventColumns, r: string[]): { event: IncomingEvent } | { message: string } {
  const e = {} as Record<string, unknown>;
  for (let i = 0; i < FILE_COLUMNS.length; i++) e[FILE_COLUMNS[i]] = (r[i] ?? '').trim() || null;
  for (const { c, at } of cols.optional) {
    const v = fold((r[at] ?? '').trim());
    if (v === '') continue;
    if (TRUE.has(v)) e[c] = true;
    else if (FALSE.has(v)) e[c] = false;
    else return { message: `Cột ${c}: "${r[at]}" phải là có/không (true/false, 1/0).` };
  }
  return { event: e as unknown as IncomingEvent };
}

export const isBlankRow = (r: string[]) => !r.some((c) => c.trim());
