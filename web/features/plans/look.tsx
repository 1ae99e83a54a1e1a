/**
 * How the plans screens show states, periods and budgets — defined once: the colour of a status is the
 * same in its badge, the status chart and the timeline.
 */
import { Badge, type BadgeProps, Box, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import type { Report, TaskStatus } from './types';

export const TASK_STATUS_LIST: TaskStatus[] = ['not_started', 'in_progress', 'done', 'not_applicable'];

/** One colour per task status (and for "overdue"), for badges and charts alike. */
export const STATUS_COLOR: Record<TaskStatus, string> = {
  not_started: '#868e96',
  in_progress: '#1c7ed6',
  done: '#2f9e44',
  not_applicable: '#7048e8',
};
export const OVERDUE_COLOR = '#e03131';

export type ReportStateOrNone = Report['state'] | 'none';
export const REPORT_STATE_COLOR: Record<ReportStateOrNone, string> = {
  none: '#adb5bd',
  draft: '#868e96',
  submitted: '#1c7ed6',
  returned: '#e8590c',
  accepted: '#2f9e44',
};

/** A badge that sizes to its words and wraps them when its cell is narrow: never "ĐANG THỰ…". */
export function PlanBadge({ children, ...props }: BadgeProps & { children: ReactNode; title?: string } & { [data: `data-${string}`]: string | undefined }) {
  return (
    <Badge
      size="sm"
      variant="light"
      {...props}
      styles={{
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', overflow: 'visible', flexShrink: 0, paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
      }}
    >
      {children}
    </Badge>
  );
}

export function StatusBadge({ status, overdue }: { status: TaskStatus; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <Group gap={4}>
      <PlanBadge color={STATUS_COLOR[status]} data-testid="status-badge" data-status={status}>
        {t(`status.${status}`)}
      </PlanBadge>
      {overdue && (
        <PlanBadge variant="filled" color={OVERDUE_COLOR} data-testid="overdue-badge">
          {t('overdue')}
        </PlanBadge>
      )}
    </Group>
  );
}

/** The state of a unit's report for a quarter, "Chưa báo cáo" when it has none. */
export function ReportStateBadge({ state, testId = 'report-state' }: { state: Report['state'] | null; testId?: string }) {
  const { t } = useI18n();
  const s: ReportStateOrNone = state ?? 'none';
  return (
    <PlanBadge color={REPORT_STATE_COLOR[s]} variant={s === 'none' ? 'outline' : 'light'} data-testid={testId} data-state={s}>
      {t(`state.${s}`)}
    </PlanBadge>
  );
}

/** A small square in a status colour (timeline cells, legends). */
export function Swatch({ color, w = 14, h = 14 }: { color: string; w?: number | string; h?: number }) {
  return <Box w={w} h={h} style={{ background: color, opacity: 0.55, borderRadius: 3, flexShrink: 0 }} />;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "2026-Q3" → "Quý III/2026". */
export function periodLabel(period: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? `Quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}` : period;
}

/** The quarter of a day, "2026-Q3". */
export function periodOfDay(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Million VND in vi-VN with its decimals (kept to thousandths of a million): "12,5", "1.450", "0,005". */
export function formatBudget(million: number | null | undefined): string {
  if (million === null || million === undefined) return '';
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }).format(million);
}
