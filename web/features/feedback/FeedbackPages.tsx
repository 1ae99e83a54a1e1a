/** The staff's feedback screens: the desk / unit inbox sorted by time left, intake by staff, the item page with its timeline and actions, the figures. */
import { Alert, Anchor, Button, Card, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { DateField, EmptyRow, LoadState, Tag, useLoad } from '../../app/components';
import { formatDateTime, formatNumber, formatPercent, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';

interface Row {
  id: number;
  code: string;
  channel: string;
  state: string;
  field: string | null;
  unit: string | null;
  summary: string;
  receivedAt: string;
  deadline: string | null;
  stopped: boolean;
  leftText: string | null;
  overdue: boolean;
}
interface UnitAsOf {
  id: number;
  name: string;
}

const CHANNELS = ['hotline', 'letter', 'email', 'portal', 'direct', 'web'];
const useUnits = () => useLoad(() => api.get<UnitAsOf[]>(`/api/org-units?asOf=${todayVn()}`), []);

export function FeedbackInboxPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const [intake, setIntake] = useState(false);
  const state = params.get('state') ?? 'open';
  const overdue = params.get('overdue') === 'true';
  const sort = params.get('sort') ?? 'left';
  const q = new URLSearchParams({ ...(state !== 'all' ? { state } : {}), ...(overdue ? { overdue: 'true' } : {}), sort, ...(params.get('unit') ? { unit: params.get('unit')! } : {}), ...(params.get('from') ? { from: params.get('from')! } : {}), ...(params.get('to') ? { to: params.get('to')! } : {}) }).toString();
  const data = useLoad(() => api.get<{ total: number; items: Row[] }>(`/api/feedback?${q}&limit=200`), [q]);
  const set = (k: string, v: string | null) => {
    const p = new URLSearchParams(params);
    if (v === null) p.delete(k);
    else p.set(k, v);
    setParams(p, { replace: true });
  };
  const canIntake = user && ['admin', 'unit_officer', 'unit_head'].includes(user.role);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('fb.inbox')}</Title>
        <Group>
          <Anchor component={Link} to="/feedback/figures">{t('fb.figures')}</Anchor>
          <Button component="a" href={`/api/feedback.xlsx?${q}`} variant="light" data-testid="fb-export">{t('fb.export')}</Button>
          {canIntake && <Button onClick={() => setIntake(true)} data-testid="fb-new">{t('fb.new')}</Button>}
        </Group>
      </Group>
      <Group align="end">
        <Select label={t('fbState')} value={state} onChange={(v) => set('state', v)} w={240} data={[{ value: 'open', label: t('fb.open') }, { value: 'all', label: t('fb.all') }, ...['received', 'assigned', 'info_requested', 'answered', 'approved', 'published', 'refused', 'forwarded_outside', 'forwarded_conduct'].map((s) => ({ value: s, label: t(`fbstate.${s}`) }))]} data-testid="fb-filter-state" />
        <Select label=" " value={sort} onChange={(v) => set('sort', v)} w={220} data={[{ value: 'left', label: t('fb.sortLeft') }, { value: 'received', label: t('fb.sortReceived') }]} />
        <Checkbox label={t('fb.overdueOnly')} checked={overdue} onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : null)} mb={8} data-testid="fb-filter-overdue" />
      </Group>
      <LoadState loading={data.loading && !data.data} error={data.error} />
      <Text size="sm" c="dimmed">{formatNumber(data.data?.total ?? 0)} {t('fb.count')}</Text>
      <Table.ScrollContainer minWidth={700}>
        <Table striped highlightOnHover fz="sm" data-testid="fb-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fb.code')}</Table.Th>
              <Table.Th>{t('fbState')}</Table.Th>
              <Table.Th>{t('fb.unit')}</Table.Th>
              <Table.Th>{t('fb.deadline')}</Table.Th>
              <Table.Th>{t('fb.left')}</Table.Th>
              <Table.Th>{t('fbContent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.data?.items.length === 0 && <EmptyRow columns={6} message={t('fb.none')} />}
            {data.data?.items.map((r) => (
              <Table.Tr key={r.id} data-testid="fb-row">
                <Table.Td>
                  <Anchor component={Link} to={`/feedback/${r.id}`} size="sm">{r.code}</Anchor>
                  <Text size="xs" c="dimmed">{t(`fb.channel.${r.channel}`)} · {formatDateTime(r.receivedAt)}</Text>
                </Table.Td>
                <Table.Td><Tag variant="light">{t(`fbstate.${r.state}`)}</Tag></Table.Td>
                <Table.Td>{r.unit ?? t('fb.atDesk')}</Table.Td>
                <Table.Td>{r.deadline ? formatDateTime(r.deadline) : r.stopped ? t('fb.stoppedShort') : ''}</Table.Td>
                <Table.Td>
                  {r.overdue ? <Tag color="red">{r.leftText}</Tag> : r.stopped ? <Tag color="gray">{t('fb.stoppedShort')} ({r.leftText})</Tag> : r.leftText}
                </Table.Td>
                <Table.Td style={{ maxWidth: 360 }}><Text size="sm" lineClamp={2}>{r.summary}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={intake} onClose={() => setIntake(false)} title={t('fb.new')} size="lg">
        <IntakeForm onDone={() => { setIntake(false); data.reload(); }} />
      </Modal>
    </Stack>
  );
}

function IntakeForm({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ channel: 'hotline', name: '', phone: '', email: '', address: '', content: '', field: '', dossierCode: '', receivedAt: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const save = async () => {
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x.trim() !== '')) as Record<string, string>;
      if (body.receivedAt) body.receivedAt = `${body.receivedAt}:00+07:00`;
      await api.post('/api/feedback', body);
      onDone();
    } catch (x) {
      setError((x as Error).message);
    }
  };
  return (
    <Stack gap="xs">
      <Select label={t('fb.channel')} data={CHANNELS.map((c) => ({ value: c, label: t(`fb.channel.${c}`) }))} value={v.channel} onChange={(c) => c && setV({ ...v, channel: c })} />
      <TextInput label={t('fbName')} required value={v.name} onChange={set('name')} data-testid="fbi-name" />
      <Group grow>
        <TextInput label={t('fbPhone')} value={v.phone} onChange={set('phone')} data-testid="fbi-phone" />
        <TextInput label={t('fbEmail')} value={v.email} onChange={set('email')} />
      </Group>
      <TextInput label={t('fbAddress')} required value={v.address} onChange={set('address')} data-testid="fbi-address" />
      <Textarea label={t('fbContent')} required value={v.content} onChange={set('content')} autosize minRows={4} data-testid="fbi-content" />
      <Group grow>
        <TextInput label={t('fb.field')} value={v.field} onChange={set('field')} />
        <TextInput label={t('fbDossier')} value={v.dossierCode} onChange={set('dossierCode')} />
      </Group>
      <TextInput label={t('fb.receivedAtInput')} type="datetime-local" value={v.receivedAt} onChange={set('receivedAt')} />
      {error && <Alert color="red">{error}</Alert>}
      <Button onClick={save} data-testid="fbi-save">{t('fb.new')}</Button>
    </Stack>
  );
}

interface Detail extends Row {
  name: string;
  phone: string | null;
  email: string | null;
  address: string;
  content: string;
  usedMinutes: number;
  question: string | null;
  answer: string | null;
  rating: string | null;
  suggestedUnit: string | null;
  dossierCode: string | null;
  procedureCode: string | null;
  actions: string[];
  files: { id: number; fileName: string; size: number }[];
  timeline: { kind: string; at: string; actor: string; fromUnit: string | null; toUnit: string | null; note: string | null }[];
}

export function FeedbackItemPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const data = useLoad(() => api.get<Detail>(`/api/feedback/${id}`), [id]);
  const d = data.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} data-testid="fbd-code">{d?.code ?? ''}</Title>
        <Anchor component={Link} to="/feedback">← {t('fb.inbox')}</Anchor>
      </Group>
      <LoadState loading={data.loading && !d} error={data.error} />
      {d && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack>
            <Card withBorder>
              <Stack gap={6}>
                <Group gap="xs">
                  <Tag size="lg" variant="light" data-testid="fbd-state">{t(`fbstate.${d.state}`)}</Tag>
                  {d.overdue && <Tag color="red">{t('fb.overdue')}</Tag>}
                </Group>
                <Text size="sm">{t('fb.unit')}: {d.unit ?? t('fb.atDesk')}{d.suggestedUnit ? ` (${t('fbUnit')}: ${d.suggestedUnit})` : ''}</Text>
                <Text size="sm">{t('fb.channel')}: {t(`fb.channel.${d.channel}`)} · {formatDateTime(d.receivedAt)}</Text>
                {d.deadline && <Text size="sm" fw={600} data-testid="fbd-deadline">{t('fb.deadline')}: {formatDateTime(d.deadline)} — {d.leftText}</Text>}
                {d.stopped && <Text size="sm" c="orange" data-testid="fbd-stopped">{t('fbStopped')} ({d.leftText})</Text>}
                {d.field && <Text size="sm">{t('fb.field')}: {d.field}</Text>}
                {d.dossierCode && <Text size="sm">{t('fbDossier')}: {d.dossierCode}</Text>}
                {d.rating && <Text size="sm">{t('fb.rating')}: {t(`fb.rating.${d.rating}`)}</Text>}
              </Stack>
            </Card>
            <Card withBorder>
              <Text fw={600}>{t('fb.sender')}</Text>
              <Text size="sm">{d.name} · {[d.phone, d.email].filter(Boolean).join(' · ')}</Text>
              <Text size="sm" c="dimmed">{d.address}</Text>
              <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="fbd-content">{d.content}</Text>
              {d.files.map((f) => (
                <Anchor key={f.id} href={`/api/feedback/${d.id}/files/${f.id}`} size="sm" display="block">{f.fileName}</Anchor>
              ))}
            </Card>
            {d.question && <Alert color="yellow" title={t('fb.question.current')}>{d.question}</Alert>}
            {d.answer && (
              <Card withBorder>
                <Text fw={600}>{t('fbAnswer')}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="fbd-answer">{d.answer}</Text>
              </Card>
            )}
            <Actions item={d} onDone={data.reload} />
          </Stack>
          <Card withBorder>
            <Text fw={600} mb="xs">{t('fb.timeline')}</Text>
            <Timeline active={d.timeline.length - 1} bulletSize={14} data-testid="fbd-timeline">
              {d.timeline.map((e, i) => (
                <Timeline.Item key={i} title={t(`fbevent.${e.kind}`)}>
                  <Text size="xs" c="dimmed">{formatDateTime(e.at)} · {e.actor}{e.toUnit && e.toUnit !== e.fromUnit ? ` → ${e.toUnit}` : ''}</Text>
                  {e.note && <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Actions({ item, onDone }: { item: Detail; onDone(): void }) {
  const { t } = useI18n();
  const units = useUnits();
  const [open, setOpen] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string>('within');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const a = new Set(item.actions);
  const run = async (path: string, body: object) => {
    setError(null);
    try {
      await api.post(`/api/feedback/${item.id}/${path}`, body);
      setOpen(null);
      setText('');
      onDone();
    } catch (x) {
      setError((x as Error).message);
    }
  };
  const unitSelect = <Select label={t('fb.unit')} searchable data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))} value={unitId} onChange={setUnitId} data-testid="fba-unit" />;
  const note = (label: string) => <Textarea label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} data-testid="fba-text" />;
  const forms: Record<string, { title: string; body: ReactNode; submit(): void }> = {
    classify: {
      title: t('fb.classify'),
      body: (
        <>
          <Select label={t('fb.kind')} value={kind} onChange={(v) => v && setKind(v)} data={['within', 'outside', 'conduct', 'refused'].map((k) => ({ value: k, label: t(`fb.kind.${k}`) }))} data-testid="fba-kind" />
          {kind === 'within' && unitSelect}
          {note(t('fb.reason'))}
        </>
      ),
      submit: () => run('classify', { kind, ...(kind === 'within' ? { unitId: Number(unitId) } : {}), ...(text.trim() ? { reason: text } : {}) }),
    },
    transfer: { title: t('fb.transfer'), body: <>{unitSelect}{note(t('fb.reason'))}</>, submit: () => run('transfer', { unitId: Number(unitId), reason: text }) },
    'request-info': { title: t('fb.requestInfo'), body: note(t('fb.question')), submit: () => run('request-info', { question: text }) },
    'info-received': { title: t('fb.infoReceived'), body: note(t('fb.infoText')), submit: () => run('info-received', { text }) },
    answer: { title: t('fb.answer'), body: note(t('fb.answerText')), submit: () => run('answer', { answer: text }) },
    return: { title: t('fb.return'), body: note(t('fb.reason')), submit: () => run('approve', { decision: 'return', reason: text }) },
  };
  const buttons: [string, string, () => void][] = [];
  if (a.has('accepted') || a.has('refused')) buttons.push(['classify', t('fb.classify'), () => setOpen('classify')]);
  if (a.has('transferred')) buttons.push(['transfer', t('fb.transfer'), () => setOpen('transfer')]);
  if (a.has('info_requested')) buttons.push(['request-info', t('fb.requestInfo'), () => setOpen('request-info')]);
  if (a.has('info_received')) buttons.push(['info-received', t('fb.infoReceived'), () => setOpen('info-received')]);
  if (a.has('answered')) buttons.push(['answer', t('fb.answer'), () => setOpen('answer')]);
  if (a.has('approved')) buttons.push(['approve', t('fb.approve'), () => void run('approve', {})]);
  if (a.has('answer_returned')) buttons.push(['return', t('fb.return'), () => setOpen('return')]);
  if (a.has('published')) buttons.push(['publish', t('fb.publish'), () => void run('publish', {})]);
  if (buttons.length === 0) return null;
  const f = open ? forms[open] : null;
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">{t('fb.actions')}</Text>
      <Group>
        {buttons.map(([k, label, go]) => (
          <Button key={k} variant={open === k ? 'filled' : 'light'} onClick={go} data-testid={`fba-${k}`}>{label}</Button>
        ))}
      </Group>
      {f && (
        <Stack gap="xs" mt="sm">
          {f.body}
          <Button onClick={f.submit} data-testid="fba-submit">{f.title}</Button>
        </Stack>
      )}
      {error && <Alert color="red" mt="xs" role="alert">{error}</Alert>}
    </Card>
  );
}

interface Stats {
  received: number;
  onTime: number;
  late: number;
  openOnTime: number;
  openLate: number;
  onTimeRate: number | null;
  byChannel: { key: string; n: number }[];
  byField: { key: string; n: number }[];
  byUnit: { key: number; n: number }[];
}

export function FeedbackFiguresPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = todayVn().slice(0, 4);
  const from = params.get('from') ?? `${year}-01-01`;
  const to = params.get('to') ?? todayVn();
  const unit = params.get('unit');
  const q = new URLSearchParams({ from, to, ...(unit ? { unit } : {}) }).toString();
  const data = useLoad(() => api.get<Stats>(`/api/feedback/stats?${q}`), [q]);
  const units = useUnits();
  const name = (id: number) => (id === 0 ? t('fb.noUnit') : (units.data?.find((u) => u.id === id)?.name ?? String(id)));
  const set = (k: string, v: string | null) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
  };
  const s = data.data;
  const box = (label: string, value: string, link?: string, testId?: string) => (
    <Card withBorder key={label}>
      <Text size="xs" c="dimmed">{label}</Text>
      {link ? <Anchor component={Link} to={link} fz="xl" fw={700} data-testid={testId}>{value}</Anchor> : <Text fz="xl" fw={700} data-testid={testId}>{value}</Text>}
    </Card>
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('fb.figures')}</Title>
        <Anchor component={Link} to="/feedback">← {t('fb.inbox')}</Anchor>
      </Group>
      <Group align="end">
        <DateField label={t('fb.from')} value={from} onChange={(v) => v && set('from', v)} w={150} />
        <DateField label={t('fb.to')} value={to} onChange={(v) => v && set('to', v)} w={150} />
        <Select label={t('fb.unit')} clearable searchable w={280} data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))} value={unit} onChange={(v) => set('unit', v)} />
      </Group>
      <LoadState loading={data.loading && !s} error={data.error} />
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
            {box(t('fb.received'), formatNumber(s.received), `/feedback?${new URLSearchParams({ state: 'all', sort: 'received', from, to, ...(unit ? { unit } : {}) })}`, 'fbs-received')}
            {box(t('fb.onTime'), formatNumber(s.onTime))}
            {box(t('fb.late'), formatNumber(s.late))}
            {box(t('fb.openOnTime'), formatNumber(s.openOnTime), '/feedback?state=open')}
            {box(t('fb.openLate'), formatNumber(s.openLate), '/feedback?state=open&overdue=true', 'fbs-open-late')}
            {box(t('fb.onTimeRate'), s.onTimeRate === null ? '—' : formatPercent(s.onTimeRate * 100), undefined, 'fbs-rate')}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {([['fb.byChannel', s.byChannel.map((r) => [t(`fb.channel.${r.key}`), r.n])], ['fb.byField', s.byField.map((r) => [r.key || '—', r.n])], ['fb.byUnit', s.byUnit.map((r) => [name(r.key), r.n])]] as [string, [string, number][]][]).map(([title, rows]) => (
              <Card withBorder key={title}>
                <Text fw={600}>{t(title)}</Text>
                <Table fz="sm">
                  <Table.Tbody>
                    {rows.map(([k, n]) => (
                      <Table.Tr key={k}><Table.Td>{k}</Table.Td><Table.Td ta="right">{formatNumber(n)}</Table.Td></Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
