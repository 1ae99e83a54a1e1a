/**
 * Results of a round: ranking within each unit type with groups, self vs appraised, last year; a bar chart
 * of the index and a radar of one unit's areas; exports. Units see their own row only.
 */
import { Anchor, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { Chart } from '../../app/Chart';
import { LoadState, useLoad } from '../../app/components';
import { formatNumber, formatPoints } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { GroupBadge } from './GroupBadge';
import { StatusBadge } from './RoundsPage';
import type { Round, UnitResult } from './types';

export function ResultsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { id } = useParams();
  const res = useLoad(() => api.get<{ round: Round; units: UnitResult[] }>(`/api/par/rounds/${id}/results`), [id]);
  const types = [...new Set((res.data?.units ?? []).map((u) => u.unitType))];
  const [type, setType] = useState<string | null>(null);
  const shownType = type ?? types[0] ?? null;
  const units = (res.data?.units ?? []).filter((u) => u.unitType === shownType);
  const [radarUnit, setRadarUnit] = useState<string | null>(null);
  const radar = units.find((u) => String(u.unitId) === radarUnit) ?? units.find((u) => u.areas.length);
  const bars = useMemo(() => {
    const ranked = units.filter((u) => u.index !== null);
    return {
      tooltip: {},
      grid: { left: 200, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: ranked.map((u) => u.unitName) },
      series: [{ type: 'bar', data: ranked.map((u) => u.index), label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value, 2) } }],
    };
  }, [units]);
  const radarOption = useMemo(
    () =>
      radar && {
        tooltip: {},
        radar: { indicator: radar.areas.map((a) => ({ name: `${a.code}. ${a.name.slice(0, 28)}`, max: 100 })) },
        series: [
          {
            type: 'radar',
            data: [
              { name: t('indexByArea'), value: radar.areas.map((a) => a.index ?? 0) },
              { name: t('selfScore'), value: radar.areas.map((a) => (a.max ? Math.round((a.self / a.max) * 10000) / 100 : 0)) },
            ],
          },
        ],
        legend: { bottom: 0 },
      },
    [radar, t],
  );
  const r = res.data?.round;
  const whole = can('report.read');
  return (
    <Stack>
      <LoadState loading={res.loading && !res.data} error={res.error} />
      {r && (
        <>
          <Group justify="space-between">
            <Group>
              <Title order={3}>
                {t('results')} — {r.name}
              </Title>
              <StatusBadge status={r.status} />
            </Group>
            <Group>
              <Anchor component={Link} to={`/par/rounds/${r.id}`}>
                {t('roundProgress')}
              </Anchor>
              {whole && (
                <>
                  <Button component="a" href={`/api/par/rounds/${r.id}/results.xlsx`} variant="light">
                    {t('exportExcel')}
                  </Button>
                  <Button component="a" href={`/api/par/rounds/${r.id}/report.docx`} variant="light">
                    {t('exportReportDocx')}
                  </Button>
                </>
              )}
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {r.status === 'open' ? t('provisionalResults') : ''} {t('groupsAre')}: {r.groups.map((g) => `${g.name} ≥ ${formatNumber(g.atLeast, 0)} %`).join(', ')}
          </Text>
          <Select data={types.map((x) => ({ value: x, label: t(`type.${x}`) }))} value={shownType} onChange={setType} w={260} label={t('unitType')} />
          <Table striped data-testid="ranking">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rank')}</Table.Th>
                <Table.Th>{t('unit')}</Table.Th>
                <Table.Th ta="right">{t('selfScore')}</Table.Th>
                <Table.Th ta="right">{t('appraisedScore')}</Table.Th>
                <Table.Th ta="right">{t('difference')}</Table.Th>
                <Table.Th ta="right">{t('surveyPoints')}</Table.Th>
                <Table.Th ta="right">{t('maxPoints')}</Table.Th>
                <Table.Th ta="right">{t('parIndexShort')}</Table.Th>
                <Table.Th>{t('group')}</Table.Th>
                <Table.Th ta="right">{t('previousYear')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.rank ?? '—'}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/par/rounds/${r.id}/units/${u.unitId}`}>
                      {u.unitName}
                    </Anchor>
                    {!u.submitted && (
                      <Text size="xs" c="dimmed">
                        {t('notSubmitted')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatPoints(u.selfScore)}</Table.Td>
                  <Table.Td ta="right">{formatPoints(u.appraisedScore)}</Table.Td>
                  <Table.Td ta="right" c={u.difference && u.difference < 0 ? 'red' : undefined}>
                    {u.difference === null ? '—' : `${u.difference > 0 ? '+' : ''}${formatNumber(u.difference, 2)}`}
                  </Table.Td>
                  <Table.Td ta="right">{formatPoints(u.surveyScore)}</Table.Td>
                  <Table.Td ta="right">{formatPoints(u.maxScore)}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {u.index === null ? '—' : `${formatNumber(u.index, 2)} %`}
                  </Table.Td>
                  <Table.Td>
                    <GroupBadge group={u.group} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {u.previous ? (u.previous.index === null ? t('mergedUnits') : `${formatNumber(u.previous.index, 2)} % (${u.previous.change! >= 0 ? '+' : ''}${formatNumber(u.previous.change ?? 0, 2)})`) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group grow align="start">
            <Card withBorder>
              <Text fw={600}>{t('indexChart')}</Text>
              <Chart option={bars} height={Math.max(200, units.length * 28 + 40)} testId="par-bars" />
            </Card>
            {radar && radarOption && (
              <Card withBorder>
                <Group justify="space-between">
                  <Text fw={600}>{t('indexByArea')}</Text>
                  <Select size="xs" data={units.filter((u) => u.areas.length).map((u) => ({ value: String(u.unitId), label: u.unitName }))} value={String(radar.unitId)} onChange={setRadarUnit} w={240} />
                </Group>
                <Chart option={radarOption} height={340} testId="par-radar" />
              </Card>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
