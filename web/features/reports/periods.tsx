/**
 * Reporting periods as people name them ("Quý III/2026", "6 tháng đầu năm 2026"), read from the domain's
 * rules (Decree 09/2019/NĐ-CP windows), and the picker the report and indicator screens share: the year, the
 * Ministry's four reports of it (Q1, 6 months, Q3, year) and any other key (9 months, a month).
 */
import { Group, Select, SegmentedControl, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDate, todayVn } from '../../app/format';
import { type Lang, useI18n } from '../../app/i18n';
import { ministryReportKeys, parseReportingPeriod, reportDueDate, reportingLabel } from '../../../domain/periods/reporting';

/** "Quý III/2026" (vi) or "Q3 2026" (en); a key the rules do not know is returned as it is. */
export function periodName(key: string, lang: Lang = 'vi'): string {
  const p = parseReportingPeriod(key);
  return p ? reportingLabel(p, lang) : key;
}

/** The window and the due day of a period key (null when the key is not a period). */
export function periodFacts(key: string, calendar = false) {
  const p = parseReportingPeriod(key, { calendar });
  return p ? { from: p.from, to: p.to, due: reportDueDate(p), year: p.year } : null;
}

/** "Số liệu từ 15/06/2026 đến 14/09/2026; hạn gửi 20/09/2026" (the due day only when given). */
export function windowText(t: (k: string) => string, w: { from: string; to: string }, due?: string | null): string {
  const span = `${t('rep.dataFrom')} ${formatDate(w.from)} ${t('rep.dataTo')} ${formatDate(w.to)}`;
  return due ? `${span}; ${t('rep.dueBy')} ${formatDate(due)}` : span;
}

/** The report to show first: the first of this year's four whose due day has not passed, else the year's. */
export function defaultReportPeriod(today = todayVn()): string {
  const year = Number(today.slice(0, 4));
  return ministryReportKeys(year).find((k) => (periodFacts(k)?.due ?? '') >= today) ?? String(year);
}

const KINDS = ['Q1', '6M', 'Q3', 'Y'] as const;
const keyOf = (year: number, kind: (typeof KINDS)[number]) => (kind === 'Y' ? String(year) : `${year}-${kind}`);

/** Year + the four reports + "other" (a free key checked against the rules). */
export function PeriodPicker({ value, onChange, testId = 'period-picker' }: { value: string; onChange(key: string): void; testId?: string }) {
  const { t, lang } = useI18n();
  const p = parseReportingPeriod(value);
  const year = p?.year ?? Number(todayVn().slice(0, 4));
  const kind = KINDS.find((k) => keyOf(year, k) === value) ?? 'other';
  const [other, setOther] = useState(kind === 'other' ? value : '');
  const [showOther, setShowOther] = useState(kind === 'other');
  useEffect(() => {
    if (kind === 'other') {
      setOther(value);
      setShowOther(true);
    }
  }, [value, kind]);
  const thisYear = Number(todayVn().slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
  if (!years.includes(String(year))) years.push(String(year));
  const otherValid = parseReportingPeriod(other.trim()) !== null;
  const applyOther = () => otherValid && other.trim() !== value && onChange(other.trim());
  return (
    <Group align="end" gap="xs" wrap="wrap" data-testid={testId}>
      <Select
        label={t('year')}
        data={years}
        value={String(year)}
        allowDeselect={false}
        onChange={(y) => {
          if (!y) return;
          const k = kind === 'other' ? 'Y' : kind;
          onChange(keyOf(Number(y), k));
        }}
        w={100}
        data-testid={`${testId}-year`}
      />
      <SegmentedControl
        value={showOther ? 'other' : kind}
        onChange={(k) => {
          if (k === 'other') {
            setShowOther(true);
            return;
          }
          setShowOther(false);
          onChange(keyOf(year, k as (typeof KINDS)[number]));
        }}
        data={[
          { value: 'Q1', label: t('rep.kind.Q1') },
          { value: '6M', label: t('rep.kind.6M') },
          { value: 'Q3', label: t('rep.kind.Q3') },
          { value: 'Y', label: t('rep.kind.Y') },
          { value: 'other', label: t('rep.kind.other') },
        ]}
        data-testid={`${testId}-kind`}
      />
      {showOther && (
        <TextInput
          label={t('rep.otherPeriod')}
          description={otherValid ? periodName(other.trim(), lang) : t('rep.otherPeriodHint')}
          value={other}
          onChange={(e) => setOther(e.currentTarget.value)}
          onBlur={applyOther}
          onKeyDown={(e) => e.key === 'Enter' && applyOther()}
          error={other.trim() && !otherValid ? t('rep.invalidPeriod') : undefined}
          w={200}
          data-testid={`${testId}-other`}
        />
      )}
    </Group>
  );
}
