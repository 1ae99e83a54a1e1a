/** A unit adds a task of its own under a plan; the timeframe is read live as it is typed. */
import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert, useLoad } from '../../app/components';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { PlanBadge } from './look';
import type { PlanSummary } from './types';

interface Parsed {
  windows: { start: string; end: string }[];
  due: string | null;
  kind: string;
}

export function TimeframePreview({ text, year }: { text: string; year: number }) {
  const { t } = useI18n();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  useEffect(() => {
    if (!text.trim()) return setParsed(null);
    const timer = setTimeout(() => {
      api.post<Parsed>('/api/timeframes/parse', { text, year }).then(setParsed).catch(() => setParsed(null));
    }, 250);
    return () => clearTimeout(timer);
  }, [text, year]);
  if (!parsed) return null;
  return (
    <Group gap="xs" data-testid="timeframe-preview">
      <PlanBadge color={parsed.kind === 'unknown' ? 'red' : 'blue'}>{t(`kind.${parsed.kind}`)}</PlanBadge>
      <Text size="xs">
        {parsed.windows.map((w) => `${formatDate(w.start)}–${formatDate(w.end)}`).join('; ')}
        {parsed.due && ` → ${formatDate(parsed.due)}`}
      </Text>
    </Group>
  );
}

export function UnitTaskForm({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const plans = useLoad(() => api.get<PlanSummary[]>('/api/plans'), []);
  const [planId, setPlanId] = useState<string | null>(null);
  const plan = plans.data?.find((p) => String(p.id) === planId);
  const areas = useLoad(() => (planId ? api.get<{ areas: { number: number; name: string }[] }>(`/api/plans/${planId}`).then((p) => p.areas) : Promise.resolve([])), [planId]);
  const [area, setArea] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [product, setProduct] = useState('');
  const [timeframe, setTimeframe] = useState('');
  const [budget, setBudget] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        + {t('task')} ({t('myUnit').toLowerCase()})
      </Title>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await api.post(`/api/plans/${planId}/unit-tasks`, { unitId: user!.unitId, area: Number(area), text, product, timeframe, budget });
            setText('');
            setProduct('');
            setTimeframe('');
            setBudget('');
            setError(null);
            onDone();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <Stack>
          <ErrorAlert error={error} />
          <Group grow>
            <Select label={t('plans')} data={(plans.data ?? []).map((p) => ({ value: String(p.id), label: `${p.year} – ${p.title}` }))} value={planId} onChange={setPlanId} required />
            <Select label={t('area')} data={(areas.data ?? []).map((a) => ({ value: String(a.number), label: `${a.number}. ${a.name}` }))} value={area} onChange={setArea} required />
          </Group>
          <TextInput label={t('task')} value={text} onChange={(e) => setText(e.currentTarget.value)} required />
          <Group grow align="flex-start">
            <TextInput label={t('products')} value={product} onChange={(e) => setProduct(e.currentTarget.value)} />
            <Stack gap={4}>
              <TextInput label={t('timeframe')} value={timeframe} onChange={(e) => setTimeframe(e.currentTarget.value)} placeholder="Quý II, III/2026" />
              {plan && <TimeframePreview text={timeframe} year={plan.year} />}
            </Stack>
            <TextInput label={t('budget')} value={budget} onChange={(e) => setBudget(e.currentTarget.value)} />
          </Group>
          <Group>
            <Button type="submit" disabled={!planId || !area || !text}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
