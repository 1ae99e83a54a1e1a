/** Administrative procedures: search with or without diacritics; the administrator imports the list. */
import { Button, FileButton, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../app/api';
import type { ProcedureItem } from '../../app/apiTypes';
import { useAuth } from '../../app/auth';
import { EmptyRow, ErrorAlert, LoadState, Tag, useLoad } from '../../app/components';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';

type Procedure = ProcedureItem;

const PAGE = 25;

export function ProceduresPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [field, setField] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const params = new URLSearchParams({ limit: String(PAGE), offset: String((page - 1) * PAGE) });
  if (q) params.set('q', q);
  if (field) params.set('field', field);
  const data = useLoad(() => api.get<{ total: number; items: Procedure[]; fields: string[] }>(`/api/procedures?${params}`), [params.toString()]);
  const upload = async (file: File | null) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setError(null);
    try {
      const r = await api.upload<{ summary: { total: number; created: number; updated: number } }>('/api/procedures/import', form);
      setMessage(`${t('saved')}: ${r.summary.created} + ${r.summary.updated}`);
      data.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('procedures')}</Title>
        {can('procedure.manage') && (
          <FileButton onChange={upload} accept=".xlsx,.csv">
            {(props) => <Button {...props}>{t('importList')}</Button>}
          </FileButton>
        )}
      </Group>
      <ErrorAlert error={error} />
      {message && <Text c="green">{message}</Text>}
      <Group>
        <TextInput placeholder={`${t('search')}: khai sinh, đăng ký kết hôn…`} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} w={360} data-testid="procedure-search" />
        <Select data={data.data?.fields ?? []} value={field} onChange={(v) => { setField(v); setPage(1); }} clearable placeholder={t('field')} w={300} searchable />
      </Group>
      <LoadState loading={data.loading && !data.data} error={data.error} />
      <Text size="sm" c="dimmed">
        {formatNumber(data.data?.total ?? 0)} {t('procedures').toLowerCase()}
      </Text>
      <Table striped data-testid="procedures-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('code')}</Table.Th>
            <Table.Th>{t('name')}</Table.Th>
            <Table.Th>{t('field')}</Table.Th>
            <Table.Th>{t('level')}</Table.Th>
            <Table.Th>{t('agency')}</Table.Th>
            <Table.Th>{t('timeLimit')}</Table.Th>
            <Table.Th>{t('online')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.data?.items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.code}</Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.field}</Table.Td>
              <Table.Td>{t(`level.${p.level}`)}</Table.Td>
              <Table.Td>{p.agency}</Table.Td>
              <Table.Td>
                {formatNumber(p.limit.value, Number.isInteger(p.limit.value) ? 0 : 1)} {t(p.limit.unit === 'day' ? 'workingDays' : 'workingHours')}
              </Table.Td>
              <Table.Td>
                <Tag variant="light" color={p.onlineLevel === 'full' ? 'green' : p.onlineLevel === 'partial' ? 'blue' : 'gray'}>
                  {t(`online.${p.onlineLevel}`)}
                </Tag>
              </Table.Td>
            </Table.Tr>
          ))}
          {data.data && data.data.items.length === 0 && (q || field ? <EmptyRow columns={7} message={t('noProcedures')} hint={t('noProceduresHint')} /> : <EmptyRow columns={7} message={t('noProceduresYet')} />)}
        </Table.Tbody>
      </Table>
      {(data.data?.total ?? 0) > PAGE && <Pagination total={Math.ceil(data.data!.total / PAGE)} value={page} onChange={setPage} />}
    </Stack>
  );
}
