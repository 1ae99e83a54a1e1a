import { Alert, Button, FileInput, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { UnitAsOf } from '../../../domain/org/history';
import { api } from '../../app/api';
import { DateField, ErrorAlert, useLoad } from '../../app/components';
import { formatDate, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { formatBudget, PlanBadge } from './look';

interface Preview {
  tasks: {
    number: string;
    areaName: string | null;
    text: string;
    products: { text: string; timeframeText: string; timeframe: { due: string | null; kind: string }; budgetMillion: number | null; budgetNote: string | null; row: number }[];
    leadUnits: { id: number; name: string }[];
    coordinatingUnits: { id: number; name: string }[];
    leadGroups: string[];
    coordinatingGroups: string[];
    due: string | null;
    budgetMillion: number | null;
    rows: number[];
  }[];
  errors: { row: number; column?: string; code: string; message: string }[];
  warnings: { row: number; column?: string; code: string; message: string }[];
  unresolved: { text: string; rows: number[]; suggestions: { id: number; name: string }[] }[];
  flaggedTimeframes: { row: number; text: string }[];
  summary: { tasks: number; products: number; budgetMillion: number };
  canSave: boolean;
}

const OUTSIDE = 'outside';

export function ImportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [unitId, setUnitId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decisionDate, setDecisionDate] = useState<string | null>(null);
  const [mappings, setMappings] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const issuers = useLoad(() => api.get<UnitAsOf[]>(`/api/org-units?asOf=${year}-01-01`), [year]);
  const issuerOptions = (issuers.data ?? []).filter((u) => u.type === 'province' || u.type === 'department' || u.type === 'district').map((u) => ({ value: String(u.id), label: u.name }));
  const unitOptions = [{ value: OUTSIDE, label: t('outsideSystem') }, ...(issuers.data ?? []).map((u) => ({ value: String(u.id), label: `${u.name} (${u.code})` }))];

  const form = () => {
    const f = new FormData();
    f.append('year', String(year));
    if (unitId) f.append('unitId', unitId);
    if (title) f.append('title', title);
    if (decisionNumber) f.append('decisionNumber', decisionNumber);
    if (decisionDate) f.append('decisionDate', decisionDate);
    const m = Object.entries(mappings).map(([text, v]) => ({ text, unitId: v === OUTSIDE ? null : Number(v) }));
    if (m.length) f.append('mappings', JSON.stringify(m));
    f.append('file', file!);
    return f;
  };
  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      if (dryRun) setPreview(await api.upload<Preview>('/api/plans/import?dryRun=true', form()));
      else {
        const r = await api.upload<{ planId: number }>('/api/plans/import', form());
        navigate(`/plans/${r.planId}`);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Title order={3}>{t('importPlan')}</Title>
      <Paper withBorder p="sm">
        <Stack>
          <Group align="flex-end" grow>
            <FileInput label={t('file')} value={file} onChange={setFile} accept=".xlsx,.csv,.docx" clearable required data-testid="import-file" />
            <NumberInput label={t('year')} value={year} onChange={(v) => setYear(Number(v))} min={2000} max={2100} />
            <Select label={t('issuingUnit')} data={issuerOptions} value={unitId} onChange={setUnitId} searchable required />
          </Group>
          <Group align="flex-end" grow>
            <TextInput label={t('decision')} value={decisionNumber} onChange={(e) => setDecisionNumber(e.currentTarget.value)} placeholder="4976/QĐ-UBND" />
            <DateField label={t('date')} value={decisionDate} onChange={setDecisionDate} />
            <TextInput label={t('plans')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          </Group>
          <Group>
            <Button onClick={() => run(true)} disabled={!file || !unitId} loading={busy}>
              {t('preview')}
            </Button>
            {preview?.canSave && (
              <Button color="green" onClick={() => run(false)} loading={busy}>
                {t('saveImport')}
              </Button>
            )}
          </Group>
          <ErrorAlert error={error} />
        </Stack>
      </Paper>
      {preview && (
        <>
          <Alert color={preview.canSave ? 'green' : 'orange'} data-testid="import-status">
            {preview.canSave ? t('canSave') : t('nothingSaved')} — {formatNumber(preview.summary.tasks)} {t('tasks').toLowerCase()}, {formatNumber(preview.summary.products)} {t('products').toLowerCase()};{' '}
            {t('budget').toLowerCase()}: <span data-testid="import-budget-total">{formatBudget(preview.summary.budgetMillion)}</span>
          </Alert>
          {preview.errors.length > 0 && (
            <Paper withBorder p="sm" data-testid="import-errors">
              <Title order={5} c="red">
                {t('errors')} ({preview.errors.length})
              </Title>
              <Table>
                <Table.Tbody>
                  {preview.errors.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td w={80}>
                        {t('rows')} {e.row}
                      </Table.Td>
                      <Table.Td w={160}>{e.column && t(`column.${e.column}`)}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          {preview.warnings.length > 0 && (
            <Paper withBorder p="sm" data-testid="import-warnings">
              <Title order={5} c="orange">
                {t('warnings')} ({preview.warnings.length})
              </Title>
              <Table>
                <Table.Tbody>
                  {preview.warnings.map((w, i) => (
                    <Table.Tr key={i} data-testid="import-warning">
                      <Table.Td w={80}>
                        {t('rows')} {w.row}
                      </Table.Td>
                      <Table.Td w={160}>{w.column && t(`column.${w.column}`)}</Table.Td>
                      <Table.Td>{w.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          {preview.unresolved.length > 0 && (
            <Paper withBorder p="sm" data-testid="import-unresolved">
              <Title order={5} c="orange">
                {t('unresolved')} ({preview.unresolved.length})
              </Title>
              {preview.unresolved.map((u) => (
                <Group key={u.text} align="flex-end">
                  <Text w={320}>
                    “{u.text}” <Text span size="xs" c="dimmed">({t('rows')} {u.rows.join(', ')})</Text>
                  </Text>
                  <Select
                    label={t('mapTo')}
                    data={[...u.suggestions.map((s) => ({ value: String(s.id), label: `★ ${s.name}` })), ...unitOptions.filter((o) => !u.suggestions.some((s) => String(s.id) === o.value))]}
                    value={mappings[u.text] ?? null}
                    onChange={(v) => setMappings({ ...mappings, [u.text]: v ?? '' })}
                    searchable
                    w={360}
                  />
                </Group>
              ))}
            </Paper>
          )}
          {preview.flaggedTimeframes.length > 0 && (
            <Alert color="yellow" title={t('flagged')}>
              {preview.flaggedTimeframes.map((f) => `${t('rows')} ${f.row}: “${f.text}”`).join(' · ')}
            </Alert>
          )}
          <Table striped data-testid="import-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rows')}</Table.Th>
                <Table.Th>TT</Table.Th>
                <Table.Th>{t('task')}</Table.Th>
                <Table.Th>{t('timeframe')}</Table.Th>
                <Table.Th>{t('lead')}</Table.Th>
                <Table.Th>{t('coordinating')}</Table.Th>
                <Table.Th ta="right">{t('budget')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.tasks.map((x) => (
                <Table.Tr key={x.number}>
                  <Table.Td>{x.rows.join(', ')}</Table.Td>
                  <Table.Td>{x.number}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{x.text}</Text>
                  </Table.Td>
                  <Table.Td>
                    {x.products.map((p, i) => (
                      <Text key={i} size="xs" component="div">
                        {p.timeframeText} →{' '}
                        {p.timeframe.due ? (
                          formatDate(p.timeframe.due)
                        ) : (
                          <PlanBadge size="xs" color={p.timeframe.kind === 'unknown' ? 'red' : 'gray'} data-testid="timeframe-kind">
                            {t(`kind.${p.timeframe.kind}`)}
                          </PlanBadge>
                        )}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{[...x.leadGroups, ...x.leadUnits.slice(0, 3).map((u) => u.name)].join('; ')}{x.leadUnits.length > 3 ? ` (+${x.leadUnits.length - 3})` : ''}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{[...x.coordinatingGroups, ...x.coordinatingUnits.slice(0, 3).map((u) => u.name)].join('; ')}{x.coordinatingUnits.length > 3 ? ` (+${x.coordinatingUnits.length - 3})` : ''}</Text>
                  </Table.Td>
                  <Table.Td ta="right" data-testid="import-budget">
                    {formatBudget(x.budgetMillion)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
