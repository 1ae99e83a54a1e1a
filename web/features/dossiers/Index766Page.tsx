/** Decision 766 index of a unit for a month, quarter or year: groups, components, points, and what has no data. */
import { Alert, Button, Card, Checkbox, Group, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useAuth } from '../../app/auth';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { LoadState, Tag, useLoad } from '../../app/components';
import { formatNumber, formatPercent, formatPeriod, formatRatio, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { UnitSelect } from './shared';
import type { Index766 as Index766Result } from '../../../domain/dossiers/index766';

type Index766 = Index766Result & { unit: { id: number; name: string } | null; period: string; from: string; to: string };

const BAND_COLOR: Record<string, string> = { excellent: 'green', good: 'teal', fair: 'yellow', average: 'orange', weak: 'red' };

function periods(today: string) {
  const y = Number(today.slice(0, 4));
  const out: string[] = [];
  for (const year of [y, y - 1]) {
    out.push(String(year));
    for (let q = 4; q >= 1; q--) out.push(`${year}-Q${q}`);
    for (let m = 12; m >= 1; m--) out.push(`${year}-${String(m).padStart(2, '0')}`);
  }
  return out.filter((p) => p.slice(0, 4) < today.slice(0, 4) || !/-\d\d$/.test(p) || p <= today.slice(0, 7));
}

const KEYS = ['1.1', '1.2', '1.3', '2.1', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '5.2', '5.4'];

/** The administrator's list of criteria that do not apply to communes (full points there). */
function CommuneCriteria() {
  const { t } = useI18n();
  const data = useLoad(() => api.get<{ keys: string[]; isDefault: boolean; note: string | null }>('/api/index766/commune-criteria'), []);
  const [keys, setKeys] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (data.data) setKeys(data.data.keys);
  }, [data.data]);
  if (!data.data) return null;
  return (
    <Card withBorder data-testid="commune-criteria">
      <Stack gap="xs">
        <Text fw={600}>{t('index766.commune')}</Text>
        {data.data.note && (
          <Text size="xs" c="orange">
            {data.data.note}
          </Text>
        )}
        <Checkbox.Group value={keys} onChange={setKeys}>
          <Group gap="sm">
            {KEYS.map((k) => (
              <Checkbox key={k} value={k} label={k} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group>
          <Button
            size="xs"
            onClick={async () => {
              await api.put('/api/index766/commune-criteria', { keys });
              setSaved(true);
              data.reload();
            }}
          >
            {t('surveys.save')}
          </Button>
          {saved && <Text size="xs">✓</Text>}
        </Group>
      </Stack>
    </Card>
  );
}

export function Index766Page() {
  const { can } = useAuth();
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = todayVn();
  const period = params.get('period') ?? today.slice(0, 4);
  const unit = params.get('unit');
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const q = new URLSearchParams({ period, ...(unit ? { unit } : {}) }).toString();
  const idx = useLoad(() => api.get<Index766>(`/api/index766?${q}`), [q]);
  const x = idx.data;
  const name = (o: { nameVi: string; nameEn: string }) => (lang === 'en' ? o.nameEn : o.nameVi);
  return (
    <Stack>
      <Title order={3}>{t('index766')}</Title>
      <Text size="sm" c="dimmed">
        {t('index766Note')}
      </Text>
      <Group>
        <UnitSelect value={unit} onChange={(v) => set('unit', v)} />
        <Select label={t('period')} data={periods(today).map((p) => ({ value: p, label: formatPeriod(p, lang) }))} value={period} onChange={(v) => set('period', v)} w={180} data-testid="period-766" />
      </Group>
      <LoadState loading={idx.loading && !x} error={idx.error} />
      {x && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Card withBorder data-testid="index766-total">
              <Text size="xs" c="dimmed">
                {t('pointsWithData')} · {formatPeriod(x.period, lang)}
              </Text>
              <Text fw={700} size="xl" data-testid="index766-points">
                {formatNumber(x.total, 2)} / {formatNumber(x.maxWithData)} {t('pointsWithDataOf')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('outOf100')}
              </Text>
              {x.estimate && (
                <Group gap={6} mt="xs" data-testid="index766-estimate">
                  <Text size="sm" c="dimmed">
                    {t('estimateLine')}: {formatNumber(x.estimate.score, 2)}
                  </Text>
                  <Tag size="sm" variant="outline" color={BAND_COLOR[x.estimate.band]} data-testid="estimate-band">
                    {t(`band.${x.estimate.band}`)} ({t('estimated')})
                  </Tag>
                </Group>
              )}
            </Card>
            <Card withBorder>
              <Text size="xs" c="dimmed">
                {t('bandOfficial')}
              </Text>
              {x.band ? (
                <Tag size="lg" color={BAND_COLOR[x.band]} data-testid="official-band">
                  {t(`band.${x.band}`)}
                </Tag>
              ) : (
                <Text size="sm">{t('bandNeedsAllData')}</Text>
              )}
            </Card>
          </SimpleGrid>
          {!x.complete && (
            <Alert color="yellow" title={t('noDataTitle')}>
              {t('noDataExplain')}
            </Alert>
          )}
          <Table withTableBorder data-testid="index766-table" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('criterion')}</Table.Th>
                <Table.Th ta="right">{t('maxPoints')}</Table.Th>
                <Table.Th ta="right">{t('points')}</Table.Th>
                <Table.Th ta="right">{t('rate')}</Table.Th>
                <Table.Th>{t('basis')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {x.groups.map((g) => [
                <Table.Tr key={g.key} bg="var(--mantine-color-gray-1)">
                  <Table.Td fw={700}>{name(g)}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(g.max)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {g.points === null ? <Tag color="gray">{t('noData')}</Tag> : formatNumber(g.points, 2)}
                  </Table.Td>
                  <Table.Td colSpan={2}>{g.points !== null && <Progress value={(g.points / g.max) * 100} />}</Table.Td>
                </Table.Tr>,
                ...g.components.map((c) => (
                  <Table.Tr key={`${g.key}-${c.key}`} data-testid={`c766-${c.key}`}>
                    <Table.Td pl="xl">
                      {c.key}. {name(c)}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(c.max)}</Table.Td>
                    <Table.Td ta="right">{c.points === null ? <Tag color="gray" variant="light">{t('noData')}</Tag> : formatNumber(c.points, 2)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{c.rate === null ? '' : formatPercent(c.rate)}</Table.Td>
                    <Table.Td>
                      <span data-testid={`basis-${c.key}`}>{formatRatio(c.basis)}</span>
                      {c.note && (
                        <Text size="xs" c="dimmed" data-testid={`note-${c.key}`}>
                          {c.note}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )),
              ])}
            </Table.Tbody>
          </Table>
          {can('procedure.manage') && <CommuneCriteria />}
        </>
      )}
    </Stack>
  );
}
