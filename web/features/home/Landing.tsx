/** What a unit's officer or head, or an appraiser, has to do now (GET /api/landing), with counts. */
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { Tag } from '../../app/components';
import { formatDate, formatPeriod } from '../../app/format';
import { useI18n } from '../../app/i18n';

export interface UnitLanding {
  kind: 'unit';
  unit: { id: number; name: string };
  tasks: { toReport: number; overdue: number; period: string | null; list: { taskId: number; number: string; text: string; due: string | null; path: string }[]; path: string };
  report: { period: string; due: string; state: string | null; path: string };
  selfAssessment: { roundId: number; name: string; selfTo: string; submitted: boolean; scored: number; path: string }[];
  feedback: null | { count: number; path: string };
}
export interface AppraiserLanding {
  kind: 'appraiser';
  appraisal: { units: number; items: number; list: { roundId: number; roundName: string; unitId: number; unitName: string; open: number; appraisalTo: string; path: string }[] };
}
export type Landing = UnitLanding | AppraiserLanding | { kind: 'overview'; path: string };

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(v[k] ?? ''));

export function UnitLandingView({ l }: { l: UnitLanding }) {
  const { t, lang } = useI18n();
  return (
    <Stack>
      <Title order={4}>
        {t('landingTodo')} – {l.unit.name}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Card withBorder data-testid="landing-tasks">
          <Text size="xs" c="dimmed">
            {t('landingTasks')}
          </Text>
          <Anchor component={Link} to={l.tasks.path} fw={700} size="xl" data-testid="landing-tasks-count">
            {l.tasks.toReport}
          </Anchor>
          {l.tasks.overdue > 0 && (
            <Text size="xs" c="red">
              {l.tasks.overdue} {t('landingOverdue')}
            </Text>
          )}
          <Stack gap={0} mt={4}>
            {l.tasks.list.slice(0, 5).map((x) => (
              <Anchor key={x.taskId} component={Link} to={x.path} size="xs" lineClamp={1}>
                {x.number}. {x.text}
              </Anchor>
            ))}
          </Stack>
        </Card>
        <Card withBorder data-testid="landing-report">
          <Text size="xs" c="dimmed">
            {fill(t('landingReport'), { period: formatPeriod(l.report.period, lang) })}
          </Text>
          <Anchor component={Link} to={l.report.path} fw={700}>
            {t(`reportState.${l.report.state ?? 'none'}`)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {fill(t('landingReportDue'), { date: formatDate(l.report.due) })}
          </Text>
        </Card>
        <Card withBorder data-testid="landing-self">
          <Text size="xs" c="dimmed">
            {t('landingSelf')}
          </Text>
          {l.selfAssessment.length === 0 && <Text size="sm">{t('landingSelfNone')}</Text>}
          {l.selfAssessment.map((r) => (
            <Group key={r.roundId} gap="xs">
              <Anchor component={Link} to={r.path} size="sm">
                {r.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {fill(t('landingSelfScored'), { n: r.scored })}
              </Text>
              {r.submitted && <Tag size="xs">{t('landingSelfSubmitted')}</Tag>}
            </Group>
          ))}
        </Card>
        {/* feedback items past or near their deadline */}
        <Card withBorder data-testid="landing-feedback">
          <Text size="xs" c="dimmed">
            {t('landingFeedback')}
          </Text>
          {l.feedback ? (
            <Anchor component={Link} to={l.feedback.path} fw={700} size="xl">
              {l.feedback.count}
            </Anchor>
          ) : (
            <Text c="dimmed">{t('overviewNoData')}</Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

export function AppraiserLandingView({ l }: { l: AppraiserLanding }) {
  const { t } = useI18n();
  return (
    <Stack>
      <Title order={4}>{t('landingAppraisal')}</Title>
      <Card withBorder data-testid="landing-appraisal">
        <Text fw={700}>{fill(t('landingAppraisalUnits'), { units: l.appraisal.units, items: l.appraisal.items })}</Text>
        {l.appraisal.list.length === 0 && <Text size="sm">{t('landingAppraisalNone')}</Text>}
        {l.appraisal.list.map((x) => (
          <Group key={`${x.roundId}-${x.unitId}`} gap="xs">
            <Anchor component={Link} to={x.path} size="sm">
              {x.unitName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {x.roundName} · {x.open} · {formatDate(x.appraisalTo)}
            </Text>
          </Group>
        ))}
      </Card>
    </Stack>
  );
}
