/** A refused file's message with the first 20 of its rows' errors (the event import and the bulk import). */
import { Alert, List, Text } from '@mantine/core';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';

export function RowErrors({ message, rows, testId }: { message: string; rows: { row: number; message: string }[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <Alert color="red" title={message} role="alert" data-testid={testId}>
      <List size="sm">
        {rows.slice(0, 20).map((r) => (
          <List.Item key={r.row}>
            {t('row')} {formatNumber(r.row)}: {r.message}
          </List.Item>
        ))}
      </List>
      {rows.length > 20 && <Text size="sm">…</Text>}
    </Alert>
  );
}
