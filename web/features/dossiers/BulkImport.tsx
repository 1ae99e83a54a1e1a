/**
 * The administrator imports a large CSV file of dossier events (a one-stop system's history): the upload's
 * progress, then the server's job polled each second — the whole file checked, then written in batches —
 * with a progress bar, the rate and the time left. A job still running is picked up when the page opens.
 */
import { Button, FileButton, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { ApiResult } from '../../app/apiTypes';
import type { ImportJobs } from '../../../server/modules/dossiers/importJobs';
import { RowErrors } from './RowErrors';

/** GET /api/dossiers/import/jobs/:id (the server's own type, dates and details as JSON carries them) */
type Job = ApiResult<ImportJobs['get']> & object;
type RowError = { row: number; message: string };

/** h:mm:ss */
const clock = (s: number) => {
  const r = Math.round(s);
  return `${Math.floor(r / 3600)}:${String(Math.floor((r % 3600) / 60)).padStart(2, '0')}:${String(r % 60).padStart(2, '0')}`;
};

export function BulkImport({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [sending, setSending] = useState<{ sent: number; total: number } | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<{ message: string; rows: RowError[] } | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const poll = (id: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(async () => {
      try {
        const j = await api.get<Job>(`/api/dossiers/import/jobs/${id}`);
        setJob(j);
        if (j.status === 'running') poll(id);
        else if (j.status === 'done') onDone();
      } catch {
        poll(id);
      }
    }, 1000);
  };
  useEffect(() => {
    // an import started earlier (on another visit) and still running
    api
      .get<Job[]>('/api/dossiers/import/jobs')
      .then((jobs) => {
        const running = jobs.find((j) => j.status === 'running');
        if (running) {
          setJob(running);
          poll(running.id);
        }
      })
      .catch(() => undefined);
    return () => window.clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const send = async (file: File | null) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setError(null);
    setJob(null);
    setSending({ sent: 0, total: file.size });
    try {
      const j = await api.uploadWithProgress<Job>('/api/dossiers/import/bulk', form, (sent, total) => setSending({ sent, total }));
      setJob(j);
      poll(j.id);
    } catch (e) {
      setError({ message: (e as Error).message, rows: e instanceof ApiError && Array.isArray(e.details?.errors) ? (e.details.errors as RowError[]) : [] });
    } finally {
      setSending(null);
    }
  };

  const p = job?.progress;
  const busy = sending !== null || job?.status === 'running';
  const value = sending ? (sending.sent / Math.max(1, sending.total)) * 100 : !p ? 0 : p.phase === 'checking' ? (p.bytesRead / Math.max(1, p.totalBytes)) * 100 : (p.written / Math.max(1, p.rows)) * 100;
  const label = sending ? t('bulkSending') : !p ? t('bulkChecking') : p.phase === 'checking' ? t('bulkChecking') : p.phase === 'writing' ? t('bulkWriting') : p.phase === 'done' ? t('bulkDone') : t('bulkFailed');
  const failure = error ?? (job?.status === 'failed' && job.error ? { message: job.error.message, rows: (job.error.details.errors ?? []) as RowError[] } : null);
  return (
    <Stack gap="xs">
      <FileButton onChange={send} accept=".csv" inputProps={{ 'data-testid': 'bulk-import-input' } as React.ComponentProps<'input'>}>
        {(props) => (
          <Button {...props} loading={busy} variant="default" data-testid="bulk-import">
            {t('bulkImport')}
          </Button>
        )}
      </FileButton>
      {(sending || job) && (
        <div data-testid="bulk-progress">
          <Text size="sm" fw={500}>
            {label}
            {job ? ` — ${job.fileName}` : ''}
          </Text>
          <Progress value={value} animated={busy} color={job?.status === 'failed' ? 'red' : job?.status === 'done' ? 'green' : 'blue'} aria-label={label} />
          <Text size="xs" c="dimmed" data-testid="bulk-progress-text">
            {sending
              ? `${formatNumber(sending.sent / 1048576, 1)} / ${formatNumber(sending.total / 1048576, 1)} MB`
              : p?.phase === 'checking'
                ? `${formatNumber(p.bytesRead / 1048576, 1)} / ${formatNumber(p.totalBytes / 1048576, 1)} MB · ${formatNumber(p.rows)} ${t('bulkRows')}`
                : p
                  ? `${formatNumber(p.written)} ${t('bulkOf')} ${formatNumber(p.rows)} ${t('bulkEvents')} · ${formatNumber(p.eventsPerSecond)} ${t('bulkPerSecond')}${p.phase === 'writing' && p.etaSeconds !== null ? ` · ${t('bulkLeft')} ${clock(p.etaSeconds)}` : ''}${p.duplicates ? ` · ${formatNumber(p.duplicates)} ${t('alreadyReceived')}` : ''}`
                  : ''}
          </Text>
          {busy && (
            <Text size="xs" c="dimmed">
              {t('bulkHint')}
            </Text>
          )}
        </div>
      )}
      {failure && <RowErrors message={failure.message} rows={failure.rows} testId="bulk-error" />}
    </Stack>
  );
}
