/** PAR-index criteria sets: the sets by year and unit type, a set's tree, import (with preview), export, clone. */
import { Alert, Button, Card, FileButton, Group, List, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { EmptyRow, LoadState, Tag, useLoad } from '../../app/components';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { CriteriaNode } from '../../../domain/par/criteriaSet';
import type { ScoringRule } from '../../../domain/par/scoring';

interface SetSummary {
  id: number;
  year: number;
  unitType: string;
  version: number;
  name: string;
  surveyShare: number;
  maximum: number;
  items: number;
  source: string | null;
  areas: CriteriaNode[];
}

function ruleText(t: (k: string) => string, r?: ScoringRule): string {
  if (!r) return '';
  const tiers = (xs?: { atLeast: number; share: number }[]) => (xs ?? []).map((x) => `≥ ${formatNumber(x.atLeast, 0)} %: ${formatNumber(x.share * 100, 0)} %`).join('; ');
  switch (r.kind) {
    case 'manual':
      return t('rule.manual');
    case 'yes_no':
      return t('rule.yes_no');
    case 'tiers':
      return `${t('rule.tiers')} (${tiers(r.tiers)})`;
    case 'deduction':
      return `${t('rule.deduction')} (−${formatNumber(r.perItem, 2)})`;
    case 'computed':
      return `${t('rule.computed')}: ${t(`source.${r.source}`)}${r.tiers?.length ? ` (${tiers(r.tiers)})` : ''}`;
  }
}

function Tree({ areas }: { areas: CriteriaNode[] }) {
  const { t } = useI18n();
  const rows: { n: CriteriaNode; depth: number }[] = [];
  const walk = (n: CriteriaNode, depth: number) => {
    rows.push({ n, depth });
    n.children?.forEach((c) => walk(c, depth + 1));
  };
  areas.forEach((a) => walk(a, 0));
  return (
    <Table fz="sm" data-testid="criteria-tree">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('criterion')}</Table.Th>
          <Table.Th ta="right">{t('maxPoints')}</Table.Th>
          <Table.Th>{t('scoringRule')}</Table.Th>
          <Table.Th>{t('evidence')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ n, depth }) => (
          <Table.Tr key={n.code} fw={depth === 0 ? 700 : undefined}>
            <Table.Td pl={8 + depth * 20}>
              {n.code}. {n.name}
              {n.guidance && (
                <Text size="xs" c="dimmed">
                  {n.guidance}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{formatNumber(n.max, n.max % 1 ? 2 : 0)}</Table.Td>
            <Table.Td>{ruleText(t, n.rule)}</Table.Td>
            <Table.Td>{n.evidenceRequired ? <Tag variant="light">{t('required')}</Tag> : ''}</Table.Td>
          </Table.Tr>
        ))}
        {rows.length === 0 && <EmptyRow columns={4} message={t('noCriteria')} />}
      </Table.Tbody>
    </Table>
  );
}

export function CriteriaSetsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const sets = useLoad(() => api.get<SetSummary[]>('/api/par/criteria-sets'), []);
  const [selected, setSelected] = useState<string | null>(null);
  const current = sets.data?.find((s) => String(s.id) === selected) ?? sets.data?.[0];
  const [meta, setMeta] = useState({ year: new Date().getFullYear() + 1, unitType: 'department', name: '', surveyShare: 20 });
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<{ areas: CriteriaNode[]; maximum: number; items: number } | null>(null);
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);
  const send = async (dryRun: boolean, f = file) => {
    if (!f) return;
    const form = new FormData();
    form.append('file', f);
    const q = new URLSearchParams({ year: String(meta.year), unitType: meta.unitType, name: meta.name || f.name, surveyShare: String(meta.surveyShare), dryRun: String(dryRun) });
    setError(null);
    try {
      const r = await api.upload<{ areas: CriteriaNode[]; maximum: number; items: number; id?: number }>(`/api/par/criteria-sets/import?${q}`, form);
      if (dryRun) setPreview(r);
      else {
        setPreview(null);
        setFile(null);
        sets.reload();
        if (r.id) setSelected(String(r.id));
      }
    } catch (e) {
      const d = e instanceof ApiError ? e.details : undefined;
      const lines = [...((d?.errors as { row: number; message: string }[]) ?? []).map((x) => `${t('row')} ${x.row}: ${x.message}`), ...((d?.problems as { message: string }[]) ?? []).map((x) => x.message)];
      setError({ message: (e as Error).message, lines });
    }
  };
  const clone = async () => {
    if (!current) return;
    const r = await api.post<{ id: number }>(`/api/par/criteria-sets/${current.id}/clone`, { year: current.year + 1 });
    sets.reload();
    setSelected(String(r.id));
  };
  return (
    <Stack>
      <Title order={3}>{t('criteriaSets')}</Title>
      <LoadState loading={sets.loading && !sets.data} error={sets.error} />
      <Group align="end">
        <Select
          label={t('criteriaSet')}
          data={(sets.data ?? []).map((s) => ({ value: String(s.id), label: `${s.year} · ${t(`type.${s.unitType}`)} · v${s.version} — ${s.name}` }))}
          value={current ? String(current.id) : null}
          onChange={setSelected}
          w={520}
          data-testid="criteria-set-select"
        />
        {current && (
          <Button component="a" href={`/api/par/criteria-sets/${current.id}/export.xlsx`} variant="light">
            {t('exportExcel')}
          </Button>
        )}
        {current && can('par.manage') && (
          <Button variant="light" onClick={clone}>
            {t('cloneToYear')} {current.year + 1}
          </Button>
        )}
      </Group>
      {sets.data && sets.data.length === 0 && (
        <Table data-testid="criteria-sets-empty">
          <Table.Tbody>
            <EmptyRow columns={1} message={t('noCriteriaSets')} />
          </Table.Tbody>
        </Table>
      )}
      {current && (
        <Card withBorder>
          <Group gap="xs" mb="xs">
            <Text fw={600}>{current.name}</Text>
            <Tag>{t(`type.${current.unitType}`)}</Tag>
            <Tag variant="light" data-testid="criteria-max">
              {formatNumber(current.maximum - current.surveyShare, 2)} + {formatNumber(current.surveyShare, 2)} {t('surveyPoints')} = {formatNumber(current.maximum, 2)}
            </Tag>
            {current.source && (
              <Text size="xs" c="dimmed">
                {current.source}
              </Text>
            )}
          </Group>
          <Tree areas={current.areas} />
        </Card>
      )}
      {can('par.manage') && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('importCriteriaSet')}
          </Text>
          <Group align="end">
            <NumberInput label={t('year')} value={meta.year} onChange={(v) => setMeta({ ...meta, year: Number(v) })} w={100} />
            <Select label={t('unitType')} data={['department', 'commune', 'district', 'central_agency', 'public_service'].map((v) => ({ value: v, label: t(`type.${v}`) }))} value={meta.unitType} onChange={(v) => v && setMeta({ ...meta, unitType: v })} w={200} />
            <TextInput label={t('name')} value={meta.name} onChange={(e) => setMeta({ ...meta, name: e.currentTarget.value })} w={280} />
            <NumberInput label={t('surveyPoints')} value={meta.surveyShare} onChange={(v) => setMeta({ ...meta, surveyShare: Number(v) })} w={140} decimalSeparator="," />
            <FileButton
              onChange={(f) => {
                setFile(f);
                void send(true, f);
              }}
              accept=".xlsx,.csv"
            >
              {(props) => <Button {...props}>{t('chooseFile')}</Button>}
            </FileButton>
          </Group>
          {error && (
            <Alert color="red" title={error.message} role="alert" mt="sm">
              <List size="sm">
                {error.lines.slice(0, 30).map((l) => (
                  <List.Item key={l}>{l}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {preview && (
            <Stack mt="sm">
              <Text size="sm">
                {t('preview')}: {preview.items} {t('items')}, {t('maxPoints').toLowerCase()} {formatNumber(preview.maximum, 2)}
              </Text>
              <Tree areas={preview.areas} />
              <Button onClick={() => send(false)}>{t('save')}</Button>
            </Stack>
          )}
        </Card>
      )}
    </Stack>
  );
}
