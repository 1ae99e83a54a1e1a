/** The plan's goals and target lines (mục tiêu, chỉ tiêu), with the structured targets read from each line. */
import { Button, Group, Modal, Paper, Spoiler, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/components';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { PlanBadge } from './look';

export interface Target {
  seq: number;
  text: string;
  structured: { comparator: string; value: number; unit: string; subject: string }[];
}

const SYMBOL: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=' };

export function TargetsPanel({ planId, goals, targets, reload }: { planId: number; goals: string | null; targets: Target[]; reload(): void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const [g, setG] = useState(goals ?? '');
  const [lines, setLines] = useState(targets.map((x) => x.text).join('\n'));
  const [error, setError] = useState<string | null>(null);
  if (!goals && targets.length === 0 && !can('plan.manage')) return null;
  return (
    <Paper withBorder p="sm" data-testid="targets">
      <Group justify="space-between">
        <Title order={5}>{t('goalsTargets')}</Title>
        {can('plan.manage') && (
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
            {t('edit')}
          </Button>
        )}
      </Group>
      {goals && (
        <Spoiler maxHeight={48} showLabel="…" hideLabel="▲">
          <Text size="sm">{goals}</Text>
        </Spoiler>
      )}
      <Stack gap={6} mt="xs">
        {targets.map((x) => (
          <Group key={x.seq} gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ flex: 1 }}>
              {x.text}
            </Text>
            <Group gap={4} wrap="nowrap">
              {x.structured.map((s, i) => (
                <PlanBadge key={i} size="md" title={s.subject}>
                  {SYMBOL[s.comparator]} {formatNumber(s.value, Number.isInteger(s.value) ? 0 : 1)} {s.unit}
                </PlanBadge>
              ))}
            </Group>
          </Group>
        ))}
      </Stack>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('goalsTargets')} size="xl">
        <Stack>
          <ErrorAlert error={error} />
          <Textarea label={t('goals')} value={g} onChange={(e) => setG(e.currentTarget.value)} autosize minRows={3} />
          <Textarea label={t('targetLines')} value={lines} onChange={(e) => setLines(e.currentTarget.value)} autosize minRows={6} />
          <Group justify="flex-end">
            <Button
              onClick={() =>
                api
                  .put(`/api/plans/${planId}/targets`, { goals: g || null, targets: lines.split('\n') })
                  .then(() => {
                    setEditing(false);
                    reload();
                  })
                  .catch((e: Error) => setError(e.message))
              }
            >
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
