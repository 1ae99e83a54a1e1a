/**
 * The staff app's shell. On a phone (below Mantine's `sm`, 48em) the header keeps one line: the burger, the
 * short name, the bell; the navigation, the language, the user and "log out" move into the burger's navbar.
 * Pages render inside `AppShell.Main`, which never grows wider than the screen: on a phone a wide table
 * scrolls sideways in its own box (shell.css).
 */
import { AppShell, Burger, Divider, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import './shell.css';
import { useAuth } from './auth';
import { LanguageSwitch, PageLoader } from './components';
import { NotificationBell } from './NotificationBell';
import { useI18n } from './i18n';

export function Layout() {
  const { t } = useI18n();
  const { user, logout, can } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  // below Mantine's `sm` (48em): each control is rendered once, in the header or in the navbar, never both
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const location = useLocation();
  const navigate = useNavigate();
  const links = [
    { to: '/', label: t('home'), show: true },
    { to: '/overview', label: t('overviewNav'), show: can('report.read') || can('report.read', { unitId: user?.unitId }) },
    { to: '/plans', label: t('plans'), show: can('plan.read') },
    { to: '/my', label: t('myUnit'), show: can('unitData.edit', { unitId: user?.unitId }) || can('unitData.read', { unitId: user?.unitId }) },
    { to: '/reports', label: t('reportsNav'), show: can('report.read') || can('report.read', { unitId: user?.unitId }) },
    { to: '/indicators', label: t('indicatorsNav'), show: true },
    { to: '/org', label: t('org'), show: true },
    { to: '/dossiers', label: t('dossiers'), show: can('report.read') || can('report.read', { unitId: user?.unitId }) },
    { to: '/index766', label: t('index766'), show: can('report.read') || can('report.read', { unitId: user?.unitId }) },
    { to: '/feedback', label: t('fb.nav'), show: user?.role === 'admin' || user?.role === 'leader' || user?.role === 'unit_officer' || user?.role === 'unit_head' },
    { to: '/surveys', label: t('surveys.nav'), show: can('report.read') || can('report.read', { unitId: user?.unitId }) },
    { to: '/dvcqg', label: t('dvcqg.nav'), show: can('dossier.ingest') },
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
  const who = `${user?.fullName} · ${t(`role.${user?.role}`)}`;
  const logOut = async () => {
    await logout();
    navigate('/login');
  };
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'xs', sm: 'md' }}>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs" data-testid="app-header">
          <Group wrap="nowrap" gap="xs" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('menu')} data-testid="burger" />
            <Title order={4} lineClamp={1}>
              {t('appShort')}
              <Text span inherit visibleFrom="md">
                {' · '}
                {t('appName')}
              </Text>
            </Title>
          </Group>
          <Group wrap="nowrap" gap="sm" pr={{ base: 8, sm: 0 }} style={{ flexShrink: 0 }}>
            <NotificationBell />
            {!phone && (
              <>
                <LanguageSwitch />
                <Text size="sm" data-testid="current-user" lineClamp={1} maw={260}>
                  {who}
                </Text>
                <NavLink w="auto" label={t('logout')} onClick={logOut} />
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <AppShell.Section grow component={ScrollArea} p="xs">
          {links
            .filter((l) => l.show)
            .map((l) => (
              <NavLink key={l.to} component={Link} to={l.to} label={l.label} active={active(l.to)} onClick={close} />
            ))}
        </AppShell.Section>
        {phone && (
          <AppShell.Section p="xs">
            <Divider mb="xs" />
            <Stack gap="xs">
              <Text size="sm" data-testid="current-user-mobile">
                {who}
              </Text>
              <LanguageSwitch />
              <NavLink label={t('logout')} onClick={logOut} />
            </Stack>
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main miw={0} className="cchc-main">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
