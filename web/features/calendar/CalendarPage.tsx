/** A year of working days: days off (and why), weekend days worked, and the administrator's editor. */
import { Box, Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Switch, Table, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { EmptyRow, ErrorAlert, LoadState, Tag, useLoad } from '../../app/components';
import { formatDate, parseVnDate } from '../../app/format';
import { useI18n } from '../../app/i18n';

interface Year {
  year: number;
  announced: boolean;
  replacesRules: boolean;
  source: string | null;
  daysOff: { date: string; name: string; source: 'rule' | 'compensation' | 'announced' }[];
  workingWeekendDays: string[];
}

/**
 * The recorded schedule's source as people read it: notes meant for developers ("REFERENCE.md §10") are
 * left out; the legal basis is given in words beside it.
 */
export function readableSource(source: string | null): string | null {
  if (!source) return null;
  const s = source.replace(/\s*\(?\s*REFERENCE\.md\s*§\s*\d+\s*\)?/g, '').replace(/\s+([;,.])/g, '$1').trim();
  return s || null;
}

const SOURCE_COLOR = { rule: 'red', compensation: 'orange', announced: 'grape' } as const;
const pad = (n: number) => String(n).padStart(2, '0');

function Month({ year, month, data }: { year: number; month: number; data: Year }) {
  const { t } = useI18n();
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const off = new Map(data.daysOff.map((d) => [d.date, d]));
  const worked = new Set(data.workingWeekendDays);
  return (
    <Paper withBorder p={6}>
      <Text size="sm" fw={600} ta="center">
        {t('month')} {month}
      </Text>
      <SimpleGrid cols={7} spacing={2} verticalSpacing={2}>
        {['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'].map((d) => (
          <Text key={d} size="xs" c="dimmed" ta="center">
            {d}
          </Text>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <Box key={`x${i}`} />
        ))}
        {Array.from({ length: days }, (_, i) => {
          const date = `${year}-${pad(month)}-${pad(i + 1)}`;
          const wd = (lead + i) % 7;
          const o = off.get(date);
          const bg = worked.has(date) ? 'var(--mantine-color-green-2)' : o ? `var(--mantine-color-${SOURCE_COLOR[o.source]}-2)` : wd >= 5 ? 'var(--mantine-color-gray-2)' : undefined;
          const cell = (
            <Text size="xs" ta="center" style={{ background: bg, borderRadius: 3 }} data-date={date} data-off={o ? 'true' : worked.has(date) ? 'worked' : undefined}>
              {i + 1}
            </Text>
          );
          return o || worked.has(date) ? (
            <Tooltip key={date} label={o ? o.name : t('workedDay')}>
              {cell}
            </Tooltip>
          ) : (
            <Box key={date}>{cell}</Box>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}

function Editor({ data, onClose, onDone }: { data: Year; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [replacesRules, setReplaces] = useState(data.announced ? data.replacesRules : false);
  const [source, setSource] = useState(data.source ?? '');
  const [off, setOff] = useState(data.daysOff.filter((d) => d.source === 'announced').map((d) => `${formatDate(d.date)} ${d.name}`).join('\n'));
  const [worked, setWorked] = useState(data.workingWeekendDays.map(formatDate).join('\n'));
  const [error, setError] = useState<string | null>(null);
  const parseLines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  return (
    <Modal opened onClose={onClose} title={`${t('calendar')} ${data.year}`} size="lg">
      <Stack>
        <ErrorAlert error={error} />
        <Switch label={t('replacesRules')} checked={replacesRules} onChange={(e) => setReplaces(e.currentTarget.checked)} />
        <TextInput label={t('legalBasis')} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
        <Textarea label={t('announcedDaysOff')} description={t('daysOffHint')} value={off} onChange={(e) => setOff(e.currentTarget.value)} autosize minRows={5} />
        <Textarea label={t('workingWeekends')} description="dd/mm/yyyy" value={worked} onChange={(e) => setWorked(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button
            onClick={() => {
              const daysOff = parseLines(off).map((l) => {
                const [d, ...rest] = l.split(/\s+/);
                return { date: parseVnDate(d) ?? d, name: rest.join(' ') };
              });
              const workingWeekendDays = parseLines(worked).map((d) => parseVnDate(d) ?? d);
              api
                .put(`/api/calendar/${data.year}`, { replacesRules, source: source || null, daysOff, workingWeekendDays })
                .then(() => {
                  onDone();
                  onClose();
                })
                .catch((e: Error) => setError(e.message));
            }}
          >
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CalendarPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [year, setYear] = useState(new Date().getFullYear());
  const [editing, setEditing] = useState(false);
  const data = useLoad(() => api.get<Year>(`/api/calendar/${year}`), [year]);
  const y = data.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('calendar')}</Title>
        <Group>
          <NumberInput value={year} onChange={(v) => setYear(Number(v))} min={1990} max={2100} w={100} aria-label={t('year')} />
          {can('calendar.manage') && y && <Button onClick={() => setEditing(true)}>{t('recordAnnouncement')}</Button>}
        </Group>
      </Group>
      <LoadState loading={data.loading && !y} error={data.error} />
      {y && (
        <>
          <Group gap="xs">
            <Tag color={y.announced ? 'grape' : 'gray'}>{y.announced ? (y.replacesRules ? t('announcedComplete') : t('announcedAdded')) : t('rulesOnly')}</Tag>
            {readableSource(y.source) && (
              <Text size="sm" data-testid="calendar-source">
                {t('announcedAs')}: {readableSource(y.source)}
              </Text>
            )}
          </Group>
          <Paper withBorder p="xs" data-testid="calendar-basis">
            <Text size="sm" fw={600}>
              {t('basisTitle')}
            </Text>
            <Text size="sm">{t('basisRules')}</Text>
            <Text size="sm">{t('basisAnnounced')}</Text>
          </Paper>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} data-testid="calendar-year">
            {Array.from({ length: 12 }, (_, i) => (
              <Month key={i} year={year} month={i + 1} data={y} />
            ))}
          </SimpleGrid>
          <Table striped data-testid="days-off">
            <Table.Tbody>
              {y.daysOff.map((d) => (
                <Table.Tr key={d.date}>
                  <Table.Td w={110}>{formatDate(d.date)}</Table.Td>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td w={150}>
                    <Tag color={SOURCE_COLOR[d.source]} variant="light">
                      {t(`source.${d.source}`)}
                    </Tag>
                  </Table.Td>
                </Table.Tr>
              ))}
              {y.workingWeekendDays.map((d) => (
                <Table.Tr key={d}>
                  <Table.Td>{formatDate(d)}</Table.Td>
                  <Table.Td>{t('workingWeekends')}</Table.Td>
                  <Table.Td>
                    <Tag color="green" variant="light">
                      {t('source.announced')}
                    </Tag>
                  </Table.Td>
                </Table.Tr>
              ))}
              {y.daysOff.length + y.workingWeekendDays.length === 0 && <EmptyRow columns={3} message={t('noDaysOff')} />}
            </Table.Tbody>
          </Table>
          {editing && <Editor data={y} onClose={() => setEditing(false)} onDone={data.reload} />}
        </>
      )}
    </Stack>
  );
}
