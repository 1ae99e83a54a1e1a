/** PAR rounds: the list, and the administrator's form for a new round (year, sets, windows). */
import { Anchor, Button, Card, Group, MultiSelect, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { DateField, EmptyRow, ErrorAlert, LoadState, Tag, useLoad } from '../../app/components';
import { formatDate, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { Round } from './types';

export function StatusBadge({ status }: { status: Round['status'] }) {
  const { t } = useI18n();
  return <Tag color={status === 'published' ? 'green' : status === 'approved' ? 'blue' : 'gray'}>{t(`roundStatus.${status}`)}</Tag>;
}

function NewRound({ onCreated }: { onCreated(id: number): void }) {
  const { t } = useI18n();
  const sets = useLoad(() => api.get<{ id: number; year: number; unitType: string; version: number; name: string }[]>('/api/par/criteria-sets'), []);
  const units = useLoad(() => api.get<{ id: number; name: string; type: string }[]>(`/api/org-units?asOf=${todayVn()}`), []);
  const [f, setF] = useState({ year: new Date().getFullYear(), name: '', setIds: [] as string[], unitIds: [] as string[], selfFrom: null as string | null, selfTo: null as string | null, appraisalFrom: null as string | null, appraisalTo: null as string | null });
  const [error, setError] = useState<string | null>(null);
  const types = new Set((sets.data ?? []).filter((s) => f.setIds.includes(String(s.id))).map((s) => s.unitType));
  const create = async () => {
    setError(null);
    try {
      const { unitIds, ...rest } = f;
      const r = await api.post<{ id: number }>('/api/par/rounds', { ...rest, setIds: f.setIds.map(Number), unitIds: unitIds.length ? unitIds.map(Number) : undefined, name: f.name || `${t('parIndex')} ${f.year}` });
      onCreated(r.id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t('newRound')}
      </Text>
      <Group align="end">
        <NumberInput label={t('year')} value={f.year} onChange={(v) => setF({ ...f, year: Number(v) })} w={100} />
        <TextInput label={t('name')} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} w={300} placeholder={`${t('parIndex')} ${f.year}`} />
        <MultiSelect
          label={t('criteriaSets')}
          data={(sets.data ?? []).map((s) => ({ value: String(s.id), label: `${s.year} · ${t(`type.${s.unitType}`)} · v${s.version} — ${s.name}` }))}
          value={f.setIds}
          onChange={(v) => setF({ ...f, setIds: v })}
          searchable
          w={420}
          data-testid="round-sets"
        />
      </Group>
      <MultiSelect
        mt="xs"
        label={t('unitsInScope')}
        placeholder={t('allUnitsOfTypes')}
        searchable
        data={(units.data ?? []).filter((u) => types.has(u.type)).map((u) => ({ value: String(u.id), label: u.name }))}
        value={f.unitIds}
        onChange={(v) => setF({ ...f, unitIds: v })}
        data-testid="round-units-select"
      />
      <Group align="end" mt="xs">
        <DateField label={t('selfFrom')} value={f.selfFrom} onChange={(v) => setF({ ...f, selfFrom: v })} w={140} />
        <DateField label={t('selfTo')} value={f.selfTo} onChange={(v) => setF({ ...f, selfTo: v })} w={140} />
        <DateField label={t('appraisalFrom')} value={f.appraisalFrom} onChange={(v) => setF({ ...f, appraisalFrom: v })} w={140} />
        <DateField label={t('appraisalTo')} value={f.appraisalTo} onChange={(v) => setF({ ...f, appraisalTo: v })} w={140} />
        <Button onClick={create} disabled={!f.setIds.length || !f.selfFrom || !f.selfTo || !f.appraisalFrom || !f.appraisalTo}>
          {t('create')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {t('roundScopeHint')}
      </Text>
      <ErrorAlert error={error} />
    </Card>
  );
}

export function RoundsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const rounds = useLoad(() => api.get<(Round & { units: number; submitted: number })[]>('/api/par/rounds'), []);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('parRounds')}</Title>
        <Anchor component={Link} to="/par/criteria-sets">
          {t('criteriaSets')}
        </Anchor>
      </Group>
      <LoadState loading={rounds.loading && !rounds.data} error={rounds.error} />
      <Table striped data-testid="rounds">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('year')}</Table.Th>
            <Table.Th>{t('name')}</Table.Th>
            <Table.Th>{t('selfWindow')}</Table.Th>
            <Table.Th>{t('appraisalWindow')}</Table.Th>
            <Table.Th ta="right">{t('submittedUnits')}</Table.Th>
            <Table.Th>{t('status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rounds.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.year}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/par/rounds/${r.id}`}>
                  {r.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {formatDate(r.selfFrom)} – {formatDate(r.selfTo)}
              </Table.Td>
              <Table.Td>
                {formatDate(r.appraisalFrom)} – {formatDate(r.appraisalTo)}
              </Table.Td>
              <Table.Td ta="right">
                {r.submitted}/{r.units}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/par/rounds/${r.id}/results`}>
                  {t('results')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
          {rounds.data && rounds.data.length === 0 && <EmptyRow columns={7} message={t('noRounds')} hint={can('par.manage') ? t('noRoundsHint') : undefined} />}
        </Table.Tbody>
      </Table>
      {can('par.manage') && <NewRound onCreated={(id) => navigate(`/par/rounds/${id}`)} />}
    </Stack>
  );
}
