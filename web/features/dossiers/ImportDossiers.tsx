/** The administrator sends a file of dossier events (.csv / .xlsx) from a one-stop system that has no API link. */
import { Alert, Button, FileButton, Group } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { BulkImport } from './BulkImport';
import { RowErrors } from './RowErrors';

export function ImportDossiers({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ applied: number; duplicates: number[]; dossiers: number } | null>(null);
  const [error, setError] = useState<{ message: string; rows: { row: number; message: string }[] } | null>(null);
  const send = async (file: File | null) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      setDone(await api.upload('/api/dossiers/import', form));
      onDone();
    } catch (e) {
      const rows = e instanceof ApiError && Array.isArray(e.details?.errors) ? (e.details.errors as { row: number; message: string }[]) : [];
      setError({ message: (e as Error).message, rows });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Group align="flex-start">
        <FileButton onChange={send} accept=".csv,.xlsx" inputProps={{ 'data-testid': 'import-dossiers-input' } as React.ComponentProps<'input'>}>
          {(props) => (
            <Button {...props} loading={busy} variant="light" data-testid="import-dossiers">
              {t('importDossiers')}
            </Button>
          )}
        </FileButton>
        <BulkImport onDone={onDone} />
      </Group>
      {done && (
        <Alert color="green" data-testid="import-result">
          {t('importDossiersDone')}: {formatNumber(done.applied)} {t('events')}, {formatNumber(done.dossiers)} {t('dossierCount')}
          {done.duplicates.length ? ` · ${formatNumber(done.duplicates.length)} ${t('alreadyReceived')}` : ''}
        </Alert>
      )}
      {error && <RowErrors message={error.message} rows={error.rows} />}
    </>
  );
}
