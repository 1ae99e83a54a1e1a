import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { LanguageSwitch } from './components';
import { NotificationBell } from './NotificationBell';
import { useI18n } from './i18n';

export function Layout() {
  const { t } = useI18n();
  const { user, logout, can } = useAuth();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const links = [
    { to: '/', label: t('home'), show: true },
    { to: '/plans', label: t('plans'), show: can('plan.read') },
    { to: '/my', label: t('myUnit'), show: can('unitData.edit', { unitId: user?.unitId }) || can('unitData.read', { unitId: user?.unitId }) },
    { to: '/org', label: t('org'), show: true },
    { to: '/dossiers', label: t('dossiers'), show: can('report.read') || can('report.read', { unitId: user?.unitId }) },
    { to: '/index766', label: t('index766'), show: can('report.read') || can('report.read', { unitId: user?.unitId }) },
    { to: '/par/rounds', label: t('parRounds'), show: true },
    { to: '/par/criteria-sets', label: t('criteriaSets'), show: true },
    { to: '/procedures', label: t('procedures'), show: true },
    { to: '/legal-documents', label: t('legalDocs'), show: can('report.read') || can('report.read', { unitId: user?.unitId }) },
    { to: '/staffing', label: t('staffing'), show: can('report.read') || can('report.read', { unitId: user?.unitId }) },
    { to: '/calendar', label: t('calendar'), show: true },
    { to: '/users', label: t('users'), show: can('user.read', { unitId: user?.unitId }) },
    { to: '/audit', label: t('audit'), show: can('audit.read', { unitId: user?.unitId }) },
    { to: '/password', label: t('changePassword'), show: true },
  ];
  const active = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(`${to}/`));
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="menu" />
            <Title order={4}>{t('appShort')} · {t('appName')}</Title>
          </Group>
          <Group wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <Text size="sm" visibleFrom="sm" data-testid="current-user">
              {user?.fullName} · {t(`role.${user?.role}`)}
            </Text>
            <NavLink
              w="auto"
              label={t('logout')}
              onClick={async () => {
                await logout();
                navigate('/login');
              }}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {links
          .filter((l) => l.show)
          .map((l) => (
            <NavLink key={l.to} component={Link} to={l.to} label={l.label} active={active(l.to)} onClick={() => opened && toggle()} />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
