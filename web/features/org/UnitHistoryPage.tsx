import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { UnitType } from '../../../domain/org/history';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { EmptyRow, LoadState, useLoad } from '../../app/components';
import { formatDate, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { CloseModal, MoveModal, RenameModal } from './OrgChangeForms';
import { TypeBadge } from './OrgTreePage';

interface UnitRef {
  id: number;
  code: string;
  name: string;
  type: UnitType;
  validFrom: string;
  validTo: string | null;
}
interface LineageRef extends UnitRef {
  date: string;
  kind: string;
  depth: number;
}
interface UnitDetail extends UnitRef {
  names: { name: string; validFrom: string; validTo: string | null }[];
  parents: { parent: UnitRef; validFrom: string; validTo: string | null }[];
  children: { unit: UnitRef; validFrom: string; validTo: string | null }[];
  cameFrom: LineageRef[];
  wentInto: LineageRef[];
  events: { id: number; kind: string; date: string; legalBasis: string | null; note: string | null; units: UnitRef[] }[];
}

function Span({ from, to }: { from: string; to: string | null }) {
  const { t } = useI18n();
  return (
    <>
      {formatDate(from)} – {to ? formatDate(to) : t('stillActive')}
    </>
  );
}

function UnitLink({ u }: { u: UnitRef }) {
  return (
    <Anchor component={Link} to={`/org/units/${u.id}`}>
      {u.name} <Text span size="xs" c="dimmed">({u.code})</Text>
    </Anchor>
  );
}

function LineageList({ title, steps, testId }: { title: string; steps: LineageRef[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {steps.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      {steps.map((s) => (
        <Group key={s.id} gap="xs" pl={(s.depth - 1) * 18}>
          <UnitLink u={s} />
          <Text size="xs" c="dimmed">
            {t(`kind.${s.kind}`)} {formatDate(s.date)}
          </Text>
        </Group>
      ))}
    </Paper>
  );
}

export function UnitHistoryPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const asOf = useSearchParams()[0].get('asOf');
  const [modal, setModal] = useState<'rename' | 'move' | 'close' | null>(null);
  const unit = useLoad(() => api.get<UnitDetail>(`/api/org-units/${id}`), [id]);
  const u = unit.data;
  const changeDate = todayVn();
  return (
    <Stack>
      <LoadState loading={unit.loading && !u} error={unit.error} />
      {u && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('unitHistory')}
              </Text>
              <Title order={3} data-testid="unit-name">
                {u.name}
              </Title>
              <Group gap="xs">
                <Text size="sm">{u.code}</Text>
                <TypeBadge type={u.type} />
                <Text size="sm" data-testid="unit-span">
                  <Span from={u.validFrom} to={u.validTo} />
                </Text>
              </Group>
            </Stack>
            <Group>
              {asOf && (
                <Button component={Link} to={`/org?asOf=${asOf}`} variant="subtle" size="xs">
                  ← {t('org')} {formatDate(asOf)}
                </Button>
              )}
              {can('audit.read', { unitId: u.id }) && (
                <Button component={Link} to={`/audit?entityType=org_unit&entityId=${u.id}`} variant="light" size="xs">
                  {t('viewAudit')}
                </Button>
              )}
              {can('org.manage') && !u.validTo && (
                <>
                  <Button size="xs" variant="light" onClick={() => setModal('rename')}>
                    {t('rename')}
                  </Button>
                  <Button size="xs" variant="light" onClick={() => setModal('move')}>
                    {t('move')}
                  </Button>
                  <Button size="xs" variant="light" color="red" onClick={() => setModal('close')}>
                    {t('close')}
                  </Button>
                </>
              )}
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('names')}
              </Title>
              <Table>
                <Table.Tbody>
                  {u.names.map((n) => (
                    <Table.Tr key={n.validFrom}>
                      <Table.Td>{n.name}</Table.Td>
                      <Table.Td>
                        <Span from={n.validFrom} to={n.validTo} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {u.names.length === 0 && <EmptyRow columns={2} message={t('noNames')} />}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="sm" data-testid="unit-parents">
              <Title order={5} mb="xs">
                {t('parents')}
              </Title>
              <Table>
                <Table.Tbody>
                  {u.parents.length === 0 && <EmptyRow columns={2} message={t('noParents')} />}
                  {u.parents.map((p) => (
                    <Table.Tr key={p.validFrom}>
                      <Table.Td>
                        <UnitLink u={p.parent} />
                      </Table.Td>
                      <Table.Td>
                        <Span from={p.validFrom} to={p.validTo} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            {u.children.length > 0 && (
              <Paper withBorder p="sm" data-testid="unit-children" style={{ gridColumn: '1 / -1' }}>
                <Title order={5} mb="xs">
                  {t('children')} ({u.children.length})
                </Title>
                <Table>
                  <Table.Tbody>
                    {u.children.map((c) => (
                      <Table.Tr key={`${c.unit.id}-${c.validFrom}`}>
                        <Table.Td>
                          <UnitLink u={c.unit} />
                        </Table.Td>
                        <Table.Td>
                          <TypeBadge type={c.unit.type} />
                        </Table.Td>
                        <Table.Td>
                          <Span from={c.validFrom} to={c.validTo} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
            <LineageList title={t('cameFrom')} steps={u.cameFrom} testId="came-from" />
            <LineageList title={t('wentInto')} steps={u.wentInto} testId="went-into" />
          </SimpleGrid>
          <Paper withBorder p="sm" data-testid="unit-events">
            <Title order={5} mb="sm">
              {t('events')}
            </Title>
            <Timeline bulletSize={14} lineWidth={2}>
              {u.events.map((e) => (
                <Timeline.Item key={e.id} title={`${formatDate(e.date)} · ${t(`kind.${e.kind}`)}`}>
                  {e.legalBasis && (
                    <Text size="sm">
                      {t('legalBasis')}: {e.legalBasis}
                    </Text>
                  )}
                  {e.note && (
                    <Text size="sm" c="dimmed">
                      {e.note}
                    </Text>
                  )}
                  {e.units.length > 0 && (
                    <Group gap="xs">
                      {e.units.map((x) => (
                        <UnitLink key={x.id} u={x} />
                      ))}
                    </Group>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
          {modal === 'rename' && <RenameModal asOf={changeDate} unit={u} onClose={() => setModal(null)} onDone={unit.reload} />}
          {modal === 'move' && <MoveModal asOf={changeDate} unit={u} onClose={() => setModal(null)} onDone={unit.reload} />}
          {modal === 'close' && <CloseModal asOf={changeDate} unit={u} onClose={() => setModal(null)} onDone={unit.reload} />}
        </>
      )}
    </Stack>
  );
}
