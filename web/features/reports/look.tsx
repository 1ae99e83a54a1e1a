/** How the report screens show a report's state and name its figures (never the raw keys). */
import { Tag } from '../../app/components';
import { useI18n } from '../../app/i18n';
import { vi } from './messages';
import type { ReportState } from './types';

const COLOR: Record<ReportState | 'none', string> = { none: 'gray', draft: 'yellow', submitted: 'blue', returned: 'orange', finalised: 'green' };

/** chưa lập / đang soạn / đã gửi / bị trả lại / đã hoàn thành */
export function ReportStateBadge({ state, testId = 'report-state' }: { state: ReportState | null; testId?: string }) {
  const { t } = useI18n();
  const s = state ?? 'none';
  return (
    <Tag color={COLOR[s]} variant={s === 'none' ? 'outline' : 'light'} data-testid={testId} data-state={s}>
      {t(`rep.state.${s}`)}
    </Tag>
  );
}

/**
 * The summary figures repeat block figures under the names the API documents (`dossiersReceived` is
 * `dossiers.received`): a change shows once, under the block's name.
 */
const MIRRORS = /^(dossiersReceived|dossiersResolved|dossiersOnTimeRate|dossiersOnlineRate|planTasksDone|planTasksTotal|legalDocumentsIssued)(\.|$)/;
export const isMirror = (path: string) => MIRRORS.test(path);

/**
 * A figure's path as people read it: "dossiers.received" → "Hồ sơ tiếp nhận"; a path without its own words
 * is named by its block and its last part, so a block added later still reads as words.
 */
export function figureName(t: (k: string) => string, path: string): string {
  const own = t(`fig.${path}`);
  if (own !== `fig.${path}`) return own;
  const parts = path.split('.');
  const block = t(`fig.${parts[0]}`);
  const leaf = t(`fig.leaf.${parts.at(-1)}`);
  const blockName = block === `fig.${parts[0]}` ? t('rep.otherFigures') : block;
  const middle = parts.slice(1, -1).map((p) => {
    const w = t(`fig.leaf.${p}`);
    return w === `fig.leaf.${p}` ? null : w;
  });
  const leafName = leaf === `fig.leaf.${parts.at(-1)}` ? null : leaf;
  return [blockName, ...middle.filter(Boolean), leafName ?? ''].filter(Boolean).join(' — ');
}

/** Whether a figure is a percentage (its name says so: rates, percents, indices). */
export function isPercentPath(path: string): boolean {
  return /(Rate|percent|index)$/.test(path) || path.endsWith('.rate');
}

const ORDER = Object.keys(vi).filter((k) => k.startsWith('fig.')).map((k) => k.slice(4));

/**
 * The differences as a reader wants them: in the order the report names its figures (dossiers received
 * before the rates), the summary figures that repeat a block's left out, and a figure two blocks both hold
 * (the online rate) shown once.
 */
export function readableDifferences<D extends { path: string; frozen: number | null; now: number | null }>(t: (k: string) => string, rows: D[]): (D & { name: string })[] {
  const rank = (p: string) => {
    const i = ORDER.indexOf(p);
    return i >= 0 ? i : ORDER.length;
  };
  const seen = new Set<string>();
  return rows
    .filter((d) => !isMirror(d.path))
    .sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path))
    .map((d) => ({ ...d, name: figureName(t, d.path) }))
    .filter((d) => {
      const key = `${d.name}|${d.frozen}|${d.now}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
