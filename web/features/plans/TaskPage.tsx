import { Alert, Anchor, Button, FileButton, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert, LoadState, useLoad } from '../../app/components';
import { formatDate, formatDateTime, formatNumber, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { formatBudget, periodLabel, ReportStateBadge, StatusBadge } from './look';
import type { PlanTask, Report, TaskStatus } from './types';

type TaskDetail = PlanTask & { plan: { id: number; title: string; year: number }; reports: Report[] };

function uploadEvidence(reportId: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/api/progress/${reportId}/evidence`, form);
}

function ReportForm({ task, unitId, unitName, reload }: { task: TaskDetail; unitId: number; unitName: string; reload(): void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const today = todayVn();
  const defaultQ = today.startsWith(String(task.plan.year)) ? `${task.plan.year}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}` : `${task.plan.year}-Q4`;
  const [period, setPeriod] = useState<string>(defaultQ);
  const existing = task.reports.find((r) => r.unitId === unitId && r.period === period);
  const [status, setStatus] = useState<TaskStatus>(existing?.status ?? 'in_progress');
  const [percent, setPercent] = useState<number>(existing?.percent ?? 50);
  const [text, setText] = useState(existing?.report ?? '');
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  useEffect(() => {
    setStatus(existing?.status ?? 'in_progress');
    setPercent(existing?.percent ?? 50);
    setText(existing?.report ?? '');
  }, [existing?.id, period]); // eslint-disable-line react-hooks/exhaustive-deps
  const editable = !existing || existing.state === 'draft' || existing.state === 'returned';
  const run = async (f: () => Promise<unknown>, ok: string) => {
    setError(null);
    try {
      await f();
      setInfo(ok);
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Paper withBorder p="sm" data-testid="report-form">
      <Title order={5} mb="xs">
        {t('reportFor')}: {unitName}
      </Title>
      <Stack>
        <ErrorAlert error={error} />
        {info && <Alert color="green">{info}</Alert>}
        {existing?.state === 'returned' && existing.reviewComment && (
          <Alert color="orange" title={t('state.returned')}>
            {existing.reviewComment}
          </Alert>
        )}
        <Group align="flex-end">
          <Select
            label={t('period')}
            value={period}
            onChange={(v) => v && setPeriod(v)}
            data={[1, 2, 3, 4].map((q) => ({ value: `${task.plan.year}-Q${q}`, label: periodLabel(`${task.plan.year}-Q${q}`) }))}
            w={150}
            allowDeselect={false}
          />
          <Select
            label={t('status')}
            value={status}
            onChange={(v) => {
              if (!v) return;
              setStatus(v as TaskStatus);
              if (v === 'done') setPercent(100);
              if (v === 'not_started' || v === 'not_applicable') setPercent(0);
            }}
            data={(['not_started', 'in_progress', 'done', 'not_applicable'] as TaskStatus[]).map((s) => ({ value: s, label: t(`status.${s}`) }))}
            w={180}
            allowDeselect={false}
            disabled={!editable}
          />
          <NumberInput label={t('percent')} value={percent} onChange={(v) => setPercent(Number(v))} min={0} max={100} w={110} disabled={!editable} />
          {existing && <ReportStateBadge state={existing.state} />}
        </Group>
        <Textarea label={t('report')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} disabled={!editable} />
        <Group>
          {editable && (
            <Button onClick={() => run(() => api.post('/api/progress', { taskId: task.id, unitId, period, status, percent, report: text }), t('saved'))}>
              {t('saveDraft')}
            </Button>
          )}
          {existing && editable && (
            <FileButton onChange={(f) => f && run(() => uploadEvidence(existing.id, f), t('saved'))} accept=".pdf,.docx,.xlsx,.doc,.xls,.jpg,.jpeg,.png">
              {(props) => (
                <Button variant="light" {...props}>
                  {t('attach')}
                </Button>
              )}
            </FileButton>
          )}
          {existing && editable && existing.state !== 'returned' && can('unitData.submit', { unitId }) && (
            <Button color="teal" onClick={() => run(() => api.post(`/api/progress/${existing.id}/submit`), t('state.submitted'))}>
              {t('submit')}
            </Button>
          )}
          {existing && existing.state === 'returned' && can('unitData.submit', { unitId }) && (
            <Text size="xs" c="dimmed">
              {t('saveDraft')} → {t('submit')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function ReviewButtons({ report, reload }: { report: Report; reload(): void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = (action: 'accept' | 'return') =>
    api
      .post(`/api/progress/${report.id}/review`, { action, comment: comment || undefined })
      .then(reload)
      .catch((e: Error) => setError(e.message));
  return (
    <Stack gap={4}>
      <ErrorAlert error={error} />
      <Group gap="xs" align="flex-end">
        <Textarea placeholder={t('comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={1} w={260} aria-label={t('comment')} />
        <Button size="xs" color="green" onClick={() => act('accept')}>
          {t('accept')}
        </Button>
        <Button size="xs" color="orange" variant="light" onClick={() => act('return')}>
          {t('returnReport')}
        </Button>
      </Group>
    </Stack>
  );
}

export function TaskPage() {
  const { t } = useI18n();
  const { user, can } = useAuth();
  const { planId, taskId } = useParams();
  const task = useLoad(() => api.get<TaskDetail>(`/api/plans/tasks/${taskId}`), [taskId]);
  const x = task.data;
  const allUnits = x ? [...x.leadUnits, ...x.coordinatingUnits] : [];
  const unitName = (id: number) => allUnits.find((u) => u.id === id)?.name ?? `#${id}`;
  const mine = x && user ? allUnits.find((u) => u.id === user.unitId) : undefined;
  return (
    <Stack>
      <LoadState loading={task.loading && !x} error={task.error} />
      {x && (
        <>
          <Anchor component={Link} to={`/plans/${planId}`} size="sm">
            ← {x.plan.title}
          </Anchor>
          <Group justify="space-between" align="flex-start">
            <Title order={3}>
              {x.number}. {x.text}
            </Title>
            <StatusBadge status={x.status} overdue={x.overdue} />
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="sm">
              <Table>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={120}>{t('area')}</Table.Th>
                    <Table.Td>
                      {x.area}. {x.areaName}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('lead')}</Table.Th>
                    <Table.Td>{[...x.leadUnits.filter((u) => u.via === 'named').map((u) => u.name), ...x.leadGroups].join('; ') || x.leadText}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('coordinating')}</Table.Th>
                    <Table.Td>{[...x.coordinatingUnits.filter((u) => u.via === 'named').map((u) => u.name), ...x.coordinatingGroups].join('; ') || x.coordinatingText}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('due')}</Table.Th>
                    <Table.Td>{formatDate(x.due)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('budget')}</Table.Th>
                    <Table.Td>{formatBudget(x.budgetMillionVnd)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('products')}
              </Title>
              <Table data-testid="products">
                <Table.Tbody>
                  {x.products.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td style={{ whiteSpace: 'pre-line' }}>{p.text}</Table.Td>
                      <Table.Td w={150}>
                        {p.timeframeText}
                        {p.due && (
                          <Text size="xs" c="dimmed">
                            → {formatDate(p.due)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td w={120} ta="right">
                        {p.budgetMillion !== null ? formatBudget(p.budgetMillion) : <Text size="xs">{p.budgetNote}</Text>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </SimpleGrid>
          {mine && can('unitData.edit', { unitId: mine.id }) && <ReportForm task={x} unitId={mine.id} unitName={mine.name} reload={task.reload} />}
          <Paper withBorder p="sm" data-testid="reports">
            <Title order={5} mb="xs">
              {t('reports')}
            </Title>
            {x.reports.length === 0 && <Text c="dimmed">{t('noReports')}</Text>}
            {x.reports.length > 0 && (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>{t('period')}</Table.Th>
                  <Table.Th w={200}>{t('unit')}</Table.Th>
                  <Table.Th w={170}>{t('statusPercent')}</Table.Th>
                  <Table.Th>{t('report')}</Table.Th>
                  <Table.Th w={130}>{t('reportState')}</Table.Th>
                  {can('plan.manage') && <Table.Th w={420}>{t('review')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {x.reports.map((r) => (
                  <Table.Tr key={r.id} data-testid="report-row">
                    <Table.Td>{periodLabel(r.period)}</Table.Td>
                    <Table.Td>{unitName(r.unitId)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={r.status} /> <Text size="xs">{formatNumber(r.percent)} %</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.report}</Text>
                      {r.reviewComment && (
                        <Text size="xs" c="orange">
                          {t('comment')}: {r.reviewComment}
                        </Text>
                      )}
                      {r.evidence.map((e) => (
                        <Anchor key={e.id} href={`/api/evidence/${e.id}`} size="xs" mr="sm">
                          📎 {e.fileName}
                        </Anchor>
                      ))}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(r.updatedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ReportStateBadge state={r.state} testId="report-row-state" />
                    </Table.Td>
                    {can('plan.manage') && <Table.Td>{r.state === 'submitted' && <ReviewButtons report={r} reload={task.reload} />}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
