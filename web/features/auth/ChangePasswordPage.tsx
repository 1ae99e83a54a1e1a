import { Alert, Button, PasswordInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/components';
import { useI18n } from '../../app/i18n';

export function ChangePasswordPage() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  return (
    <Stack maw={420}>
      <Title order={3}>{t('changePassword')}</Title>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setDone(false);
          if (next !== confirm) return setError(t('passwordsDiffer'));
          try {
            await api.post('/api/auth/password', { currentPassword: current, newPassword: next });
            setError(null);
            setDone(true);
            setCurrent('');
            setNext('');
            setConfirm('');
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <Stack>
          <ErrorAlert error={error} />
          {done && <Alert color="green">{t('passwordChanged')}</Alert>}
          <PasswordInput label={t('currentPassword')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} required autoComplete="current-password" />
          <PasswordInput label={t('newPassword')} value={next} onChange={(e) => setNext(e.currentTarget.value)} required autoComplete="new-password" />
          <PasswordInput label={t('confirmPassword')} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} required autoComplete="new-password" />
          <Button type="submit">{t('save')}</Button>
        </Stack>
      </form>
    </Stack>
  );
}
