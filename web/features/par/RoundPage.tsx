/**
 * One round: every unit's progress, submission, appraisal and survey points; the administrator changes the
 * windows, assigns appraisers, reopens a unit, imports the survey points, approves and publishes.
 */
import { Alert, Anchor, Button, Card, FileButton, Group, List, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { DateField, EmptyRow, LoadState, Tag, useLoad } from '../../app/components';
import { formatDate, formatDateTime, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { StatusBadge } from './RoundsPage';
import type { RoundDetail, RoundUnit } from './types';

interface Problem {
  message: string;
  lines: string[];
}

function problemOf(e: unknown, t: (k: string) => string): Problem {
  const d = e instanceof ApiError ? e.details : undefined;
  const lines = [
    ...((d?.errors as { row: number; message: string }[]) ?? []).map((x) => `${t('row')} ${x.row}: ${x.message}`),
    ...((d?.missing as { unitName: string; problem: string }[]) ?? []).map((x) => `${x.unitName}: ${t(`missing.${x.problem}`)}`),
  ];
  return { message: (e as Error).message, lines };
}

function ProblemAlert({ p }: { p: Problem | null }) {
  if (!p) return null;
  return (
    <Alert color="red" title={p.message} role="alert">
      <List size="sm">
        {p.lines.slice(0, 40).map((l) => (
          <List.Item key={l}>{l}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function Windows({ r, onSaved }: { r: RoundDetail; onSaved(): void }) {
  const { t } = useI18n();
  const [w, setW] = useState({ selfFrom: r.selfFrom, selfTo: r.selfTo, appraisalFrom: r.appraisalFrom, appraisalTo: r.appraisalTo });
  const [error, setError] = useState<Problem | null>(null);
  const save = async () => {
    setError(null);
    try {
      await api.patch(`/api/par/rounds/${r.id}`, w);
      onSaved();
    } catch (e) {
      setError(problemOf(e, t));
    }
  };
  return (
    <Group align="end">
      <DateField label={t('selfFrom')} value={w.selfFrom} onChange={(v) => v && setW({ ...w, selfFrom: v })} w={130} />
      <DateField label={t('selfTo')} value={w.selfTo} onChange={(v) => v && setW({ ...w, selfTo: v })} w={130} />
      <DateField label={t('appraisalFrom')} value={w.appraisalFrom} onChange={(v) => v && setW({ ...w, appraisalFrom: v })} w={130} />
      <DateField label={t('appraisalTo')} value={w.appraisalTo} onChange={(v) => v && setW({ ...w, appraisalTo: v })} w={130} />
      <Button variant="light" onClick={save}>
        {t('save')}
      </Button>
      <ProblemAlert p={error} />
    </Group>
  );
}

function Reopen({ roundId, unit, onDone }: { roundId: number; unit: RoundUnit; onDone(): void }) {
  const { t } = useI18n();
  const [until, setUntil] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Problem | null>(null);
  const send = async () => {
    setError(null);
    try {
      await api.post(`/api/par/rounds/${roundId}/units/${unit.unitId}/reopen`, { until, reason });
      onDone();
    } catch (e) {
      setError(problemOf(e, t));
    }
  };
  return (
    <Card withBorder>
      <Text fw={600} size="sm">
        {t('reopenUnit')}: {unit.unitName}
      </Text>
      <Group align="end">
        <DateField label={t('reopenUntil')} value={until} onChange={setUntil} w={140} />
        <TextInput label={t('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={360} />
        <Button onClick={send} disabled={!until || !reason.trim()}>
          {t('reopen')}
        </Button>
      </Group>
      <ProblemAlert p={error} />
    </Card>
  );
}

function Survey({ roundId, onDone }: { roundId: number; onDone(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<{ code: string; unitName: string; raw: number; rawMax: number; score: number }[] | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const send = async (dryRun: boolean, f = file) => {
    if (!f) return;
    const form = new FormData();
    form.append('file', f);
    setError(null);
    try {
      const r = await api.upload<{ rows: NonNullable<typeof preview> }>(`/api/par/rounds/${roundId}/survey?dryRun=${dryRun}`, form);
      if (dryRun) setPreview(r.rows);
      else {
        setPreview(null);
        setFile(null);
        onDone();
      }
    } catch (e) {
      setPreview(null);
      setError(problemOf(e, t));
    }
  };
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={600}>{t('surveyImport')}</Text>
        <Anchor href={`/api/par/rounds/${roundId}/survey-template.xlsx`} size="sm">
          {t('downloadTemplate')}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed">
        {t('surveyHint')}
      </Text>
      <FileButton
        onChange={(f) => {
          setFile(f);
          void send(true, f);
        }}
        accept=".xlsx,.csv"
      >
        {(props) => (
          <Button {...props} variant="light" mt="xs" data-testid="survey-file">
            {t('chooseFile')}
          </Button>
        )}
      </FileButton>
      <ProblemAlert p={error} />
      {preview && (
        <Stack mt="xs">
          <Table fz="sm">
            <Table.Tbody>
              {preview.map((p) => (
                <Table.Tr key={p.code}>
                  <Table.Td>{p.unitName}</Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(p.raw, 2)} / {formatNumber(p.rawMax, 2)}
                  </Table.Td>
                  <Table.Td ta="right">→ {formatNumber(p.score, 2)}</Table.Td>
                </Table.Tr>
              ))}
              {preview.length === 0 && <EmptyRow columns={3} message={t('noSurveyRows')} />}
            </Table.Tbody>
          </Table>
          <Button onClick={() => send(false)}>{t('save')}</Button>
        </Stack>
      )}
    </Card>
  );
}

export function RoundPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { id } = useParams();
  const round = useLoad(() => api.get<RoundDetail>(`/api/par/rounds/${id}`), [id]);
  const [reopen, setReopen] = useState<RoundUnit | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const r = round.data;
  const admin = can('par.manage');
  const act = async (path: string) => {
    setError(null);
    try {
      await api.post(`/api/par/rounds/${id}/${path}`);
      round.reload();
    } catch (e) {
      setError(problemOf(e, t));
    }
  };
  const assign = async (unitId: number, appraiserId: string | null) => {
    setError(null);
    try {
      await api.put(`/api/par/rounds/${id}/units/${unitId}/appraiser`, { appraiserId: appraiserId ? Number(appraiserId) : null });
      round.reload();
    } catch (e) {
      setError(problemOf(e, t));
    }
  };
  return (
    <Stack>
      <LoadState loading={round.loading && !r} error={round.error} />
      {r && (
        <>
          <Group justify="space-between">
            <Group>
              <Title order={3}>{r.name}</Title>
              <StatusBadge status={r.status} />
            </Group>
            <Group>
              <Button component={Link} to={`/par/rounds/${r.id}/results`} variant="light">
                {t('results')}
              </Button>
              {admin && r.status === 'open' && <Button onClick={() => act('approve')}>{t('approveResults')}</Button>}
              {admin && r.status === 'approved' && (
                <Button color="green" onClick={() => act('publish')}>
                  {t('publish')}
                </Button>
              )}
            </Group>
          </Group>
          <Text size="sm">
            {t('selfWindow')}: {formatDate(r.selfFrom)} – {formatDate(r.selfTo)} · {t('appraisalWindow')}: {formatDate(r.appraisalFrom)} – {formatDate(r.appraisalTo)} ·{' '}
            {r.sets.map((s) => `${t(`type.${s.unitType}`)}: ${s.name} (v${s.version})`).join('; ')}
          </Text>
          <ProblemAlert p={error} />
          {admin && r.status === 'open' && <Windows r={r} onSaved={round.reload} />}
          <Table striped data-testid="round-units">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('unit')}</Table.Th>
                <Table.Th w={200}>{t('selfAssessment')}</Table.Th>
                <Table.Th>{t('submitted')}</Table.Th>
                <Table.Th>{t('appraisal')}</Table.Th>
                <Table.Th ta="right">{t('surveyPoints')}</Table.Th>
                <Table.Th>{t('appraiser')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/par/rounds/${r.id}/units/${u.unitId}`}>
                      {u.unitName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`type.${u.unitType}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Progress value={(u.progress.scored / Math.max(1, u.progress.total)) * 100} aria-label={t('progress')} />
                    <Text size="xs">
                      {u.progress.scored}/{u.progress.total}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {u.submittedAt ? <Tag color="green">{formatDateTime(u.submittedAt)}</Tag> : <Tag color="gray">{t('notSubmitted')}</Tag>}
                    {u.reopenedUntil && (
                      <Text size="xs" c="orange">
                        {t('reopenedUntil')} {formatDate(u.reopenedUntil)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {u.appraised.done}/{u.appraised.total}
                    {u.appraised.returned > 0 && (
                      <Tag ml={4} color="orange" size="xs">
                        {u.appraised.returned} {t('returnedItems')}
                      </Tag>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{u.surveyScore === null ? '—' : formatNumber(u.surveyScore, 2)}</Table.Td>
                  <Table.Td>
                    {admin && r.status === 'open' ? (
                      <Select size="xs" clearable data={r.appraisers.map((a) => ({ value: String(a.id), label: a.name }))} value={u.appraiserId ? String(u.appraiserId) : null} onChange={(v) => assign(u.unitId, v)} placeholder={t('anyAppraiser')} w={180} />
                    ) : (
                      (u.appraiserName ?? '')
                    )}
                  </Table.Td>
                  <Table.Td>
                    {admin && r.status === 'open' && (
                      <Button size="xs" variant="subtle" onClick={() => setReopen(u)}>
                        {t('reopen')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {r.units.length === 0 && <EmptyRow columns={7} message={t('noUnitsInRound')} />}
            </Table.Tbody>
          </Table>
          {reopen && (
            <Reopen
              roundId={r.id}
              unit={reopen}
              onDone={() => {
                setReopen(null);
                round.reload();
              }}
            />
          )}
          {admin && r.status === 'open' && <Survey roundId={r.id} onDone={round.reload} />}
        </>
      )}
    </Stack>
  );
}
