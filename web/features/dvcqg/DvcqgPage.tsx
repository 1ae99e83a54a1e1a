/**
 * The portal sync's administration: per source system its account, the last message, today's records by
 * outcome and the latest ones, a replay; and what waits for a mapping (unit names, national procedure
 * codes), mapped once here.
 */
import { Alert, Button, Card, Code, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { UnitAsOf } from '../../../domain/org/history';
import { fold } from '../../../domain/text/normalize';
import { api } from '../../app/api';
import { EmptyRow, ErrorAlert, LoadState, Tag, useLoad } from '../../app/components';
import { formatDateTime, formatNumber, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';

type Outcome = 'applied' | 'unchanged' | 'held' | 'refused';

interface SourceView {
  id: number;
  code: string;
  name: string;
  username: string;
  madonvi: string;
  active: boolean;
  lastMessageAt: string | null;
  lastService: string | null;
  today: Record<Outcome, number>;
  dossiers: number;
  recent: { id: number; service: string; dossierCode: string; arrivedAt: string; outcome: Outcome; message: string | null; events: number }[];
}

interface Overview {
  sources: SourceView[];
  unresolvedUnits: { key: string; text: string; dossiers: number; suggestions: { id: number; name: string }[] }[];
  unresolvedProcedures: { code: string; name: string | null; field: string | null; dossiers: number }[];
}

interface Summary {
  records: number;
  applied: number;
  unchanged: number;
  held: number;
  refused: number;
}

const OUTCOME_COLOR: Record<Outcome, string> = { applied: 'green', unchanged: 'gray', held: 'orange', refused: 'red' };

/** "{a} of {b}" templates */
function fill(text: string, values: Record<string, string | number>) {
  return text.replace(/\{(\w+)\}/g, (_m, k: string) => String(typeof values[k] === 'number' ? formatNumber(values[k] as number) : values[k]));
}

function SourceModal({ onClose, onDone }: { onClose(): void; onDone(password?: string): void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ code: '', name: '', username: '', madonvi: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  return (
    <Modal opened onClose={onClose} title={t('dvcqg.addSource')}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const r = await api.post<{ password?: string }>('/api/dvcqg/sources', { code: f.code, name: f.name, username: f.username, madonvi: f.madonvi, ...(f.password ? { password: f.password } : {}) });
            onDone(r.password);
            onClose();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <Stack>
          <ErrorAlert error={error} />
          <TextInput label={t('dvcqg.sourceName')} value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} required name="name" />
          <TextInput label={t('dvcqg.sourceCode')} description={t('dvcqg.sourceCodeHint')} value={f.code} onChange={(e) => set({ code: e.currentTarget.value })} required name="code" />
          <TextInput label={t('username')} value={f.username} onChange={(e) => set({ username: e.currentTarget.value })} required name="username" autoComplete="off" />
          <TextInput label={t('dvcqg.madonvi')} value={f.madonvi} onChange={(e) => set({ madonvi: e.currentTarget.value })} required name="madonvi" />
          <PasswordInput label={t('dvcqg.passwordOptional')} value={f.password} onChange={(e) => set({ password: e.currentTarget.value })} autoComplete="new-password" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit">{t('save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SourceCard({ s, onChanged, onMessage }: { s: SourceView; onChanged(): void; onMessage(text: string, password?: string): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder data-testid={`source-${s.code}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>{s.name}</Title>
            <Text size="sm" c="dimmed">
              {t('dvcqg.account')}: <Code>{s.username}</Code> · {t('dvcqg.madonvi')}: <Code>{s.madonvi}</Code> · {t('dvcqg.sourceCode')}: <Code>{s.code}</Code>
            </Text>
          </div>
          <Tag color={s.active ? 'green' : 'gray'}>{s.active ? t('dvcqg.active') : t('dvcqg.paused')}</Tag>
        </Group>
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          <div>
            <Text size="xs" c="dimmed">
              {t('dvcqg.lastMessage')}
            </Text>
            <Text size="sm" data-testid="last-message">
              {s.lastMessageAt ? `${formatDateTime(s.lastMessageAt)}${s.lastService ? ` · ${t(`dvcqg.service.${s.lastService}`)}` : ''}` : t('dvcqg.never')}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('dvcqg.dossiers')}
            </Text>
            <Text size="sm">{formatNumber(s.dossiers)}</Text>
          </div>
          {(['applied', 'unchanged', 'held', 'refused'] as Outcome[]).map((o) => (
            <div key={o}>
              <Text size="xs" c="dimmed">
                {t('dvcqg.today')} · {t(`dvcqg.outcome.${o}`)}
              </Text>
              <Text size="sm" fw={500} c={s.today[o] && o !== 'unchanged' ? OUTCOME_COLOR[o] : undefined} data-testid={`today-${o}`}>
                {formatNumber(s.today[o])}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            loading={busy}
            onClick={() => {
              if (!window.confirm(t('dvcqg.replayConfirm'))) return;
              void run(async () => {
                const r = await api.post<{ dossiers: number; changed: number; refusedRecords: number }>(`/api/dvcqg/sources/${s.id}/replay`);
                onMessage(fill(t('dvcqg.replayDone'), { dossiers: r.dossiers, changed: r.changed, refused: r.refusedRecords }));
              });
            }}
          >
            {t('dvcqg.replay')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const r = await api.post<{ password: string }>(`/api/dvcqg/sources/${s.id}/password`);
                onMessage(`${s.name}: ${t('dvcqg.passwordOnce')}`, r.password);
              })
            }
          >
            {t('dvcqg.resetPassword')}
          </Button>
          <Button size="xs" variant="default" disabled={busy} onClick={() => void run(async () => void (await api.patch(`/api/dvcqg/sources/${s.id}`, { active: !s.active })))}>
            {s.active ? t('dvcqg.pause') : t('dvcqg.resume')}
          </Button>
        </Group>
        <Text size="sm" fw={500}>
          {t('dvcqg.recent')}
        </Text>
        <Table striped fz="sm" data-testid="recent-records">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dvcqg.arrivedAt')}</Table.Th>
              <Table.Th>{t('dvcqg.dossierCode')}</Table.Th>
              <Table.Th>{t('dvcqg.kind')}</Table.Th>
              <Table.Th>{t('dvcqg.outcome')}</Table.Th>
              <Table.Th>{t('dvcqg.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.recent.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.arrivedAt)}</Table.Td>
                <Table.Td>{r.dossierCode}</Table.Td>
                <Table.Td>{t(`dvcqg.service.${r.service}`)}</Table.Td>
                <Table.Td>
                  <Tag variant="light" color={OUTCOME_COLOR[r.outcome]}>
                    {t(`dvcqg.outcome.${r.outcome}`)}
                  </Tag>
                </Table.Td>
                <Table.Td>{r.message ?? (r.events ? `${formatNumber(r.events)} ${t('dvcqg.eventsCount')}` : '')}</Table.Td>
              </Table.Tr>
            ))}
            {s.recent.length === 0 && <EmptyRow columns={5} message={t('dvcqg.noRecords')} />}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

function UnitMapping({ item, units, onDone }: { item: Overview['unresolvedUnits'][number]; units: UnitAsOf[]; onDone(s: Summary): void }) {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState<string | null>(item.suggestions[0] ? String(item.suggestions[0].id) : null);
  const [error, setError] = useState<string | null>(null);
  const suggested = new Set(item.suggestions.map((s) => s.id));
  const data = [
    ...(item.suggestions.length ? [{ group: t('dvcqg.suggested'), items: item.suggestions.map((s) => ({ value: String(s.id), label: s.name })) }] : []),
    { group: t('unit'), items: units.filter((u) => !suggested.has(u.id)).map((u) => ({ value: String(u.id), label: u.name })) },
  ];
  return (
    <Table.Tr data-testid="unresolved-unit">
      <Table.Td>{item.text}</Table.Td>
      <Table.Td>{formatNumber(item.dossiers)}</Table.Td>
      <Table.Td miw={280}>
        <Select aria-label={t('dvcqg.chooseUnit')} placeholder={t('dvcqg.chooseUnit')} data={data} value={unitId} onChange={setUnitId} searchable filter={({ options, search }) => options.map((g) => ('items' in g ? { ...g, items: g.items.filter((o) => fold(o.label).includes(fold(search))) } : g))} />
        <ErrorAlert error={error} />
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          disabled={!unitId}
          onClick={async () => {
            try {
              onDone(await api.post<Summary>('/api/dvcqg/mappings/units', { text: item.text, unitId: Number(unitId) }));
            } catch (e) {
              setError((e as Error).message);
            }
          }}
        >
          {t('dvcqg.map')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

function ProcedureMapping({ item, onDone }: { item: Overview['unresolvedProcedures'][number]; onDone(s: Summary): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState(item.name ?? '');
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const found = useLoad(() => api.get<{ items: { id: number; code: string; name: string }[] }>(`/api/procedures?limit=50${q ? `&q=${encodeURIComponent(q.split(/\s+/).slice(0, 3).join(' '))}` : ''}`), [q]);
  return (
    <Table.Tr data-testid="unresolved-procedure">
      <Table.Td>{item.code}</Table.Td>
      <Table.Td>
        {item.name}
        {item.field ? <Text size="xs" c="dimmed">{item.field}</Text> : null}
      </Table.Td>
      <Table.Td>{formatNumber(item.dossiers)}</Table.Td>
      <Table.Td miw={300}>
        <Select
          aria-label={t('dvcqg.chooseProcedure')}
          placeholder={t('dvcqg.chooseProcedure')}
          data={(found.data?.items ?? []).map((p) => ({ value: String(p.id), label: `${p.code} · ${p.name}` }))}
          value={procedureId}
          onChange={setProcedureId}
          searchable
          onSearchChange={(s) => {
            if (!procedureId && s.length >= 2) setQ(s);
          }}
          nothingFoundMessage={t('noProcedures')}
        />
        <ErrorAlert error={error} />
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          disabled={!procedureId}
          onClick={async () => {
            try {
              onDone(await api.post<Summary>('/api/dvcqg/mappings/procedures', { nationalCode: item.code, procedureId: Number(procedureId) }));
            } catch (e) {
              setError((e as Error).message);
            }
          }}
        >
          {t('dvcqg.map')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function DvcqgPage() {
  const { t } = useI18n();
  const data = useLoad(() => api.get<Overview>('/api/dvcqg/sources'), []);
  const units = useLoad(() => api.get<UnitAsOf[]>(`/api/org-units?asOf=${todayVn()}`), []);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ text: string; password?: string } | null>(null);
  const mapped = (s: Summary) => {
    setNotice({ text: fill(t('dvcqg.mapped'), { applied: s.applied + s.unchanged, held: s.held, refused: s.refused }) });
    data.reload();
  };
  const o = data.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('dvcqg.title')}</Title>
        <Button onClick={() => setAdding(true)}>{t('dvcqg.addSource')}</Button>
      </Group>
      <Text size="sm" c="dimmed" maw={900}>
        {t('dvcqg.intro')}
      </Text>
      <Text size="sm" c="dimmed">
        {fill(t('dvcqg.endpoints'), { login: `${window.location.origin}/api/dvcqg/login`, integration: `${window.location.origin}/api/dvcqg` })}
      </Text>
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice(null)} data-testid="notice">
          {notice.text} {notice.password && <Code data-testid="new-password">{notice.password}</Code>}
        </Alert>
      )}
      <LoadState loading={data.loading && !o} error={data.error} />
      {o && o.sources.length === 0 && (
        <Text c="dimmed">
          {t('dvcqg.noSources')} {t('dvcqg.noSourcesHint')}
        </Text>
      )}
      {o?.sources.map((s) => <SourceCard key={s.id} s={s} onChanged={data.reload} onMessage={(text, password) => setNotice({ text, password })} />)}
      {o && (
        <Card withBorder>
          <Stack gap="xs">
            <Title order={4}>{t('dvcqg.unresolvedUnits')}</Title>
            <Text size="sm" c="dimmed">
              {t('dvcqg.unresolvedUnitsHint')}
            </Text>
            <Table data-testid="unresolved-units">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dvcqg.nameAsSent')}</Table.Th>
                  <Table.Th>{t('dvcqg.waiting')}</Table.Th>
                  <Table.Th>{t('unit')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.unresolvedUnits.map((u) => <UnitMapping key={u.key} item={u} units={units.data ?? []} onDone={mapped} />)}
                {o.unresolvedUnits.length === 0 && <EmptyRow columns={4} message={t('dvcqg.nothingWaiting')} />}
              </Table.Tbody>
            </Table>
          </Stack>
        </Card>
      )}
      {o && (
        <Card withBorder>
          <Stack gap="xs">
            <Title order={4}>{t('dvcqg.unresolvedProcedures')}</Title>
            <Text size="sm" c="dimmed">
              {t('dvcqg.unresolvedProceduresHint')}
            </Text>
            <Table data-testid="unresolved-procedures">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dvcqg.nationalCode')}</Table.Th>
                  <Table.Th>{t('dvcqg.sentName')}</Table.Th>
                  <Table.Th>{t('dvcqg.waiting')}</Table.Th>
                  <Table.Th>{t('procedure')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.unresolvedProcedures.map((p) => <ProcedureMapping key={p.code} item={p} onDone={mapped} />)}
                {o.unresolvedProcedures.length === 0 && <EmptyRow columns={5} message={t('dvcqg.nothingWaiting')} />}
              </Table.Tbody>
            </Table>
          </Stack>
        </Card>
      )}
      {adding && <SourceModal onClose={() => setAdding(false)} onDone={(password) => { data.reload(); if (password) setNotice({ text: t('dvcqg.passwordOnce'), password }); }} />}
    </Stack>
  );
}
