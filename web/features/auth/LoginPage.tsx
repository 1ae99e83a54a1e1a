import { Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorAlert, LanguageSwitch } from '../../app/components';
import { useI18n } from '../../app/i18n';

export function LoginPage() {
  const { t } = useI18n();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (user) return <Navigate to={from} replace />;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380} maw="100%">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await login(username, password);
              navigate(from, { replace: true });
            } catch (err) {
              setError((err as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Stack>
            <Title order={3}>{t('loginTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('appName')}
            </Text>
            <ErrorAlert error={error} />
            <TextInput label={t('username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoComplete="username" required autoFocus name="username" />
            <PasswordInput label={t('password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" required name="password" />
            <Button type="submit" loading={busy}>
              {t('login')}
            </Button>
            <LanguageSwitch long />
            <Anchor component={Link} to="/tra-cuu" size="sm" ta="center">
              {t('publicLookup')}
            </Anchor>
            <Anchor component={Link} to="/cong-khai/chi-so-cchc" size="sm" ta="center">
              {t('publicParTitle')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
