/**
 * Report blocks: each module registers the part of the periodic report it knows — its figures for a unit's
 * scope and window, the sentences a section starts with (each with the link to its records), and its
 * appendix table. The report module composes them by the template; adding a module adds a block.
 */
import type { Db } from '../../db/client.js';
import type { Cell } from '../documents/decree30.js';
import type { PeriodWindow } from '../indicators/window.js';
import type { Scope } from '../org/scope.js';

export interface BlockContext {
  db: Db;
  scope: Scope;
  w: PeriodWindow;
  /** the report is the province's (its own plan, HĐND/UBND documents…) */
  province: boolean;
  now: Date;
}

export interface BlockLine {
  text: string;
  /** the page listing the records behind the sentence */
  link?: string | null;
}

export interface BlockAppendix {
  title: string;
  headers: string[];
  rows: Cell[][];
  widths?: number[];
}

export interface BlockResult {
  figures: Record<string, unknown>;
  lines: BlockLine[];
  appendix?: BlockAppendix | null;
}

export interface ReportBlock {
  key: string;
  title: string;
  compute(ctx: BlockContext): Promise<BlockResult>;
}

const blocks = new Map<string, ReportBlock>();

export function registerReportBlock(b: ReportBlock) {
  if (blocks.has(b.key)) throw new Error(`report block ${b.key} registered twice`);
  blocks.set(b.key, b);
}

export const reportBlock = (key: string) => blocks.get(key);
export const reportBlockKeys = () => new Set(blocks.keys());
