/** A unit's PAR group (A–D) as a coloured badge; shared by the staff results and the public ranking. */
import { Badge } from '@mantine/core';

const GROUP_COLOR: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export function GroupBadge({ group }: { group: string | null }) {
  return group ? <Badge color={GROUP_COLOR[group] ?? 'gray'}>{group}</Badge> : null;
}
