/** The citizen's feedback pages, phone first: the form with its receipt, tracking by code (add information, rate), published answers. */
import { Alert, Anchor, Button, Card, Container, FileInput, Group, Select, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { LanguageSwitch, Tag } from '../../app/components';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';

const CODE = /^PAKN\.\d{8}\.\d{4,}$/;

function Frame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Container size={560} py="md" px="sm">
      <Stack>
        <Group justify="space-between" wrap="nowrap">
          <Title order={3}>{title}</Title>
          <LanguageSwitch />
        </Group>
        <Group gap="md">
          <Anchor component={Link} to="/cong-khai/phan-anh" size="sm">{t('fbLinkForm')}</Anchor>
          <Anchor component={Link} to="/cong-khai/phan-anh/tra-cuu" size="sm">{t('fbLinkTrack')}</Anchor>
          <Anchor component={Link} to="/cong-khai/phan-anh/tra-loi" size="sm">{t('fbLinkAnswers')}</Anchor>
        </Group>
        {children}
      </Stack>
    </Container>
  );
}

export function PublicFeedbackForm() {
  const { t } = useI18n();
  const [v, setV] = useState({ name: '', phone: '', email: '', address: '', content: '', procedureCode: '', dossierCode: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!v.phone.trim() && !v.email.trim()) return setError(t('fbContactHint'));
    setBusy(true);
    try {
      const form = new FormData();
      for (const [k, x] of Object.entries(v)) if (x.trim()) form.append(k, x.trim());
      for (const f of files) form.append('files', f, f.name);
      const r = await api.upload<{ code: string }>('/api/public/feedback', form);
      setCode(r.code);
    } catch (x) {
      setError((x as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (code)
    return (
      <Frame title={t('fbFormTitle')}>
        <Alert color="green" data-testid="fb-receipt">
          <Stack gap={4}>
            <Text fw={600}>{t('fbReceipt')}</Text>
            <Text>
              {t('fbReceiptCode')}: <b data-testid="fb-code">{code}</b>
            </Text>
            <Text size="sm">{t('fbReceiptHelp')}</Text>
            <Anchor component={Link} to={`/cong-khai/phan-anh/tra-cuu?ma=${encodeURIComponent(code)}`}>{t('fbLinkTrack')}</Anchor>
          </Stack>
        </Alert>
      </Frame>
    );
  return (
    <Frame title={t('fbFormTitle')}>
      <Text size="sm" c="dimmed">{t('fbFormHelp')}</Text>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <TextInput label={t('fbName')} required value={v.name} onChange={set('name')} size="md" data-testid="fb-name" autoComplete="name" />
          <TextInput label={t('fbPhone')} value={v.phone} onChange={set('phone')} size="md" type="tel" data-testid="fb-phone" autoComplete="tel" description={t('fbContactHint')} />
          <TextInput label={t('fbEmail')} value={v.email} onChange={set('email')} size="md" type="email" data-testid="fb-email" autoComplete="email" />
          <TextInput label={t('fbAddress')} required value={v.address} onChange={set('address')} size="md" data-testid="fb-address" autoComplete="street-address" />
          <Textarea label={t('fbContent')} required value={v.content} onChange={set('content')} minRows={5} autosize size="md" data-testid="fb-content" maxLength={10000} />
          <TextInput label={t('fbProcedure')} value={v.procedureCode} onChange={set('procedureCode')} size="md" />
          <TextInput label={t('fbDossier')} value={v.dossierCode} onChange={set('dossierCode')} size="md" />
          <FileInput label={t('fbFiles')} multiple clearable value={files} onChange={(f) => setFiles((f ?? []).slice(0, 3))} accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png" size="md" />
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <Button type="submit" size="md" loading={busy} fullWidth data-testid="fb-send">{t('fbSend')}</Button>
        </Stack>
      </form>
    </Frame>
  );
}

interface Tracked {
  code: string;
  state: string;
  field: string | null;
  unit: string | null;
  receivedAt: string;
  deadline: string | null;
  stopped: boolean;
  leftText: string | null;
  question: string | null;
  answer: string | null;
  publishedAt: string | null;
  rated: boolean;
  timeline: { kind: string; at: string }[];
}

export function PublicFeedbackTrack() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [item, setItem] = useState<Tracked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [contact, setContact] = useState('');
  const [info, setInfo] = useState('');
  const [busy, setBusy] = useState(false);
  const load = async (c: string) => {
    setError(null);
    if (!CODE.test(c)) return setError(t('fbBadCode'));
    setBusy(true);
    try {
      setItem(await api.get<Tracked>(`/api/public/feedback/${encodeURIComponent(c)}`));
      setParams({ ma: c }, { replace: true });
    } catch (x) {
      setItem(null);
      setError((x as Error & { status?: number }).status === 404 ? t('fbNotFound') : (x as Error).message);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    const c = params.get('ma');
    if (c) void load(c.trim());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const act = async (path: string, body: object, done: string) => {
    setError(null);
    try {
      await api.post(`/api/public/feedback/${encodeURIComponent(item!.code)}/${path}`, body);
      setNotice(done);
      await load(item!.code);
    } catch (x) {
      setError((x as Error).message);
    }
  };
  return (
    <Frame title={t('fbTrackTitle')}>
      <Text size="sm" c="dimmed">{t('fbTrackHelp')}</Text>
      <form onSubmit={(e) => { e.preventDefault(); void load(code.trim()); }}>
        <Stack gap="xs">
          <TextInput label={t('fbCode')} value={code} onChange={(e) => setCode(e.currentTarget.value)} placeholder="PAKN.20261202.0012" size="md" autoComplete="off" data-testid="fb-track-code" />
          <Button type="submit" size="md" loading={busy} fullWidth>{t('fbLookup')}</Button>
        </Stack>
      </form>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      {notice && <Alert color="green" data-testid="fb-notice">{notice}</Alert>}
      {item && (
        <Card withBorder data-testid="fb-track-result">
          <Stack gap="xs">
            <Text fw={700}>{item.code}</Text>
            <Group gap="xs">
              <Tag size="lg" variant="light" data-testid="fb-track-state">{t(`fbstate.${item.state}`)}</Tag>
            </Group>
            {item.field && <Text size="sm">{t('fbField')}: {item.field}</Text>}
            {item.unit && <Text size="sm">{t('fbUnitHandling')}: {item.unit}</Text>}
            <Text size="sm">{t('fbReceivedAt')}: {formatDateTime(item.receivedAt)}</Text>
            {item.stopped && <Text size="sm" c="orange" data-testid="fb-stopped">{t('fbStopped')}</Text>}
            {item.deadline && (
              <Text size="sm" fw={600}>
                {t('fbDeadline')}: {formatDateTime(item.deadline)} ({item.leftText})
              </Text>
            )}
            {item.question && (
              <Stack gap="xs">
                <Alert color="yellow" title={t('fbQuestion')}>{item.question}</Alert>
                <TextInput label={t('fbContactCheck')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} size="md" data-testid="fb-contact" />
                <Textarea label={t('fbInfo')} value={info} onChange={(e) => setInfo(e.currentTarget.value)} autosize minRows={3} size="md" data-testid="fb-info" />
                <Button onClick={() => act('info', { contact, text: info }, t('fbInfoSent'))} data-testid="fb-send-info">{t('fbSendInfo')}</Button>
              </Stack>
            )}
            {item.answer && (
              <Card withBorder bg="var(--mantine-color-gray-0)">
                <Text fw={600}>{t('fbAnswer')}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="fb-answer">{item.answer}</Text>
                {item.publishedAt && <Text size="xs" c="dimmed">{t('fbPublishedAt')}: {formatDateTime(item.publishedAt)}</Text>}
              </Card>
            )}
            {item.state === 'published' && !item.rated && (
              <Stack gap="xs">
                <Text fw={600}>{t('fbRate')}</Text>
                <TextInput label={t('fbContactCheck')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} size="md" data-testid="fb-rate-contact" />
                <Group grow>
                  <Button color="green" onClick={() => act('rating', { contact, satisfied: true }, t('fbRated'))} data-testid="fb-satisfied">{t('fbSatisfied')}</Button>
                  <Button color="gray" onClick={() => act('rating', { contact, satisfied: false }, t('fbRated'))}>{t('fbUnsatisfied')}</Button>
                </Group>
              </Stack>
            )}
            <Timeline active={item.timeline.length - 1} bulletSize={14} mt="sm">
              {item.timeline.map((h, i) => (
                <Timeline.Item key={i} title={t(`fbevent.${h.kind}`)}>
                  <Text size="xs" c="dimmed">{formatDateTime(h.at)}</Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Stack>
        </Card>
      )}
    </Frame>
  );
}

interface Answers {
  total: number;
  fields: string[];
  items: { code: string; field: string | null; unit: string | null; content: string; answer: string | null; receivedAt: string; publishedAt: string }[];
}

export function PublicFeedbackAnswers() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [field, setField] = useState<string | null>(null);
  const [data, setData] = useState<Answers | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const p = new URLSearchParams({ ...(q.trim() ? { q: q.trim() } : {}), ...(field ? { field } : {}) });
      setData(await api.get<Answers>(`/api/public/feedback?${p}`));
    } catch (x) {
      setError((x as Error).message);
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field]);
  return (
    <Frame title={t('fbAnswersTitle')}>
      <form onSubmit={(e) => { e.preventDefault(); void load(); }}>
        <Stack gap="xs">
          <TextInput label={t('fbSearch')} value={q} onChange={(e) => setQ(e.currentTarget.value)} size="md" data-testid="fb-answers-q" />
          <Select label={t('fbField')} placeholder={t('fbAllFields')} data={data?.fields ?? []} value={field} onChange={setField} clearable size="md" />
          <Button type="submit" size="md" fullWidth>{t('fbLookup')}</Button>
        </Stack>
      </form>
      {error && <Alert color="red">{error}</Alert>}
      {data && <Text size="sm" c="dimmed">{data.total.toLocaleString('vi-VN')} {t('fbCount')}</Text>}
      {data?.items.length === 0 && <Text>{t('fbNoAnswers')}</Text>}
      {data?.items.map((a) => (
        <Card key={a.code} withBorder data-testid="fb-answer-card">
          <Stack gap={4}>
            <Group justify="space-between">
              <Anchor component={Link} to={`/cong-khai/phan-anh/tra-cuu?ma=${encodeURIComponent(a.code)}`} fw={600} size="sm">{a.code}</Anchor>
              <Text size="xs" c="dimmed">{formatDateTime(a.publishedAt)}</Text>
            </Group>
            {(a.field || a.unit) && <Text size="xs" c="dimmed">{[a.field, a.unit].filter(Boolean).join(' · ')}</Text>}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.content}</Text>
            <Text size="sm" fw={600} mt={4}>{t('fbAnswer')}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.answer}</Text>
          </Stack>
        </Card>
      ))}
    </Frame>
  );
}
