/** The dossiers behind a figure of the report, a page at a time. */
import { Anchor, Group, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { EmptyRow, LoadState, Tag, useLoad } from '../../app/components';
import { formatDateTime, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { FilterBar, useFilter } from './shared';
import { CATEGORIES } from '../../../domain/dossiers/report';


interface Item {
  id: number;
  code: string;
  procedureCode: string;
  procedureName: string;
  unitId: number;
  unitName: string | null;
  status: string;
  channel: string | null;
  receivedAt: string | null;
  appointment: string | null;
  endAt: string | null;
  state: string;
}

export const STATE_COLOR: Record<string, string> = { early: 'teal', on_time: 'green', late: 'red', refused: 'gray', refused_late: 'red', withdrawn: 'gray', not_accepted: 'gray', in_progress_on_time: 'blue', in_progress_late: 'orange', registered: 'gray' };

const PAGE = 50;

export function DossierListPage() {
  const { t } = useI18n();
  const filter = useFilter();
  const category = filter.params.get('category') ?? 'received';
  const page = Number(filter.params.get('page') ?? '1');
  const extra = ['procedure', 'field', 'level'].filter((k) => filter.params.get(k)).map((k) => `&${k}=${encodeURIComponent(filter.params.get(k)!)}`).join('');
  const url = `/api/dossiers?${filter.query}&category=${category}${extra}&limit=${PAGE}&offset=${(page - 1) * PAGE}`;
  const data = useLoad(() => api.get<{ total: number; items: Item[] }>(url), [url]);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('dossierList')}</Title>
        <Anchor component={Link} to={`/dossiers?${filter.query}`}>
          ← {t('dossiers')}
        </Anchor>
      </Group>
      <FilterBar filter={filter} />
      <Group>
        <Select label={t('figure')} data={CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))} value={category} onChange={(v) => v && filter.set({ category: v, page: null })} w={260} data-testid="filter-category" />
        {extra && (
          <Text size="sm" c="dimmed" mt="lg">
            {['procedure', 'field', 'level'].filter((k) => filter.params.get(k)).map((k) => `${t(k)}: ${filter.params.get(k)}`).join(' · ')}
          </Text>
        )}
      </Group>
      <LoadState loading={data.loading && !data.data} error={data.error} />
      <Text size="sm" c="dimmed" data-testid="list-total">
        {formatNumber(data.data?.total ?? 0)} {t('dossierCount')}
      </Text>
      <Table striped highlightOnHover fz="sm" data-testid="dossier-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dossierCode')}</Table.Th>
            <Table.Th>{t('procedure')}</Table.Th>
            <Table.Th>{t('receivingUnit')}</Table.Th>
            <Table.Th>{t('channel')}</Table.Th>
            <Table.Th>{t('receivedAt')}</Table.Th>
            <Table.Th>{t('appointment')}</Table.Th>
            <Table.Th>{t('endAt')}</Table.Th>
            <Table.Th>{t('result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data.data?.items ?? []).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/dossiers/${d.id}`} size="sm">
                  {d.code}
                </Anchor>
              </Table.Td>
              <Table.Td>{d.procedureName}</Table.Td>
              <Table.Td data-testid="dossier-unit">{d.unitName ?? ''}</Table.Td>
              <Table.Td>{d.channel ? t(`channel.${d.channel}`) : ''}</Table.Td>
              <Table.Td>{d.receivedAt ? formatDateTime(d.receivedAt) : ''}</Table.Td>
              <Table.Td>{d.appointment ? formatDateTime(d.appointment) : ''}</Table.Td>
              <Table.Td>{d.endAt ? formatDateTime(d.endAt) : ''}</Table.Td>
              <Table.Td>
                <Tag variant="light" color={STATE_COLOR[d.state] ?? 'gray'}>
                  {t(`result.${d.state}`)}
                </Tag>
              </Table.Td>
            </Table.Tr>
          ))}
          {data.data && data.data.items.length === 0 && <EmptyRow columns={8} message={t('noDossiers')} hint={t('noDossiersHint')} />}
        </Table.Tbody>
      </Table>
      {data.data && data.data.total > PAGE && <Pagination total={Math.ceil(data.data.total / PAGE)} value={page} onChange={(p) => filter.set({ page: String(p) })} />}
    </Stack>
  );
}
