/** A unit's PAR group (A–D) as a coloured badge, and what the groups mean; shared by the staff results and the public ranking. */
import { Group, Text } from '@mantine/core';
import type { GroupThreshold } from '../../../domain/par/results';
import { Tag } from '../../app/components';
import { formatPercent } from '../../app/format';
import { useI18n } from '../../app/i18n';

const GROUP_COLOR: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** The group's letter in a badge as wide as the letter (never an empty dot), its meaning in the tooltip. */
export function GroupBadge({ group }: { group: string | null }) {
  const { t } = useI18n();
  return group ? (
    <Tag color={GROUP_COLOR[group] ?? 'gray'} title={`${t('group')} ${group}`} data-testid="group-badge" style={{ minWidth: 28 }}>
      {group}
    </Tag>
  ) : null;
}

/** What the groups mean: the round's thresholds, highest first ("A: từ 90 %", "B: từ 80 % đến dưới 90 %", "C: dưới 80 %"). */
export function GroupLegend({ groups }: { groups: GroupThreshold[] }) {
  const { t } = useI18n();
  const sorted = [...groups].sort((a, b) => b.atLeast - a.atLeast);
  const num = (n: number) => formatPercent(n, Number.isInteger(n) ? 0 : 2);
  return (
    <Group gap="xs" data-testid="group-legend" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t('groupsAre')}:
      </Text>
      {sorted.map((g, i) => (
        <Group key={g.name} gap={4} wrap="nowrap">
          <GroupBadge group={g.name} />
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {i === 0 ? `${t('fromAtLeast')} ${num(g.atLeast)}` : g.atLeast === 0 ? `${t('below')} ${num(sorted[i - 1].atLeast)}` : `${t('fromAtLeast')} ${num(g.atLeast)} ${t('toBelow')} ${num(sorted[i - 1].atLeast)}`}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
