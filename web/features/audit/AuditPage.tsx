import { Alert, Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { DateField, ErrorAlert, LoadState, useLoad } from '../../app/components';
import { formatDateTime, formatNumber } from '../../app/format';
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
const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 1));

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
              <Code block>{show(e.before?.[k])}</Code>
            </Table.Td>
            <Table.Td>
              <Code block>{show(e.after?.[k])}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditPage() {
  const { t } = useI18n();
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

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{filtered ? `${t('recordHistory')}: ${params.get('entityType')} #${params.get('entityId')}` : t('audit')}</Title>
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
              data={[
                { value: 'org_unit', label: t('org') },
                { value: 'user', label: t('users') },
              ]}
              clearable
              w={170}
            />
            <TextInput label="ID" value={draft.entityId} onChange={(e) => setDraft({ ...draft, entityId: e.currentTarget.value })} w={90} />
            <TextInput label={t('action')} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })} placeholder="org.merge" w={150} />
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
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>
                  {e.entityType} #{e.entityId}
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
        </Table.Tbody>
      </Table>
      {events.data?.length === limit && (
        <Button variant="subtle" onClick={() => setLimit(limit + PAGE)}>
          {t('loadMore')}
        </Button>
      )}
      {events.data?.length === 0 && <Text c="dimmed">{t('none')}</Text>}
    </Stack>
  );
}
