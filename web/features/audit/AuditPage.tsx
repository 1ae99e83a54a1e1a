import { Alert, Anchor, Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { DateField, EmptyRow, ErrorAlert, LoadState, useLoad } from '../../app/components';
import { formatDateTime, formatNumber, todayVn } from '../../app/format';
import { actionLabel, entityLabel, entityPath, nameInEvent } from './labels';
import { useI18n } from '../../app/i18n';

interface AuditEvent {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const PAGE = 50;

const ENTITY_TYPES = ['org_unit', 'user', 'plan', 'plan_task', 'task_progress', 'calendar', 'procedure', 'procedure_list', 'dossier_batch', 'dossier_daily', 'par_criteria_set', 'par_round', 'par_score'];

/** Names of the records the events point at, read once from the lists the reader may see (a list it may not see is left out). */
function useRecordNames(types: Set<string>) {
  const get = <T,>(url: string, want: boolean) => (want ? api.get<T>(url).catch(() => [] as unknown as T) : Promise.resolve([] as unknown as T));
  const key = [...types].sort().join(',');
  const names = useLoad(async () => {
    const [rounds, users, units] = await Promise.all([
      get<{ id: number; name: string }[]>('/api/par/rounds', types.has('par_round') || types.has('par_score')),
      get<{ id: number; fullName: string; username: string }[]>('/api/users', types.has('user')),
      get<{ id: number; name: string }[]>(`/api/org-units?asOf=${todayVn()}`, types.has('org_unit')),
    ]);
    return {
      par_round: new Map(rounds.map((r) => [String(r.id), r.name])),
      user: new Map(users.map((u) => [String(u.id), `${u.fullName} (${u.username})`])),
      org_unit: new Map(units.map((u) => [String(u.id), u.name])),
    } as Record<string, Map<string, string>>;
  }, [key]);
  return names.data ?? {};
}

/** The record an event is about, by its kind and name, linked to its page; the raw reference in the tooltip. */
function RecordCell({ e, names }: { e: AuditEvent; names: Record<string, Map<string, string>> }) {
  const { t } = useI18n();
  const name = names[e.entityType]?.get(e.entityId) ?? nameInEvent(e);
  const text = `${entityLabel(t, e.entityType)}: ${name ?? `${t('recordNumber')} ${e.entityId}`}`;
  const path = entityPath(e);
  return (
    <Tooltip label={`${e.entityType} #${e.entityId}`} openDelay={300}>
      {path ? (
        <Anchor component={Link} to={path} size="sm" onClick={(ev) => ev.stopPropagation()} data-testid="audit-record">
          {text}
        </Anchor>
      ) : (
        <Text size="sm" span data-testid="audit-record">
          {text}
        </Text>
      )}
    </Tooltip>
  );
}
const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 1));
/** Codes among the values that have a name for people (a unit type, a role): the name, the code beside it. */
const TYPE_KEYS = new Set(['unitType', 'type']);
function shown(t: (k: string) => string, key: string, v: unknown): string {
  if (typeof v === 'string') {
    const label = TYPE_KEYS.has(key) ? t(`type.${v}`) : key === 'role' ? t(`role.${v}`) : null;
    if (label && !label.startsWith('type.') && !label.startsWith('role.')) return `${label} (${v})`;
  }
  return show(v);
}

/** Field by field: what was there before and after; changed fields first. */
function Diff({ e }: { e: AuditEvent }) {
  const { t } = useI18n();
  const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])];
  const changed = (k: string) => show(e.before?.[k]) !== show(e.after?.[k]);
  keys.sort((a, b) => Number(changed(b)) - Number(changed(a)));
  return (
    <Table withColumnBorders fz="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>{t('before')}</Table.Th>
          <Table.Th>{t('after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => (
          <Table.Tr key={k} bg={changed(k) ? 'yellow.0' : undefined}>
            <Table.Td fw={changed(k) ? 700 : 400}>{k}</Table.Td>
            <Table.Td>
              <Code block>{shown(t, k, e.before?.[k])}</Code>
            </Table.Td>
            <Table.Td>
              <Code block>{shown(t, k, e.after?.[k])}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditPage() {
  const { t, keys } = useI18n();
  // every action with a label in some capability's words (modules add theirs with their messages)
  const actions = keys('action.').map((k) => k.slice('action.'.length));
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState({
    entityType: params.get('entityType'),
    entityId: params.get('entityId') ?? '',
    action: params.get('action') ?? '',
    from: params.get('from'),
    to: params.get('to'),
  });
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<number | null>(null);
  const [verify, setVerify] = useState<{ ok: boolean; events: number; firstBroken: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = new URLSearchParams([...params.entries()].filter(([, v]) => v));
  query.set('limit', String(limit));
  const events = useLoad(() => api.get<AuditEvent[]>(`/api/audit?${query}`), [query.toString()]);
  const filtered = params.get('entityType') && params.get('entityId');
  const names = useRecordNames(new Set([...(events.data ?? []).map((e) => e.entityType), ...(filtered ? [params.get('entityType')!] : [])]));
  const filteredName = filtered ? (names[params.get('entityType')!]?.get(params.get('entityId')!) ?? (events.data?.[0] ? nameInEvent(events.data[0]) : null)) : null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{filtered ? `${t('recordHistory')}: ${entityLabel(t, params.get('entityType')!)} ${filteredName ?? `${t('recordNumber')} ${params.get('entityId')}`}` : t('audit')}</Title>
        {can('audit.verify') && (
          <Button
            variant="light"
            onClick={() =>
              api
                .get<{ ok: boolean; events: number; firstBroken: number | null }>('/api/audit/verify')
                .then(setVerify)
                .catch((e: Error) => setError(e.message))
            }
          >
            {t('verifyChain')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
      {verify && (
        <Alert color={verify.ok ? 'green' : 'red'} data-testid="verify-result">
          {verify.ok ? `${t('chainOk')} (${formatNumber(verify.events)} ${t('eventsCount')})` : `${t('chainBroken')} ${verify.firstBroken}`}
        </Alert>
      )}
      <Paper withBorder p="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setLimit(PAGE);
            setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as Record<string, string>);
          }}
        >
          <Group align="flex-end">
            <Select
              label={t('entity')}
              value={draft.entityType}
              onChange={(v) => setDraft({ ...draft, entityType: v })}
              data={ENTITY_TYPES.map((v) => ({ value: v, label: entityLabel(t, v) }))}
              clearable
              searchable
              w={220}
            />
            <TextInput label="ID" value={draft.entityId} onChange={(e) => setDraft({ ...draft, entityId: e.currentTarget.value })} w={90} />
            <Select label={t('action')} value={draft.action || null} onChange={(v) => setDraft({ ...draft, action: v ?? '' })} data={actions.map((a) => ({ value: a, label: actionLabel(t, a) })).sort((a, b) => a.label.localeCompare(b.label, 'vi'))} clearable searchable w={260} data-testid="audit-action-filter" />
            <DateField label={t('validFrom')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} w={130} />
            <DateField label={t('validTo')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} w={130} />
            <Button type="submit">{t('filter')}</Button>
            <Button
              variant="subtle"
              onClick={() => {
                setDraft({ entityType: null, entityId: '', action: '', from: null, to: null });
                setParams({});
              }}
            >
              {t('clear')}
            </Button>
          </Group>
        </form>
      </Paper>
      <LoadState loading={events.loading && !events.data} error={events.error} />
      <Table striped highlightOnHover data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('at')}</Table.Th>
            <Table.Th>{t('actor')}</Table.Th>
            <Table.Th>{t('action')}</Table.Th>
            <Table.Th>{t('entity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(events.data ?? []).map((e) => (
            <Fragment key={e.id}>
              <Table.Tr onClick={() => setOpen(open === e.id ? null : e.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>{e.id}</Table.Td>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{e.actorName}</Table.Td>
                <Table.Td>
                  <Tooltip label={`${t('actionCode')}: ${e.action}`} openDelay={300}>
                    <Text size="sm" span data-code={e.action} data-testid="audit-action">
                      {actionLabel(t, e.action)}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <RecordCell e={e} names={names} />
                </Table.Td>
              </Table.Tr>
              {open === e.id && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Diff e={e} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
          {events.data && events.data.length === 0 && <EmptyRow columns={5} message={t('noEvents')} />}
        </Table.Tbody>
      </Table>
      {events.data?.length === limit && (
        <Button variant="subtle" onClick={() => setLimit(limit + PAGE)}>
          {t('loadMore')}
        </Button>
      )}
    </Stack>
  );
}
