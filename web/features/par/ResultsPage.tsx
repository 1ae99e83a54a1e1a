/**
 * Results of a round: ranking within each unit type with groups, self vs appraised, last year; a bar chart
 * of the index and a radar of one unit's areas; exports. Units see their own row only.
 */
import { Alert, Anchor, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { Chart } from '../../app/Chart';
import { EmptyRow, LoadState, Tag, useLoad } from '../../app/components';
import { formatNumber, formatPercent, formatPoints } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { type GroupThreshold, unitLabel } from '../../../domain/par/results';
import { barsOption, radarOption } from './charts';
import { GroupBadge, GroupLegend } from './GroupBadge';
import { StatusBadge } from './RoundsPage';
import type { Round, UnitResult } from './types';

/** Last year's index and the change, the change only where this year has a real index. */
export function PreviousCell({ u }: { u: UnitResult }) {
  const { t } = useI18n();
  if (!u.previous) return <>—</>;
  if (u.previous.index === null) return <>{t('mergedUnits')}</>;
  const c = u.previous.change;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatPercent(u.previous.index)}
      {c !== null && ` (${c >= 0 ? '+' : ''}${formatNumber(c, 2)})`}
    </span>
  );
}

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
  const bars = useMemo(() => barsOption(units.filter((u) => u.index !== null).map((u) => ({ label: unitLabel(u, units), index: u.index! }))), [units]);
  const radarChart = useMemo(() => radar && radarOption(radar.areas, { index: t('indexByArea'), self: t('selfScore') }), [radar, t]);
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
          {r.status === 'open' && (
            <Alert color="yellow" title={t('provisionalResults')} data-testid="provisional">
              {t('provisionalExplain')}
            </Alert>
          )}
          <GroupLegend groups={r.groups} />
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
                      {unitLabel(u, units)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{formatPoints(u.selfScore)}</Table.Td>
                  <Table.Td ta="right">{formatPoints(u.appraisedScore)}</Table.Td>
                  <Table.Td ta="right" c={u.difference && u.difference < 0 ? 'red' : undefined}>
                    {u.difference === null ? '—' : `${u.difference > 0 ? '+' : ''}${formatNumber(u.difference, 2)}`}
                  </Table.Td>
                  <Table.Td ta="right">{formatPoints(u.surveyScore)}</Table.Td>
                  <Table.Td ta="right">{formatPoints(u.maxScore)}</Table.Td>
                  <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {u.submitted ? formatPercent(u.index) : <Text span size="sm" c="dimmed" data-testid="not-submitted">{t('notSubmittedShort')}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <GroupBadge group={u.group} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <PreviousCell u={u} />
                  </Table.Td>
                </Table.Tr>
              ))}
              {units.length === 0 && <EmptyRow columns={10} message={t('noResults')} />}
            </Table.Tbody>
          </Table>
          <Group grow align="start">
            <Card withBorder>
              <Text fw={600}>{t('indexChart')}</Text>
              <Chart option={bars} height={Math.max(200, units.length * 28 + 40)} testId="par-bars" />
            </Card>
            {radar && radarChart && (
              <Card withBorder>
                <Group justify="space-between">
                  <Text fw={600}>{t('indexByArea')}</Text>
                  <Select size="xs" data={units.filter((u) => u.areas.length).map((u) => ({ value: String(u.unitId), label: unitLabel(u, units) }))} value={String(radar.unitId)} onChange={setRadarUnit} w={240} />
                </Group>
                <Chart option={radarChart} height={400} testId="par-radar" />
              </Card>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
