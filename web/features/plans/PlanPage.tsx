import { Anchor, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fold } from '../../../domain/text/normalize';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { Chart } from '../../app/Chart';
import { ErrorAlert, LoadState, useLoad } from '../../app/components';
import { formatDate, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { formatBudget, OVERDUE_COLOR, STATUS_COLOR, StatusBadge, Swatch, TASK_STATUS_LIST } from './look';
import { CompletionBar } from './PlansPage';
import { type Target, TargetsPanel } from './TargetsPanel';
import type { Figures, FollowUpItem, PlanTask } from './types';

interface Plan {
  id: number;
  year: number;
  title: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  areas: { number: number; name: string }[];
  goals: string | null;
  targets: Target[];
}

const quarterSpan = (year: number, q: number) => ({ start: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, end: `${year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? 31 : 30}` });
const overlaps = (w: { start: string; end: string }, s: { start: string; end: string }) => w.start <= s.end && s.start <= w.end;

function unitsLabel(task: PlanTask, role: 'lead' | 'coordinating') {
  const named = (role === 'lead' ? task.leadUnits : task.coordinatingUnits).filter((u) => u.via === 'named').map((u) => u.name);
  const groups = role === 'lead' ? task.leadGroups : task.coordinatingGroups;
  return [...named, ...groups].join('; ') || (role === 'lead' ? task.leadText : task.coordinatingText);
}

function TasksTab({ plan, tasks }: { plan: Plan; tasks: PlanTask[] }) {
  const { t } = useI18n();
  const [unit, setUnit] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [quarter, setQuarter] = useState<string | null>(null);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [query, setQuery] = useState('');
  const unitOptions = useMemo(() => {
    const m = new Map<number, string>();
    for (const task of tasks) for (const u of [...task.leadUnits, ...task.coordinatingUnits]) m.set(u.id, u.name);
    return [...m].sort((a, b) => a[1].localeCompare(b[1], 'vi')).map(([id, name]) => ({ value: String(id), label: name }));
  }, [tasks]);
  const q = fold(query);
  const visible = tasks.filter(
    (x) =>
      (!unit || [...x.leadUnits, ...x.coordinatingUnits].some((u) => String(u.id) === unit)) &&
      (!status || x.status === status) &&
      (!onlyOverdue || x.overdue) &&
      (!quarter || x.products.some((p) => p.windows.some((w) => overlaps(w, quarterSpan(plan.year, Number(quarter)))))) &&
      (!q || fold(`${x.number} ${x.text}`).includes(q)),
  );
  return (
    <Stack>
      <Group align="flex-end">
        <Select label={t('unit')} data={unitOptions} value={unit} onChange={setUnit} searchable clearable placeholder={t('allUnits')} w={260} />
        <Select label={t('status')} data={TASK_STATUS_LIST.map((s) => ({ value: s, label: t(`status.${s}`) }))} value={status} onChange={setStatus} clearable placeholder={t('allStatuses')} w={170} />
        <Select label={t('quarter')} data={[1, 2, 3, 4].map((n) => ({ value: String(n), label: `Quý ${['I', 'II', 'III', 'IV'][n - 1]}/${plan.year}` }))} value={quarter} onChange={setQuarter} clearable placeholder={t('allQuarters')} w={150} />
        <TextInput label={t('search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={200} />
        <Checkbox label={t('onlyOverdue')} checked={onlyOverdue} onChange={(e) => setOnlyOverdue(e.currentTarget.checked)} mb={8} />
      </Group>
      <Text size="sm" c="dimmed" data-testid="task-count">
        {formatNumber(visible.length)}/{formatNumber(tasks.length)} {t('tasks').toLowerCase()}
      </Text>
      {plan.areas.map((a) => {
        const rows = visible.filter((x) => x.area === a.number);
        if (rows.length === 0) return null;
        return (
          <Paper key={a.number} withBorder p="sm">
            <Title order={5} mb="xs">
              {a.number}. {a.name}
            </Title>
            <Table striped highlightOnHover data-testid={`area-${a.number}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={50}>TT</Table.Th>
                  <Table.Th>{t('task')}</Table.Th>
                  <Table.Th w={200}>{t('lead')}</Table.Th>
                  <Table.Th w={150}>{t('timeframe')}</Table.Th>
                  <Table.Th w={90}>{t('due')}</Table.Th>
                  <Table.Th w={90} ta="right">
                    {t('budget')}
                  </Table.Th>
                  <Table.Th w={170}>{t('status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((x) => (
                  <Table.Tr key={x.id} data-testid="task-row" data-number={x.number}>
                    <Table.Td>{x.number}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/plans/${plan.id}/tasks/${x.id}`} size="sm">
                        {x.text}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{unitsLabel(x, 'lead')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{[...new Set(x.products.map((p) => p.timeframeText))].join('; ')}</Text>
                    </Table.Td>
                    <Table.Td>{formatDate(x.due)}</Table.Td>
                    <Table.Td ta="right">{formatBudget(x.budgetMillionVnd)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={x.status} overdue={x.overdue} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
    </Stack>
  );
}

function FiguresTab({ figures }: { figures: Figures }) {
  const { t } = useI18n();
  const areaOption = useMemo(
    () => ({
      // bars across, one line per area: its name on the axis, shortened to fit; in full in the tooltip
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [t('tasks'), t('completion')], top: 0 },
      grid: { left: 170, right: 16, bottom: 24, top: 36 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: figures.byArea.map((a) => `${a.area}. ${a.name}`),
        axisLabel: { width: 160, overflow: 'truncate', ellipsis: '…' },
      },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('tasks'), type: 'bar', data: figures.byArea.map((a) => a.total), itemStyle: { color: '#ced4da' } },
        { name: t('completion'), type: 'bar', data: figures.byArea.map((a) => a.done), itemStyle: { color: STATUS_COLOR.done } },
      ],
    }),
    [figures, t],
  );
  const statusOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          center: ['50%', '45%'],
          // the colours of the status badges
          data: TASK_STATUS_LIST.filter((s) => figures.byStatus[s] > 0).map((s) => ({ name: t(`status.${s}`), value: figures.byStatus[s], itemStyle: { color: STATUS_COLOR[s] } })),
        },
      ],
    }),
    [figures, t],
  );
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="sm">
          <Title order={5}>{t('byArea')}</Title>
          <Chart option={areaOption} testId="chart-areas" />
        </Paper>
        <Paper withBorder p="sm">
          <Title order={5}>{t('status')}</Title>
          <Chart option={statusOption} testId="chart-status" />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="sm">
        <Table striped data-testid="figures-areas">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('area')}</Table.Th>
              <Table.Th>{t('completion')}</Table.Th>
              <Table.Th ta="right">{t('budget')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.byArea.map((a) => (
              <Table.Tr key={a.area}>
                <Table.Td>
                  {a.area}. {a.name}
                </Table.Td>
                <Table.Td>
                  <CompletionBar c={a} />
                </Table.Td>
                <Table.Td ta="right">{formatBudget(a.budgetMillion)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('byUnit')}
        </Title>
        <Table striped data-testid="figures-units">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('unit')}</Table.Th>
              <Table.Th>{t('completion')} ({t('lead').toLowerCase()})</Table.Th>
              <Table.Th ta="right">{t('budget')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.byUnit.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>
                  <CompletionBar c={u} />
                </Table.Td>
                <Table.Td ta="right">{formatBudget(u.budgetMillion)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

function FollowUpTab({ planId }: { planId: number }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const data = useLoad(() => api.get<Record<'overdue' | 'due1' | 'due3' | 'due7', FollowUpItem[]>>(`/api/plans/${planId}/follow-up`), [planId]);
  const [sent, setSent] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const sections: ['overdue' | 'due1' | 'due3' | 'due7', string, string][] = [
    ['overdue', t('overdue'), 'red'],
    ['due1', t('dueIn1'), 'orange'],
    ['due3', t('dueIn3'), 'yellow'],
    ['due7', t('dueIn7'), 'blue'],
  ];
  return (
    <Stack>
      <LoadState loading={data.loading && !data.data} error={data.error} />
      <ErrorAlert error={error} />
      {data.data &&
        sections.map(([key, label, color]) => (
          <Paper key={key} withBorder p="sm" data-testid={`followup-${key}`}>
            <Title order={5} c={color} mb="xs">
              {label} ({data.data![key].length})
            </Title>
            <Table>
              <Table.Tbody>
                {data.data![key].map((x) => {
                  const k = `${x.taskId}:${x.unitId}`;
                  return (
                    <Table.Tr key={k}>
                      <Table.Td w={50}>{x.number}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/plans/${planId}/tasks/${x.taskId}`} size="sm">
                          {x.text}
                        </Anchor>
                      </Table.Td>
                      <Table.Td w={220}>{x.unitName}</Table.Td>
                      <Table.Td w={100}>{formatDate(x.due)}</Table.Td>
                      <Table.Td w={150}>
                        <StatusBadge status={x.status} />
                      </Table.Td>
                      {can('plan.manage') && (
                        <Table.Td w={110}>
                          {sent.has(k) ? (
                            <Text size="xs" c="green">
                              {t('urged')}
                            </Text>
                          ) : (
                            <Button
                              size="compact-xs"
                              variant="light"
                              color="orange"
                              onClick={() =>
                                api
                                  .post(`/api/plans/tasks/${x.taskId}/urge`, { unitId: x.unitId, message: `Đề nghị ${x.unitName} khẩn trương thực hiện nhiệm vụ ${x.number}, hạn ${formatDate(x.due)}.` })
                                  .then(() => setSent(new Set([...sent, k])))
                                  .catch((e: Error) => setError(e.message))
                              }
                            >
                              {t('urge')}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
    </Stack>
  );
}

function TimelineTab({ plan, tasks }: { plan: Plan; tasks: PlanTask[] }) {
  const { t } = useI18n();
  const quarters = [
    { label: `IV/${plan.year - 1}`, span: quarterSpan(plan.year - 1, 4) },
    ...[1, 2, 3, 4].map((q) => ({ label: `${['I', 'II', 'III', 'IV'][q - 1]}/${plan.year}`, span: quarterSpan(plan.year, q) })),
  ];
  return (
    <Stack gap="xs">
      <Group gap="md" data-testid="timeline-legend">
        <Text size="xs" fw={600}>
          {t('legend')}:
        </Text>
        {TASK_STATUS_LIST.map((s) => (
          <Group key={s} gap={4}>
            <Swatch color={STATUS_COLOR[s]} w={22} />
            <Text size="xs">{t(`status.${s}`)}</Text>
          </Group>
        ))}
        <Group gap={4}>
          <Swatch color={OVERDUE_COLOR} w={22} />
          <Text size="xs">{t('overdue')}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          ({t('inWindow')})
        </Text>
      </Group>
      <Table withColumnBorders data-testid="timeline">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>TT</Table.Th>
            <Table.Th>{t('task')}</Table.Th>
            {quarters.map((q) => (
              <Table.Th key={q.label} w={70} ta="center">
                {q.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.number}</Table.Td>
              <Table.Td>
                <Text size="xs" lineClamp={1} title={x.text}>
                  {x.text}
                </Text>
              </Table.Td>
              {quarters.map((q) => {
                const on = x.products.some((p) => p.windows.some((w) => overlaps(w, q.span)));
                return (
                  <Table.Td key={q.label} p={2}>
                    {on && <Swatch color={x.overdue ? OVERDUE_COLOR : STATUS_COLOR[x.status]} w="100%" h={18} />}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function PlanPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const plan = useLoad(() => api.get<Plan>(`/api/plans/${id}`), [id]);
  const tasks = useLoad(() => api.get<PlanTask[]>(`/api/plans/${id}/tasks`), [id]);
  const figures = useLoad(() => api.get<Figures>(`/api/plans/${id}/figures`), [id]);
  const p = plan.data;
  return (
    <Stack>
      <LoadState loading={plan.loading && !p} error={plan.error ?? tasks.error} />
      {p && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={3}>{p.title}</Title>
              <Text size="sm" c="dimmed">
                {t('decision')} {p.decisionNumber} {p.decisionDate && `(${formatDate(p.decisionDate)})`}
              </Text>
            </Stack>
            <Group>
              {figures.data && <CompletionBar c={figures.data.overall} />}
              <Button component="a" href={`/api/plans/${id}/export.xlsx`} variant="light" size="xs">
                {t('exportXlsx')}
              </Button>
              <Button component="a" href={`/api/plans/${id}/appendix.docx`} variant="light" size="xs">
                {t('exportDocx')}
              </Button>
            </Group>
          </Group>
          <TargetsPanel key={JSON.stringify(p.targets)} planId={p.id} goals={p.goals} targets={p.targets} reload={plan.reload} />
          <Tabs defaultValue="tasks" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="tasks">{t('tasks')}</Tabs.Tab>
              <Tabs.Tab value="figures">{t('completion')}</Tabs.Tab>
              <Tabs.Tab value="followup">{t('followUp')}</Tabs.Tab>
              <Tabs.Tab value="timeline">{t('timeline')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="tasks" pt="sm">
              {tasks.data && <TasksTab plan={p} tasks={tasks.data} />}
            </Tabs.Panel>
            <Tabs.Panel value="figures" pt="sm">
              {figures.data && <FiguresTab figures={figures.data} />}
            </Tabs.Panel>
            <Tabs.Panel value="followup" pt="sm">
              <FollowUpTab planId={id} />
            </Tabs.Panel>
            <Tabs.Panel value="timeline" pt="sm">
              {tasks.data && <TimelineTab plan={p} tasks={tasks.data} />}
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
