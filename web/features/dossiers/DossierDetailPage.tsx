/** One dossier: where it stands, its deadline, and its events in order. */
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { api } from '../../app/api';
import { LoadState, Tag, useLoad } from '../../app/components';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { STATE_COLOR } from './DossierListPage';
import { sourceSystemLabel } from './shared';

interface Detail {
  id: number;
  code: string;
  sourceSystem: string;
  unitId: number;
  unitName: string | null;
  procedure: { code: string; name: string; field: string } | null;
  status: string;
  statusCode: number;
  channel: string | null;
  receivedAt: string | null;
  appointment: string | null;
  deadline: string | null;
  endAt: string | null;
  outcome: string;
  late: { days: number; hours: number; minutes: number } | null;
  supplementRequests: number;
  events: { kind: string; at: string; appointment: string | null }[];
}

export function DossierDetailPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const d = useLoad(() => api.get<Detail>(`/api/dossiers/${id}`), [id]);
  const x = d.data;
  const field = (label: string, value: string | null | undefined) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
  return (
    <Stack>
      <Anchor onClick={() => history.back()} size="sm">
        ← {t('back')}
      </Anchor>
      <LoadState loading={d.loading} error={d.error} />
      {x && (
        <>
          <Group>
            <Title order={3} data-testid="dossier-code">
              {x.code}
            </Title>
            <Tag size="lg" variant="light" data-testid="dossier-status">
              {x.statusCode}. {t(`dstatus.${x.status}`)}
            </Tag>
            <Tag size="lg" color={STATE_COLOR[x.outcome] ?? 'gray'} data-testid="dossier-outcome">
              {t(`result.${x.outcome}`)}
            </Tag>
          </Group>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {field(t('procedure'), x.procedure ? `${x.procedure.code} — ${x.procedure.name}` : null)}
              {field(t('field'), x.procedure?.field)}
              {field(t('receivingUnit'), x.unitName)}
              <div title={x.sourceSystem} data-testid="dossier-source">
                {field(t('sourceSystem'), sourceSystemLabel(t, x.sourceSystem))}
              </div>
              {field(t('channel'), x.channel ? t(`channel.${x.channel}`) : null)}
              {field(t('receivedAt'), x.receivedAt && formatDateTime(x.receivedAt))}
              {field(t('appointment'), x.appointment && formatDateTime(x.appointment))}
              {field(t('deadlineWithSupplement'), x.deadline && formatDateTime(x.deadline))}
              {field(t('endAt'), x.endAt && formatDateTime(x.endAt))}
              {field(t('lateBy'), x.late ? `${x.late.days} ${t('days')} ${x.late.hours} ${t('hours')} ${x.late.minutes} ${t('minutes')}` : null)}
            </SimpleGrid>
          </Card>
          <Title order={4}>{t('timeline')}</Title>
          <Timeline active={x.events.length - 1} bulletSize={18} data-testid="dossier-timeline">
            {x.events.map((e, i) => (
              <Timeline.Item key={i} title={t(`event.${e.kind}`)}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(e.at)}
                  {e.appointment ? ` · ${t('appointment')}: ${formatDateTime(e.appointment)}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
          {x.events.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('noEvents')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
