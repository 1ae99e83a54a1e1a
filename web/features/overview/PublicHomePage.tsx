/**
 * The public portal's home (/cong-khai), phone first: the province's on-time rate, the 766 index, the
 * published PAR ranking's summary, satisfaction and feedback handled on time, and the
 * citizen's services. One request (GET /api/public/overview, cached); only published figures.
 */
import { Anchor, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { LanguageSwitch, LoadState, useLoad } from '../../app/components';
import { formatDate, formatNumber, formatPercent } from '../../app/format';
import { useI18n } from '../../app/i18n';

interface PublicOverview {
  province: { id: number; name: string } | null;
  asOf: string;
  dossiers: { year: number; received: number; resolved: number; onTimeRate: number | null; onlineRate: number | null }[];
  index766: { year: number; score: number | null; complete: boolean; band: string | null };
  par: null | { roundId: number; year: number; name: string; units: number; mean: number | null; groups: Record<string, number>; top: { unitName: string; index: number | null }[] };
  /** SLOTS: filled by the feedback and survey modules when merged */
  feedback: null | { year: number; received: number; onTimeRate: number | null };
  satisfaction: null | { year: number; answers: number; value: number | null };
}

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(v[k] ?? ''));

/** The citizen's services: lookup, procedures, feedback and its answers, the survey, the ranking. */
const SERVICES = [
  { to: '/tra-cuu', key: 'lookup' },
  { to: '/cong-khai/thu-tuc', key: 'procedures' },
  { to: '/cong-khai/phan-anh', key: 'feedback' },
  { to: '/cong-khai/phan-anh/tra-loi', key: 'answers' },
  // a survey is of one dossier (/cong-khai/khao-sat/:code): the lookup shows its link once the result is returned
  { to: '/tra-cuu', key: 'survey' },
  { to: '/cong-khai/chi-so-cchc', key: 'ranking' },
];

function Figure({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {sub && (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      )}
    </Card>
  );
}

export function PublicHomePage() {
  const { t } = useI18n();
  const load = useLoad(() => api.get<PublicOverview>('/api/public/overview'), []);
  const p = load.data;
  const [now, last] = p?.dossiers ?? [];
  return (
    <Container size={720} py="md" px="sm">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3}>{t('portalTitle')}</Title>
          <LanguageSwitch />
        </Group>
        <Text size="sm" c="dimmed">
          {p?.province ? `${p.province.name} · ` : ''}
          {t('portalIntro')}
        </Text>
        <LoadState loading={load.loading} error={load.error} />
        {p && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <Figure
              testId="public-ontime"
              label={fill(t('portalOnTime'), { year: now.year })}
              value={formatPercent(now.onTimeRate)}
              sub={`${fill(t('portalResolved'), { n: formatNumber(now.resolved) })} · ${formatPercent(now.onlineRate)} ${t('portalOnline')}${last ? ` · ${fill(t('portalLastYear'), { year: last.year, rate: formatPercent(last.onTimeRate) })}` : ''}`}
            />
            <Figure
              testId="public-766"
              label={fill(t('portal766'), { year: p.index766.year })}
              value={p.index766.score === null ? t('portalNoData') : formatNumber(p.index766.score, 2)}
              sub={[p.index766.band ? t(`band.${p.index766.band}`) : '', p.index766.complete ? '' : t('portal766Estimate')].filter(Boolean).join(' · ')}
            />
            <Card withBorder padding="sm" data-testid="public-par">
              <Text size="xs" c="dimmed">
                {p.par ? fill(t('portalPar'), { year: p.par.year }) : t('publicParTitle')}
              </Text>
              {p.par ? (
                <>
                  <Text fw={700} size="xl">
                    {formatPercent(p.par.mean)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {fill(t('portalParMean'), { n: p.par.units })}
                  </Text>
                  {p.par.top.map((u, i) => (
                    <Text key={u.unitName} size="xs">
                      {i + 1}. {u.unitName} · {formatPercent(u.index)}
                    </Text>
                  ))}
                  <Anchor component={Link} to="/cong-khai/chi-so-cchc" size="sm">
                    {t('portalParAll')}
                  </Anchor>
                </>
              ) : (
                <Text size="sm">{t('portalParNone')}</Text>
              )}
            </Card>
            {/* satisfaction of the year's survey answers */}
            <Figure testId="public-satisfaction" label={t('portalSatisfaction')} value={p.satisfaction?.value != null ? formatPercent(p.satisfaction.value) : t('portalNoData')} />
            {/* feedback of the year handled on time */}
            <Figure testId="public-feedback" label={t('portalFeedback')} value={p.feedback?.onTimeRate != null ? formatPercent(p.feedback.onTimeRate) : t('portalNoData')} />
          </SimpleGrid>
        )}
        <Title order={4}>{t('portalServices')}</Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          {SERVICES.map((s) => (
            <Card key={s.key} withBorder padding="sm" component={Link} to={s.to} data-testid={`service-${s.key}`}>
              <Text fw={600} c="blue">
                {t(`link.${s.key}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`link.${s.key}Hint`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        {p && (
          <Text size="xs" c="dimmed">
            {fill(t('portalAsOf'), { date: formatDate(p.asOf) })} ·{' '}
            <Anchor href="/login" size="xs">
              {t('portalStaff')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Container>
  );
}
