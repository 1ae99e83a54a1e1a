/**
 * Questionnaires (versions as a tree: elements → questions, scales → options; export, import with a check
 * first, clone, activate), campaigns with their progress against the sample, and the import of answers.
 */
import { Alert, Anchor, Button, Card, FileButton, Group, List, NumberInput, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../app/api';
import { DateField, LoadState, Tag, useLoad } from '../../app/components';
import { formatDate, formatNumber } from '../../app/format';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { UnitSelect } from '../dossiers/shared';
import type { QuestionnaireDef } from '../../../domain/surveys/questionnaire';

interface QRow {
  id: number;
  code: string;
  version: number;
  name: string;
  isSample: boolean;
  active: boolean;
  definition: QuestionnaireDef;
}
interface Campaign {
  id: number;
  name: string;
  unitId: number;
  procedureCode: string | null;
  opensOn: string;
  closesOn: string;
  sampleSize: number;
  answered: number;
  progress: number | null;
}

type RowErrors = { message: string; rows: { row: number; message: string }[] } | null;
const rowErrors = (e: unknown): RowErrors => ({ message: (e as Error).message, rows: e instanceof ApiError && Array.isArray(e.details?.errors) ? (e.details.errors as { row: number; message: string }[]) : [] });

function Errors({ error }: { error: RowErrors }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      <Text size="sm">{error.message}</Text>
      {error.rows.length > 0 && (
        <List size="sm">
          {error.rows.slice(0, 50).map((r, i) => (
            <List.Item key={i}>
              {r.row ? `Dòng ${r.row}: ` : ''}
              {r.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** A file checked first (dry run), then saved. */
function CheckThenSave({ url, label, testId, onSaved, describe }: { url: string; label: string; testId: string; onSaved(): void; describe(dry: Record<string, unknown>): string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [error, setError] = useState<RowErrors>(null);
  const [busy, setBusy] = useState(false);
  const send = async (f: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', f);
    setBusy(true);
    setError(null);
    try {
      const r = await api.upload<Record<string, unknown>>(`${url}${url.includes('?') ? '&' : '?'}dryRun=${dryRun}`, form);
      if (dryRun) setChecked(describe(r));
      else {
        setChecked(null);
        setFile(null);
        onSaved();
      }
    } catch (e) {
      setChecked(null);
      setError(rowErrors(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <Group>
        <FileButton
          onChange={(f) => {
            setFile(f);
            if (f) void send(f, true);
          }}
          accept=".xlsx,.csv"
        >
          {(props) => (
            <Button {...props} variant="light" loading={busy} data-testid={testId}>
              {label}
            </Button>
          )}
        </FileButton>
        {file && checked && (
          <Button onClick={() => send(file, false)} loading={busy} data-testid={`${testId}-save`}>
            {t('surveys.save')}
          </Button>
        )}
      </Group>
      {checked && (
        <Alert color="blue" data-testid={`${testId}-checked`}>
          {checked}
        </Alert>
      )}
      <Errors error={error} />
    </Stack>
  );
}

function Tree({ q }: { q: QRow }) {
  const { t } = useI18n();
  const d = q.definition;
  return (
    <List size="sm" data-testid={`q-tree-${q.id}`}>
      <List.Item>
        {t(`surveys.overall.${d.overall}`)} · {t('surveys.minSample')}: {formatNumber(d.minSample)}
      </List.Item>
      {d.elements.map((e) => (
        <List.Item key={e.key}>
          <Text span fw={600}>
            {e.name}
          </Text>{' '}
          <Text span size="xs" c="dimmed">
            ({t(`surveys.formula.${e.formula}`)})
          </Text>
          <List withPadding size="sm">
            {d.questions
              .filter((x) => x.element === e.key)
              .map((x) => (
                <List.Item key={x.id}>
                  {x.id}. {x.text}{' '}
                  <Text span size="xs" c="dimmed">
                    [{t(`surveys.kind.${x.kind}`)} · {d.scales.find((s) => s.key === x.scale)?.options.map((o) => `${o.value}=${o.weight}%`).join(', ')}]
                  </Text>
                </List.Item>
              ))}
          </List>
        </List.Item>
      ))}
    </List>
  );
}

interface PublicForm {
  questions: { id: string; text: string; required: boolean; options: { value: string; label: string }[] }[];
}

/** A paper form of a campaign entered by the unit's staff: the answers and the day it was filled in. */
function PaperForm({ campaign, onDone }: { campaign: Campaign; onDone(): void }) {
  const { t } = useI18n();
  const form = useLoad(() => api.get<PublicForm>(`/api/public/surveys/campaigns/${campaign.id}`), [campaign.id]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [day, setDay] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      await api.post(`/api/surveys/campaigns/${campaign.id}/responses`, { answeredOn: day, answers: Object.entries(values).map(([questionId, value]) => ({ questionId, value })) });
      setValues({});
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!form.data) return <LoadState loading={form.loading} error={form.error} />;
  return (
    <Stack gap="xs" data-testid={`paper-${campaign.id}`}>
      <DateField label={t('surveys.paper.day')} value={day} onChange={setDay} w={160} />
      {form.data.questions.map((q) => (
        <Group key={q.id} gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" w={360}>
            {q.id}. {q.text}
          </Text>
          <Group gap={4}>
            {q.options.map((o) => (
              <Button key={o.value} size="compact-xs" variant={values[q.id] === o.value ? 'filled' : 'default'} title={o.label} onClick={() => setValues((v) => ({ ...v, [q.id]: o.value }))}>
                {o.value}
              </Button>
            ))}
          </Group>
        </Group>
      ))}
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Button size="xs" onClick={save} disabled={!day}>
          {t('surveys.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function NewCampaign({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState<string | null>(null);
  const [procedureCode, setProcedure] = useState('');
  const [opensOn, setOpens] = useState<string | null>(null);
  const [closesOn, setCloses] = useState<string | null>(null);
  const [sampleSize, setSample] = useState<number | string>(100);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      await api.post('/api/surveys/campaigns', { name, unitId: Number(unit), procedureCode: procedureCode || null, opensOn, closesOn, sampleSize: Number(sampleSize) });
      setName('');
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('surveys.campaign.new')}</Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('surveys.campaign.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={280} />
          <UnitSelect value={unit} onChange={setUnit} />
          <TextInput label={t('surveys.campaign.procedure')} value={procedureCode} onChange={(e) => setProcedure(e.currentTarget.value)} w={180} />
          <DateField label={t('surveys.campaign.opens')} value={opensOn} onChange={setOpens} w={150} />
          <DateField label={t('surveys.campaign.closes')} value={closesOn} onChange={setCloses} w={150} />
          <NumberInput label={t('surveys.campaign.sample')} value={sampleSize} onChange={setSample} min={1} w={120} />
          <Button onClick={save} disabled={!name || !unit || !opensOn || !closesOn}>
            {t('surveys.save')}
          </Button>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Card>
  );
}

export function SurveysPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const manage = can('survey.manage');
  const data = useLoad(() => api.get<{ questionnaires: QRow[]; campaigns: Campaign[] }>('/api/surveys'), []);
  const [open, setOpen] = useState<number | null>(null);
  const [paper, setPaper] = useState<number | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const act = async (url: string) => {
    const r = await api.post<{ version: number }>(url, {});
    setMsg(t('surveys.qSaved').replace('{v}', String(r.version)));
    data.reload();
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('surveys.title')}</Title>
        <Anchor component={Link} to="/surveys/results">
          {t('surveys.results')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t('surveys.note')}
      </Text>
      <LoadState loading={data.loading && !data.data} error={data.error} />
      {msg && <Alert color="green">{msg}</Alert>}
      {data.data && (
        <>
          <Title order={4}>{t('surveys.questionnaires')}</Title>
          {manage && <CheckThenSave url="/api/surveys/questionnaires/import" label={t('surveys.import')} testId="import-questionnaire" onSaved={() => data.reload()} describe={(r) => `${String(r.name)} · ${(r.definition as QuestionnaireDef).questions.length} câu hỏi`} />}
          {data.data.questionnaires.map((q) => (
            <Card key={q.id} withBorder data-testid={`questionnaire-${q.id}`}>
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs">
                  <Anchor component="button" type="button" fw={600} onClick={() => setOpen(open === q.id ? null : q.id)}>
                    {q.name}
                  </Anchor>
                  <Tag variant="light">
                    {q.code} · {t('surveys.version')} {q.version}
                  </Tag>
                  {q.active && <Tag color="green">{t('surveys.active')}</Tag>}
                  {q.isSample && <Tag color="yellow">{t('surveys.sample')}</Tag>}
                </Group>
                <Group gap="xs">
                  <Button component="a" href={`/api/surveys/questionnaires/${q.id}.xlsx`} size="xs" variant="default">
                    {t('surveys.export')}
                  </Button>
                  {manage && (
                    <Button size="xs" variant="default" onClick={() => act(`/api/surveys/questionnaires/${q.id}/clone`)}>
                      {t('surveys.clone')}
                    </Button>
                  )}
                  {manage && !q.active && (
                    <Button size="xs" onClick={() => act(`/api/surveys/questionnaires/${q.id}/activate`)}>
                      {t('surveys.activate')}
                    </Button>
                  )}
                </Group>
              </Group>
              {(open === q.id || (open === null && q.active)) && <Tree q={q} />}
            </Card>
          ))}
          <Title order={4}>{t('surveys.campaigns')}</Title>
          {manage && <NewCampaign onDone={() => data.reload()} />}
          <Table withTableBorder fz="sm" data-testid="campaigns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.campaign.name')}</Table.Th>
                <Table.Th>{t('surveys.campaign.window')}</Table.Th>
                <Table.Th ta="right">{t('surveys.campaign.sample')}</Table.Th>
                <Table.Th>{t('surveys.campaign.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.campaigns.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>{t('surveys.campaign.none')}</Table.Td>
                </Table.Tr>
              )}
              {data.data.campaigns.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.name}
                    {c.procedureCode ? ` · ${c.procedureCode}` : ''}
                    {can('survey.enter', { unitId: c.unitId }) && (
                      <Anchor component="button" type="button" size="xs" ml="xs" onClick={() => setPaper(paper === c.id ? null : c.id)}>
                        {t('surveys.paper.enter')}
                      </Anchor>
                    )}
                    {paper === c.id && <PaperForm campaign={c} onDone={() => data.reload()} />}
                  </Table.Td>
                  <Table.Td>
                    {formatDate(c.opensOn)} – {formatDate(c.closesOn)}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(c.sampleSize)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={Math.min(100, c.progress ?? 0)} w={120} />
                      <Text size="xs">
                        {formatNumber(c.answered)}/{formatNumber(c.sampleSize)}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {manage && (
            <>
              <Title order={4}>{t('surveys.importAnswers')}</Title>
              <Text size="xs" c="dimmed">
                Mã hồ sơ | Mã đơn vị | Mã thủ tục | Ngày trả lời (dd/mm/yyyy) | mỗi câu hỏi một cột theo mã
              </Text>
              <CheckThenSave url="/api/surveys/import" label={t('surveys.importAnswers')} testId="import-answers" onSaved={() => setMsg(t('surveys.saved').replace('{n}', ''))} describe={(r) => t('surveys.checked').replace('{n}', formatNumber(Number(r.responses))).replace('{d}', formatNumber(Number(r.withDossier)))} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
