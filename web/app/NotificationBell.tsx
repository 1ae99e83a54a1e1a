import { Button, Indicator, Menu, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router';
import { api } from './api';
import { useLoad } from './components';
import { formatDateTime } from './format';
import { useI18n } from './i18n';

interface Inbox {
  unread: number;
  items: { id: number; title: string; body: string | null; link: string | null; createdAt: string; readAt: string | null }[];
}

export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const inbox = useLoad(() => api.get<Inbox>('/api/notifications'), []);
  const unread = inbox.data?.unread ?? 0;
  return (
    <Menu width="min(380px, calc(100vw - 16px))" position="bottom-end" onOpen={inbox.reload}>
      <Menu.Target>
        <UnstyledButton aria-label={t('notifications')} data-testid="bell">
          <Indicator label={unread} size={16} disabled={unread === 0} color="red">
            <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
              <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.7 21a2 2 0 0 1-3.4 0" />
            </svg>
          </Indicator>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('notifications')}</Menu.Label>
        {(inbox.data?.items ?? []).slice(0, 12).map((n) => (
          <Menu.Item
            key={n.id}
            onClick={async () => {
              await api.post(`/api/notifications/${n.id}/read`);
              inbox.reload();
              if (n.link) navigate(n.link);
            }}
          >
            <Text size="sm" fw={n.readAt ? 400 : 700}>
              {n.title}
            </Text>
            {n.body && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {n.body}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(n.createdAt)}
            </Text>
          </Menu.Item>
        ))}
        {unread > 0 && (
          <Button variant="subtle" size="xs" fullWidth onClick={() => api.post('/api/notifications/read-all').then(inbox.reload)}>
            {t('markAllRead')}
          </Button>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
