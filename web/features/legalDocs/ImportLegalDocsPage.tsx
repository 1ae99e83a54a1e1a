/** Import of the register from a file: a preview with the rows' errors and warnings, then an all-or-nothing save. */
import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../app/api';
import { ErrorAlert } from '../../app/components';
import { formatDate, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { StatusBadge, WHOLE_WORDS } from './look';
import type { Kind, LegalStatus } from './types';

interface Preview {
  documents: {
    row: number;
    symbol: string;
    kind: Kind;
    issuer: string;
    issuerUnit: { id: number; name: string } | null;
    title: string;
    field: string;
    signedOn: string;
    effectiveOn: string;
    expiredOn: string | null;
    status: LegalStatus;
    lead: string | null;
    exists: boolean;
  }[];
  errors: { row: number; column: string; message: string }[];
  warnings: { row: number; message: string }[];
  summary: { total: number; created: number; updated: number; resolution: number; decision: number };
  canSave: boolean;
}

export function ImportLegalDocsPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Preview['summary'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('file', file);
    try {
      const r = await api.upload<Preview>(`/api/legal-documents/import${dryRun ? '?dryRun=true' : ''}`, form);
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
        <Title order={3}>{t('ld.importTitle')}</Title>
        <Group>
          <Button component="a" href="/api/legal-documents/template.xlsx" variant="subtle">
            {t('ld.template')}
          </Button>
          <Anchor component={Link} to="/legal-documents">
            {t('ld.back')}
          </Anchor>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <FileInput label={t('ld.file')} value={file} onChange={(f) => { setFile(f); setPreview(null); setDone(null); }} accept=".xlsx,.csv" clearable w={420} data-testid="ld-import-file" />
          <Button onClick={() => run(true)} disabled={!file} loading={busy}>
            {t('ld.preview')}
          </Button>
          {preview?.canSave && (
            <Button color="green" onClick={() => run(false)} loading={busy} data-testid="ld-import-save">
              {t('ld.saveImport')}
            </Button>
          )}
        </Group>
      </Paper>
      <ErrorAlert error={error} />
      {done && (
        <Alert color="green" data-testid="ld-import-done">
          {t('ld.importDone')}: {formatNumber(done.total)} {t('ld.count')} ({formatNumber(done.created)} {t('ld.created')}, {formatNumber(done.updated)} {t('ld.updated')}).{' '}
          <Anchor component={Link} to="/legal-documents">
            {t('ld.title')}
          </Anchor>
        </Alert>
      )}
      {preview && (
        <>
          <Alert color={preview.canSave ? 'green' : 'orange'} data-testid="ld-import-status">
            {preview.canSave ? t('ld.canSave') : t('ld.nothingSaved')} — {formatNumber(preview.summary.total)} {t('ld.count')} ({formatNumber(preview.summary.resolution)} {t('ld.resolutions')}, {formatNumber(preview.summary.decision)} {t('ld.decisions')}; {formatNumber(preview.summary.created)} {t('ld.created')}, {formatNumber(preview.summary.updated)} {t('ld.updated')})
          </Alert>
          {preview.errors.length > 0 && (
            <Paper withBorder p="sm" data-testid="ld-import-errors">
              <Title order={5} c="red">
                {t('ld.errors')} ({preview.errors.length})
              </Title>
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('ld.row')}</Table.Th>
                    <Table.Th w={180}>{t('ld.column')}</Table.Th>
                    <Table.Th>{t('ld.errors')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.errors.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{e.row || ''}</Table.Td>
                      <Table.Td>{t(`ld.col.${e.column}`)}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          {preview.warnings.length > 0 && (
            <Paper withBorder p="sm" data-testid="ld-import-warnings">
              <Title order={5} c="orange">
                {t('ld.warnings')} ({preview.warnings.length})
              </Title>
              {preview.warnings.map((w, i) => (
                <Text key={i} size="sm">
                  {t('ld.row')} {w.row}: {w.message}
                </Text>
              ))}
            </Paper>
          )}
          <Table striped fz="sm" data-testid="ld-import-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ld.row')}</Table.Th>
                <Table.Th>{t('ld.symbol')}</Table.Th>
                <Table.Th>{t('ld.issuer')}</Table.Th>
                <Table.Th>{t('ld.docTitle')}</Table.Th>
                <Table.Th>{t('ld.signedOn')}</Table.Th>
                <Table.Th>{t('ld.effectiveOn')}</Table.Th>
                <Table.Th>{t('ld.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.documents.map((d) => (
                <Table.Tr key={d.row}>
                  <Table.Td>{d.row}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {d.symbol}
                    <Text size="xs" c="dimmed">
                      {t(`ld.kind.${d.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {d.issuer}
                    {d.issuerUnit && (
                      <Text size="xs" c="dimmed">
                        {d.issuerUnit.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{d.title}</Table.Td>
                  <Table.Td>{formatDate(d.signedOn)}</Table.Td>
                  <Table.Td>{formatDate(d.effectiveOn)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={d.status} />
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="outline" color={d.exists ? 'blue' : 'green'} styles={WHOLE_WORDS}>
                      {d.exists ? t('ld.exists') : t('ld.isNew')}
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
