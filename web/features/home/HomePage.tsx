import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import type { UnitAsOf } from '../../../domain/org/history';
import { UNIT_TYPES } from '../../../domain/org/history';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { LoadState, useLoad } from '../../app/components';
import { formatDate, formatNumber, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { AppraiserLandingView, type Landing, UnitLandingView } from './Landing';

export function HomePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const today = todayVn();
  const units = useLoad(() => api.get<UnitAsOf[]>(`/api/org-units?asOf=${today}`), [today]);
  const root = units.data?.find((u) => u.parentId === null && u.type === 'province');
  // leaders, Sở Nội vụ and HĐND land on the overview; a unit on what is theirs to do; an appraiser on appraisal
  const landing = useLoad(() => api.get<Landing>('/api/landing'), []);
  if (landing.data?.kind === 'overview') return <Navigate to={landing.data.path} replace />;
  return (
    <Stack>
      <Title order={3}>
        {t('welcome')}, {user?.fullName}
      </Title>
      <Text c="dimmed">{t('overviewHint')}</Text>
      {landing.data?.kind === 'unit' && <UnitLandingView l={landing.data} />}
      {landing.data?.kind === 'appraiser' && <AppraiserLandingView l={landing.data} />}
      <Title order={4}>
        {t('overviewOrg')} {root ? `– ${root.name}` : ''} ({formatDate(today)})
      </Title>
      <LoadState loading={units.loading} error={units.error} />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        {UNIT_TYPES.map((type) => (
          <Card key={type} withBorder component={Link} to="/org" data-testid={`count-${type}`}>
            <Text size="xs" c="dimmed">
              {t(`type.${type}`)}
            </Text>
            <Text size="xl" fw={700}>
              {formatNumber(units.data?.filter((u) => u.type === type).length ?? 0)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group>
        <Text component={Link} to="/org?asOf=2020-01-01" c="blue">
          {t('previousYears')} (01/01/2020)
        </Text>
      </Group>
    </Stack>
  );
}
