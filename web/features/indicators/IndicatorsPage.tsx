/**
 * The indicators: those the system computes from its records and those units enter, each with its measure
 * and how a parent's value is made from its units' (sum, ratio of the sums, average). The administrator adds
 * an entered indicator.
 */
import { Anchor, Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { EmptyRow, ErrorAlert, LoadState, useLoad } from '../../app/components';
import { todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { indicatorName, SourceBadge } from './look';
import type { Aggregation, IndicatorDef } from './types';

const UNIT_TYPES = ['province', 'department', 'district', 'commune', 'public_service', 'central_agency'];

function NewIndicator({ onDone, onClose }: { onDone(code: string): void; onClose(): void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ code: '', name: '', nameEn: '', measure: '', aggregation: 'sum' as Aggregation, unitTypes: [] as string[], description: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));
  const create = async () => {
    setError(null);
    try {
      await api.post('/api/indicators', { ...f, nameEn: f.nameEn || null, description: f.description || null, unitTypes: f.unitTypes.length ? f.unitTypes : null });
      onDone(f.code.trim());
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack>
      <ErrorAlert error={error} />
      <TextInput label={t('ind.name')} required value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} data-testid="new-ind-name" />
      <TextInput label={t('ind.nameEn')} value={f.nameEn} onChange={(e) => set({ nameEn: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('ind.code')} description={t('ind.codeHint')} required value={f.code} onChange={(e) => set({ code: e.currentTarget.value })} data-testid="new-ind-code" />
        <TextInput label={t('ind.measure')} description={t('ind.measureHint')} required value={f.measure} onChange={(e) => set({ measure: e.currentTarget.value })} data-testid="new-ind-measure" />
      </SimpleGrid>
      <Select
        label={t('ind.aggregation')}
        description={t(`ind.aggHint.${f.aggregation}`)}
        data={(['sum', 'ratio', 'average'] as const).map((a) => ({ value: a, label: t(`ind.agg.${a}`) }))}
        value={f.aggregation}
        allowDeselect={false}
        onChange={(v) => v && set({ aggregation: v as Aggregation })}
        data-testid="new-ind-aggregation"
      />
      <MultiSelect label={t('ind.unitTypes')} placeholder={t('ind.allUnitTypes')} data={UNIT_TYPES.map((u) => ({ value: u, label: t(`type.${u}`) }))} value={f.unitTypes} onChange={(v) => set({ unitTypes: v })} />
      <Textarea label={t('ind.description')} autosize minRows={2} value={f.description} onChange={(e) => set({ description: e.currentTarget.value })} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button onClick={create} disabled={!f.code.trim() || !f.name.trim() || !f.measure.trim()} data-testid="new-ind-save">
          {t('create')}
        </Button>
      </Group>
    </Stack>
  );
}

export function IndicatorsPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const list = useLoad(() => api.get<IndicatorDef[]>('/api/indicators'), []);
  const [adding, setAdding] = useState(false);
  const year = todayVn().slice(0, 4);
  const rows = list.data ?? [];
  const groups: [string, IndicatorDef[]][] = [
    ['computed', rows.filter((r) => r.source === 'computed')],
    ['entered', rows.filter((r) => r.source === 'entered')],
  ];
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('ind.title')}</Title>
        <Group>
          <Button component={Link} to={`/indicators/targets?year=${year}`} variant="light" data-testid="to-targets">
            {t('ind.targetsOfYear')} {year}
          </Button>
          {can('indicator.manage') && (
            <Button onClick={() => setAdding(true)} data-testid="add-indicator">
              {t('ind.add')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('ind.intro')}
      </Text>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data &&
        groups.map(([source, defs]) => (
          <Stack key={source} gap="xs">
            <Title order={5}>{t(`ind.group.${source}`)}</Title>
            <Table striped highlightOnHover fz="sm" data-testid={`indicators-${source}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ind.name')}</Table.Th>
                  <Table.Th w={140}>{t('ind.source')}</Table.Th>
                  <Table.Th w={110}>{t('ind.measure')}</Table.Th>
                  <Table.Th w={170}>{t('ind.aggregation')}</Table.Th>
                  <Table.Th w={220}>{t('ind.unitTypes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {defs.map((d) => (
                  <Table.Tr key={d.code} data-testid="indicator-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/indicators/${encodeURIComponent(d.code)}`} size="sm">
                        {indicatorName(d, lang)}
                      </Anchor>
                      {d.description && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {d.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <SourceBadge source={d.source} />
                    </Table.Td>
                    <Table.Td>{d.measure}</Table.Td>
                    <Table.Td>{t(`ind.agg.${d.aggregation}`)}</Table.Td>
                    <Table.Td>{d.unitTypes ? d.unitTypes.map((u) => t(`type.${u}`)).join(', ') : t('ind.allUnitTypes')}</Table.Td>
                  </Table.Tr>
                ))}
                {defs.length === 0 && <EmptyRow columns={5} message={t(`ind.none.${source}`)} hint={source === 'entered' && can('indicator.manage') ? t('ind.noneEnteredHint') : undefined} />}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('ind.add')} size="lg">
        <NewIndicator
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            list.reload();
          }}
        />
      </Modal>
    </Stack>
  );
}
