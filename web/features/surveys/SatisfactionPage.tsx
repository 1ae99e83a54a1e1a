/** The satisfaction index of a unit over a range: per element and overall, answers, a bar chart (lazy ECharts). */
import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { Chart } from '../../app/Chart';
import { DateField, LoadState, Tag, useLoad } from '../../app/components';
import { formatNumber, formatPercent, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { UnitSelect } from '../dossiers/shared';

interface Result {
  questionnaire: { name: string; version: number; isSample: boolean };
  minSample: number;
  responses: number;
  dissatisfiedResponses: number;
  elements: { key: string; name: string; answers: number; index: number | null; smallSample: boolean }[];
  overall: { answers: number; index: number | null; smallSample: boolean };
}

export function SatisfactionPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = todayVn();
  const from = params.get('from') ?? `${today.slice(0, 4)}-01-01`;
  const to = params.get('to') ?? today;
  const unit = params.get('unit');
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const q = new URLSearchParams({ from, to, ...(unit ? { unit } : {}) }).toString();
  const r = useLoad(() => api.get<Result>(`/api/satisfaction?${q}`), [q]);
  const x = r.data;
  const option = useMemo(
    () =>
      x && {
        grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', min: 0, max: 100 },
        yAxis: { type: 'category', data: x.elements.map((e) => e.name), inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
        series: [{ type: 'bar', data: x.elements.map((e) => e.index), label: { show: true, position: 'right' } }],
      },
    [x],
  );
  return (
    <Stack>
      <Title order={3}>{t('surveys.results')}</Title>
      <Group align="flex-end">
        <UnitSelect value={unit} onChange={(v) => set('unit', v)} />
        <DateField label={t('surveys.from')} value={from} onChange={(v) => set('from', v)} w={150} />
        <DateField label={t('surveys.to')} value={to} onChange={(v) => set('to', v)} w={150} />
      </Group>
      <LoadState loading={r.loading && !x} error={r.error} />
      {x && (
        <>
          <Text size="sm" c="dimmed">
            {x.questionnaire.name} · {t('surveys.version')} {x.questionnaire.version} {x.questionnaire.isSample && <Tag color="yellow">{t('surveys.sample')}</Tag>}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Card withBorder>
              <Text size="xs" c="dimmed">
                {t('surveys.overall')}
              </Text>
              <Text fw={700} size="xl" data-testid="satisfaction-overall">
                {x.overall.index === null ? t('surveys.noIndex') : formatPercent(x.overall.index)}
              </Text>
            </Card>
            <Card withBorder>
              <Text size="xs" c="dimmed">
                {t('surveys.responses')}
              </Text>
              <Text fw={700} size="xl" data-testid="satisfaction-responses">
                {formatNumber(x.responses)}
              </Text>
            </Card>
            <Card withBorder>
              <Text size="xs" c="dimmed">
                {t('surveys.dissatisfied')}
              </Text>
              <Text fw={700} size="xl">
                {formatNumber(x.dissatisfiedResponses)}
              </Text>
            </Card>
          </SimpleGrid>
          {x.overall.smallSample && <Alert color="yellow">{t('surveys.smallSample').replace('{n}', formatNumber(x.minSample))}</Alert>}
          {option && x.responses > 0 && <Chart option={option} height={40 + 40 * x.elements.length} testId="satisfaction-chart" />}
          <Table withTableBorder fz="sm" data-testid="satisfaction-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.element')}</Table.Th>
                <Table.Th ta="right">{t('surveys.answers')}</Table.Th>
                <Table.Th ta="right">{t('surveys.index')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {x.elements.map((e) => (
                <Table.Tr key={e.key} data-testid={`sat-${e.key}`}>
                  <Table.Td>
                    {e.name} {e.smallSample && e.answers > 0 && <Tag color="yellow" variant="light">!</Tag>}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(e.answers)}</Table.Td>
                  <Table.Td ta="right">{e.index === null ? t('surveys.noIndex') : formatPercent(e.index)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
