/** How the register shows a status and what ended a document — once, for the list and the detail. */
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { EndingRef, LegalStatus } from './types';

export const STATUS_COLOR: Record<LegalStatus, string> = { not_issued: 'gray', not_yet_effective: 'blue', in_force: 'green', partly_expired: 'orange', expired: 'red' };

/** Badge styles that size to the words and wrap them: never "M…". */
export const WHOLE_WORDS = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', overflow: 'visible', flexShrink: 0, paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
} as const;

export function StatusBadge({ status }: { status: LegalStatus }) {
  const { t } = useI18n();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLOR[status]} styles={WHOLE_WORDS} data-testid="ld-status">
      {t(`ld.status.${status}`)}
    </Badge>
  );
}

/** "20/2024/QĐ-UBND" as a link to its record when the register has it, or the link given. */
export function EndingLink({ e }: { e: EndingRef }) {
  if (e.document) {
    return (
      <Anchor component={Link} to={`/legal-documents/${e.document.id}`} size="sm">
        {e.symbol ?? e.document.symbol}
      </Anchor>
    );
  }
  if (e.link) {
    return (
      <Anchor href={e.link} target="_blank" rel="noreferrer" size="sm">
        {e.link}
      </Anchor>
    );
  }
  return <Text span size="sm">{e.symbol}</Text>;
}

/** The status with its day and what ended it: "Hết hiệu lực toàn bộ từ 01/03/2025 bởi 05/2025/QĐ-UBND". */
export function StatusLine({ s }: { s: { status: LegalStatus; since: string | null; endedBy: EndingRef | null } }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="wrap">
      <StatusBadge status={s.status} />
      {s.since && (s.status === 'expired' || s.status === 'partly_expired') && (
        <Text span size="xs" c="dimmed">
          {t('ld.since')} {formatDate(s.since)}
        </Text>
      )}
      {s.endedBy ? (
        <Text span size="xs" c="dimmed">
          {t('ld.by')} <EndingLink e={s.endedBy} />
        </Text>
      ) : (
        s.status === 'expired' && (
          <Text span size="xs" c="dimmed">
            ({t('ld.byTerm')})
          </Text>
        )
      )}
    </Group>
  );
}
