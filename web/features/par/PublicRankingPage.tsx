/** The published PAR ranking, for anyone, on a phone too: no login, no drafts, no appraisal detail. */
import { Anchor, Card, Container, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { EmptyRow, LanguageSwitch, LoadState, useLoad } from '../../app/components';
import { formatDate, formatPercent } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { type GroupThreshold, unitLabel } from '../../../domain/par/results';
import { GroupBadge, GroupLegend } from './GroupBadge';

interface Published {
  round: { id: number; year: number; name: string; publishedAt: string; groups?: GroupThreshold[] };
  units: { unitId: number; unitName: string; parentName?: string | null; unitType: string; index: number | null; rank: number | null; group: string | null }[];
}

export function PublicRankingPage() {
  const { t } = useI18n();
  const rounds = useLoad(() => api.get<{ id: number; year: number; name: string }[]>('/api/public/par/rounds'), []);
  const [picked, setPicked] = useState<string | null>(null);
  const id = picked ?? (rounds.data?.[0] ? String(rounds.data[0].id) : null);
  const ranking = useLoad(() => (id ? api.get<Published>(`/api/public/par/rounds/${id}`) : Promise.resolve(null)), [id]);
  const data = ranking.data;
  const types = [...new Set((data?.units ?? []).map((u) => u.unitType))];
  return (
    <Container size="sm" py="md">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('publicParTitle')}</Title>
          <LanguageSwitch />
        </Group>
        <LoadState loading={rounds.loading && !rounds.data} error={rounds.error} />
        {rounds.data && rounds.data.length === 0 && (
          <Table>
            <Table.Tbody>
              <EmptyRow columns={1} message={t('nothingPublished')} />
            </Table.Tbody>
          </Table>
        )}
        {rounds.data && rounds.data.length > 0 && <Select label={t('year')} data={rounds.data.map((r) => ({ value: String(r.id), label: `${r.year} — ${r.name}` }))} value={id} onChange={setPicked} />}
        {data && (
          <>
            <Text size="sm" c="dimmed">
              {t('publishedOn')} {formatDate(data.round.publishedAt.slice(0, 10))}
            </Text>
            {data.round.groups && <GroupLegend groups={data.round.groups} />}
            {types.map((type) => (
              <Card key={type} withBorder p="xs">
                <Text fw={600}>{t(`type.${type}`)}</Text>
                <Table fz="sm" data-testid={`public-ranking-${type}`} horizontalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('rank')}</Table.Th>
                      <Table.Th>{t('unit')}</Table.Th>
                      <Table.Th ta="right">{t('parIndexShort')}</Table.Th>
                      <Table.Th>{t('group')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.units
                      .filter((u) => u.unitType === type)
                      .map((u) => (
                        <Table.Tr key={u.unitId}>
                          <Table.Td>{u.rank}</Table.Td>
                          <Table.Td>{unitLabel(u, data.units)}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="public-index">
                            {formatPercent(u.index)}
                          </Table.Td>
                          <Table.Td>
                            <GroupBadge group={u.group} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Card>
            ))}
          </>
        )}
        <Anchor component={Link} to="/login" size="sm">
          {t('backToLogin')}
        </Anchor>
      </Stack>
    </Container>
  );
}
