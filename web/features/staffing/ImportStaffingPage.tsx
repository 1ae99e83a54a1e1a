/** Import of the staffing register, one table per file: figures, schemes or recruitment; preview, then save. */
import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatPercentVi } from '../../../domain/numbers/rate';
import { ApiError, api } from '../../app/api';
import { ErrorAlert } from '../../app/components';
import { formatDate, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { Figure, StaffKind } from './types';

type Sheet = 'figures' | 'schemes' | 'recruitment';
const BASE: Record<Sheet, string> = { figures: '/api/staffing', schemes: '/api/staffing/schemes', recruitment: '/api/staffing/recruitment' };

interface Unit {
  id: number;
  code: string;
  name: string;
}

interface Preview {
  sheet: Sheet;
  rows: ({ row: number; unit: Unit; exists: boolean } & Partial<{ year: number; civilServants: Figure; publicEmployees: Figure; kind: StaffKind; decisionNumber: string; decisionDate: string; title: string | null; count: number; reference: string | null; decidedOn: string | null }>)[];
  errors: { row: number; column: string; message: string }[];
  summary: { total: number; created: number; updated: number };
  canSave: boolean;
}

/** Badge styles that size to the words and wrap them: never "M…". */
const WHOLE_WORDS = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', overflow: 'visible', flexShrink: 0, paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
} as const;

const n = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatNumber(x));

export function ImportStaffingPage() {
  const { t } = useI18n();
  const [sheet, setSheet] = useState<Sheet>('figures');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Preview['summary'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reset = () => {
    setPreview(null);
    setDone(null);
    setError(null);
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('file', file);
    try {
      const r = await api.upload<Preview>(`${BASE[sheet]}/import${dryRun ? '?dryRun=true' : ''}`, form);
      if (dryRun) setPreview(r);
      else {
        setDone(r.summary);
        setPreview(null);
        setFile(null);
      }
    } catch (e) {
      setError((e as Error).message);
      const errors = e instanceof ApiError ? (e.details?.errors as Preview['errors'] | undefined) : undefined;
      if (errors && preview) setPreview({ ...preview, errors, canSave: false });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('st.importTitle')}</Title>
        <Anchor component={Link} to="/staffing">
          {t('st.back')}
        </Anchor>
      </Group>
      <Paper withBorder p="sm">
        <Stack>
          <Group>
            <SegmentedControl
              value={sheet}
              onChange={(v) => {
                setSheet(v as Sheet);
                reset();
              }}
              data={(['figures', 'schemes', 'recruitment'] as const).map((s) => ({ value: s, label: t(`st.sheet.${s}`) }))}
              data-testid="st-import-sheet"
            />
            <Button component="a" href={`${BASE[sheet]}/template.xlsx`} variant="subtle">
              {t('st.template')}
            </Button>
          </Group>
          <Group align="flex-end">
            <FileInput label={t('st.file')} value={file} onChange={(f) => { setFile(f); reset(); }} accept=".xlsx,.csv" clearable w={420} data-testid="st-import-file" />
            <Button onClick={() => run(true)} disabled={!file} loading={busy}>
              {t('st.preview')}
            </Button>
            {preview?.canSave && (
              <Button color="green" onClick={() => run(false)} loading={busy} data-testid="st-import-save">
                {t('st.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={error} />
      {done && (
        <Alert color="green" data-testid="st-import-done">
          {t('st.done')}: {formatNumber(done.total)} ({formatNumber(done.created)} {t('st.created')}, {formatNumber(done.updated)} {t('st.updated')}).
        </Alert>
      )}
      {preview && (
        <>
          <Alert color={preview.canSave ? 'green' : 'orange'} data-testid="st-import-status">
            {preview.canSave ? t('st.canSave') : t('st.nothingSaved')} — {formatNumber(preview.summary.total)} ({formatNumber(preview.summary.created)} {t('st.created')}, {formatNumber(preview.summary.updated)} {t('st.updated')})
          </Alert>
          {preview.errors.length > 0 && (
            <Paper withBorder p="sm" data-testid="st-import-errors">
              <Title order={5} c="red">
                {t('st.errors')} ({preview.errors.length})
              </Title>
              <Table fz="sm">
                <Table.Tbody>
                  {preview.errors.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td w={80}>
                        {t('st.row')} {e.row || ''}
                      </Table.Td>
                      <Table.Td w={220}>{t(`st.col.${e.column}`)}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          <Table striped fz="sm" data-testid="st-import-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('st.row')}</Table.Th>
                <Table.Th>{t('st.unit')}</Table.Th>
                {preview.sheet === 'figures' && (
                  <>
                    <Table.Th>{t('st.year')}</Table.Th>
                    <Table.Th ta="right">{t('st.civil')}: {t('st.assigned').toLowerCase()} / {t('st.present').toLowerCase()}</Table.Th>
                    <Table.Th ta="right">{t('st.rate')}</Table.Th>
                    <Table.Th ta="right">{t('st.public')}: {t('st.assigned').toLowerCase()} / {t('st.present').toLowerCase()}</Table.Th>
                    <Table.Th ta="right">{t('st.rate')}</Table.Th>
                  </>
                )}
                {preview.sheet === 'schemes' && (
                  <>
                    <Table.Th>{t('st.kind')}</Table.Th>
                    <Table.Th>{t('st.decision')}</Table.Th>
                    <Table.Th>{t('st.decisionDate')}</Table.Th>
                  </>
                )}
                {preview.sheet === 'recruitment' && (
                  <>
                    <Table.Th>{t('st.year')}</Table.Th>
                    <Table.Th>{t('st.kind')}</Table.Th>
                    <Table.Th ta="right">{t('st.count')}</Table.Th>
                    <Table.Th>{t('st.reference')}</Table.Th>
                  </>
                )}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>
                    {r.unit.name}{' '}
                    <Text span size="xs" c="dimmed">
                      {r.unit.code}
                    </Text>
                  </Table.Td>
                  {preview.sheet === 'figures' && (
                    <>
                      <Table.Td>{r.year}</Table.Td>
                      <Table.Td ta="right">
                        {n(r.civilServants?.assigned)} / {n(r.civilServants?.present)}
                      </Table.Td>
                      <Table.Td ta="right">{formatPercentVi(r.civilServants?.reductionRate ?? null)}{r.civilServants?.rateBasis && <Text size="xs" c="dimmed">{t(`st.basis.${r.civilServants.rateBasis}`)}</Text>}</Table.Td>
                      <Table.Td ta="right">
                        {n(r.publicEmployees?.assigned)} / {n(r.publicEmployees?.present)}
                      </Table.Td>
                      <Table.Td ta="right">{formatPercentVi(r.publicEmployees?.reductionRate ?? null)}{r.publicEmployees?.rateBasis && <Text size="xs" c="dimmed">{t(`st.basis.${r.publicEmployees.rateBasis}`)}</Text>}</Table.Td>
                    </>
                  )}
                  {preview.sheet === 'schemes' && (
                    <>
                      <Table.Td>{r.kind && t(`st.kind.${r.kind}`)}</Table.Td>
                      <Table.Td>{r.decisionNumber}</Table.Td>
                      <Table.Td>{formatDate(r.decisionDate)}</Table.Td>
                    </>
                  )}
                  {preview.sheet === 'recruitment' && (
                    <>
                      <Table.Td>{r.year}</Table.Td>
                      <Table.Td>{r.kind && t(`st.kind.${r.kind}`)}</Table.Td>
                      <Table.Td ta="right">{n(r.count)}</Table.Td>
                      <Table.Td>{r.reference}</Table.Td>
                    </>
                  )}
                  <Table.Td>
                    <Badge size="sm" variant="outline" color={r.exists ? 'blue' : 'green'} styles={WHOLE_WORDS}>
                      {r.exists ? t('st.exists') : t('st.isNew')}
                    </Badge>
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
