/**
 * The register of legal documents: the status of each as of a day, filters (status, kind, signing window
 * or a reporting period, search with or without diacritics) kept in the address, import and export.
 */
import { Anchor, Button, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { parseReportingPeriod, reportingLabel } from '../../../domain/periods/reporting';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { DateField, LoadState, useLoad } from '../../app/components';
import { formatDate, formatNumber, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { StatusLine } from './look';
import type { LegalDocList } from './types';

const PAGE = 50;
const STATUSES = ['effective', 'in_force', 'partly_expired', 'expired', 'not_yet_effective'] as const;

/** The report periods of the years around today: Q1, 6 months, Q3, 9 months, year (their windows). */
function periodOptions(lang: 'vi' | 'en') {
  const year = Number(todayVn().slice(0, 4));
  const out: { value: string; label: string }[] = [];
  for (let y = year; y >= year - 5; y--) {
    for (const key of [`${y}`, `${y}-9M`, `${y}-Q3`, `${y}-6M`, `${y}-Q1`]) {
      const p = parseReportingPeriod(key)!;
      out.push({ value: key, label: `${reportingLabel(p, lang)} (${formatDate(p.from)}–${formatDate(p.to)})` });
    }
  }
  return out;
}

export function LegalDocsPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const asOf = params.get('asOf') ?? todayVn();
  const page = Number(params.get('page') ?? '1');
  const [q, setQ] = useState(params.get('q') ?? '');
  // the search goes to the address (and the server) once typing pauses
  useEffect(() => {
    const h = setTimeout(() => q !== (params.get('q') ?? '') && set({ q }), 300);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  const query = new URLSearchParams({ asOf });
  for (const k of ['status', 'kind', 'from', 'to', 'q', 'field', 'issuer', 'lead']) if (params.get(k)) query.set(k, params.get(k)!);
  const listUrl = `/api/legal-documents?${query}&limit=${PAGE}&offset=${(page - 1) * PAGE}`;
  const data = useLoad(() => api.get<LegalDocList>(listUrl), [listUrl]);
  const period = params.get('period');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('ld.title')}</Title>
        <Group>
          <Button component="a" href={`/api/legal-documents/export.xlsx?${query}`} variant="light" data-testid="ld-export">
            {t('ld.export')}
          </Button>
          {can('register.manage') && (
            <>
              <Button component="a" href="/api/legal-documents/template.xlsx" variant="subtle">
                {t('ld.template')}
              </Button>
              <Button component={Link} to="/legal-documents/import" variant="light">
                {t('ld.import')}
              </Button>
              <Button component={Link} to="/legal-documents/new">
                {t('ld.new')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Group align="flex-end">
        <DateField label={t('ld.asOf')} value={asOf} onChange={(v) => v && set({ asOf: v })} w={150} data-testid="ld-asof" />
        <Select
          label={t('ld.status')}
          data={STATUSES.map((s) => ({ value: s, label: t(`ld.status.${s}`) }))}
          value={params.get('status')}
          onChange={(v) => set({ status: v })}
          placeholder={t('ld.allStatuses')}
          clearable
          w={250}
          data-testid="ld-filter-status"
        />
        <Select
          label={t('ld.kind')}
          data={(['resolution', 'decision'] as const).map((k) => ({ value: k, label: t(`ld.kind.${k}`) }))}
          value={params.get('kind')}
          onChange={(v) => set({ kind: v })}
          placeholder={t('ld.allKinds')}
          clearable
          w={200}
        />
        <Select
          label={t('ld.period')}
          data={periodOptions(lang)}
          value={period}
          onChange={(v) => {
            const p = v ? parseReportingPeriod(v) : null;
            set({ period: v, from: p?.from ?? null, to: p?.to ?? null });
          }}
          clearable
          searchable
          w={340}
          data-testid="ld-filter-period"
        />
      </Group>
      <Group align="flex-end">
        <DateField label={t('ld.signedFrom')} value={params.get('from')} onChange={(v) => set({ from: v, period: null })} w={140} />
        <DateField label={t('ld.signedTo')} value={params.get('to')} onChange={(v) => set({ to: v, period: null })} w={140} />
        <TextInput label={t('search')} placeholder={t('ld.searchHint')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={420} data-testid="ld-search" />
        <Select label={t('ld.field')} data={data.data?.fields ?? []} value={params.get('field')} onChange={(v) => set({ field: v })} clearable searchable w={240} />
      </Group>
      <LoadState loading={data.loading && !data.data} error={data.error} />
      {data.data && (
        <Text size="sm" data-testid="ld-total">
          <b>{formatNumber(data.data.total)}</b> {t('ld.count')} ({formatNumber(data.data.counts.byKind.resolution)} {t('ld.resolutions')}, {formatNumber(data.data.counts.byKind.decision)} {t('ld.decisions')}) — {t('ld.asOf').toLowerCase()} {formatDate(data.data.asOf)}
        </Text>
      )}
      <Table striped highlightOnHover fz="sm" data-testid="ld-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ld.symbol')}</Table.Th>
            <Table.Th>{t('ld.issuer')}</Table.Th>
            <Table.Th>{t('ld.docTitle')}</Table.Th>
            <Table.Th>{t('ld.field')}</Table.Th>
            <Table.Th>{t('ld.signedOn')}</Table.Th>
            <Table.Th>{t('ld.effectiveOn')}</Table.Th>
            <Table.Th>{t('ld.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.data?.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/legal-documents/${d.id}`} size="sm">
                  {d.symbol}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`ld.kind.${d.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td>{d.issuer.text}</Table.Td>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>{d.field}</Table.Td>
              <Table.Td>{formatDate(d.signedOn)}</Table.Td>
              <Table.Td>{formatDate(d.effectiveOn)}</Table.Td>
              <Table.Td miw={170}>
                <StatusLine s={d.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data.data && data.data.total === 0 && <Text c="dimmed">{t('ld.none')}</Text>}
      {data.data && data.data.total > PAGE && <Pagination total={Math.ceil(data.data.total / PAGE)} value={page} onChange={(p) => set({ page: String(p) })} />}
    </Stack>
  );
}
