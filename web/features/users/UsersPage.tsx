import { Button, Group, Modal, PasswordInput, Select, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ROLES, type Role } from '../../../domain/access/policy';
import type { UnitAsOf } from '../../../domain/org/history';
import { fold } from '../../../domain/text/normalize';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { EmptyRow, ErrorAlert, LoadState, Tag, useLoad } from '../../app/components';
import { todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';

interface User {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  role: Role;
  unitId: number;
  active: boolean;
  lockedUntil: string | null;
}

type Form = { username: string; fullName: string; email: string; role: Role; unitId: string | null; password: string; active: boolean };

function UserModal({ user, units, onClose, onDone }: { user: User | null; units: { value: string; label: string }[]; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [f, setF] = useState<Form>({
    username: user?.username ?? '',
    fullName: user?.fullName ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'unit_officer',
    unitId: user ? String(user.unitId) : null,
    password: '',
    active: user?.active ?? true,
  });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Form>) => setF({ ...f, ...patch });
  return (
    <Modal opened onClose={onClose} title={user ? `${t('editUser')}: ${user.username}` : t('addUser')}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const common = { fullName: f.fullName, email: f.email || null, role: f.role, unitId: Number(f.unitId) };
          try {
            if (user) await api.patch(`/api/users/${user.id}`, { ...common, active: f.active });
            else await api.post('/api/users', { ...common, username: f.username, password: f.password });
            onDone();
            onClose();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <Stack>
          <ErrorAlert error={error} />
          <TextInput label={t('username')} value={f.username} onChange={(e) => set({ username: e.currentTarget.value })} disabled={!!user} required name="username" />
          <TextInput label={t('fullName')} value={f.fullName} onChange={(e) => set({ fullName: e.currentTarget.value })} required name="fullName" />
          <TextInput label={t('email')} value={f.email} onChange={(e) => set({ email: e.currentTarget.value })} type="email" />
          <Select label={t('role')} value={f.role} onChange={(v) => v && set({ role: v as Role })} data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} allowDeselect={false} />
          <Select label={t('unit')} value={f.unitId} onChange={(v) => set({ unitId: v })} data={units} searchable required filter={({ options, search }) => options.filter((o) => 'label' in o && fold(o.label).includes(fold(search)))} />
          {!user && <PasswordInput label={t('password')} value={f.password} onChange={(e) => set({ password: e.currentTarget.value })} required autoComplete="new-password" />}
          {user && <Switch label={t('active')} checked={f.active} onChange={(e) => set({ active: e.currentTarget.checked })} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" disabled={!f.unitId}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ResetModal({ user, onClose }: { user: User; onClose(): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={`${t('resetPassword')}: ${user.username}`}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await api.post(`/api/users/${user.id}/reset-password`, { password });
            onClose();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <Stack>
          <ErrorAlert error={error} />
          <PasswordInput label={t('newPassword')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoComplete="new-password" />
          <Button type="submit">{t('save')}</Button>
        </Stack>
      </form>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const users = useLoad(() => api.get<User[]>('/api/users'), []);
  const units = useLoad(() => api.get<UnitAsOf[]>(`/api/org-units?asOf=${todayVn()}`), []);
  const [editing, setEditing] = useState<User | null | 'new'>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [query, setQuery] = useState('');
  const manage = can('user.manage');
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const unitOptions = (units.data ?? []).map((u) => ({ value: String(u.id), label: `${u.name} (${u.code})` }));
  const q = fold(query);
  const rows = (users.data ?? []).filter((u) => !q || fold(`${u.username} ${u.fullName} ${unitName.get(u.unitId) ?? ''}`).includes(q));
  const status = (u: User) => {
    if (!u.active) return <Tag color="gray">{t('inactive')}</Tag>;
    if (u.lockedUntil && new Date(u.lockedUntil) > new Date()) return <Tag color="red">{t('locked')}</Tag>;
    return <Tag color="green">{t('active')}</Tag>;
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('users')}</Title>
        {manage && <Button onClick={() => setEditing('new')}>{t('addUser')}</Button>}
      </Group>
      <TextInput placeholder={t('search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} maw={320} />
      <LoadState loading={users.loading && !users.data} error={users.error} />
      <Table striped highlightOnHover data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('username')}</Table.Th>
            <Table.Th>{t('fullName')}</Table.Th>
            <Table.Th>{t('role')}</Table.Th>
            <Table.Th>{t('unit')}</Table.Th>
            <Table.Th>{t('status')}</Table.Th>
            {manage && <Table.Th>{t('actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>{u.fullName}</Table.Td>
              <Table.Td>{t(`role.${u.role}`)}</Table.Td>
              <Table.Td>{unitName.get(u.unitId) ?? `#${u.unitId}`}</Table.Td>
              <Table.Td>{status(u)}</Table.Td>
              {manage && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" onClick={() => setEditing(u)}>
                      {t('editUser')}
                    </Button>
                    <Button size="compact-xs" variant="light" onClick={() => setResetting(u)}>
                      {t('resetPassword')}
                    </Button>
                    {u.lockedUntil && (
                      <Button size="compact-xs" variant="light" color="orange" onClick={() => api.post(`/api/users/${u.id}/unlock`).then(users.reload)}>
                        {t('unlock')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
          {users.data && rows.length === 0 && <EmptyRow columns={manage ? 6 : 5} message={t('noUsers')} />}
        </Table.Tbody>
      </Table>
      {editing && <UserModal user={editing === 'new' ? null : editing} units={unitOptions} onClose={() => setEditing(null)} onDone={users.reload} />}
      {resetting && <ResetModal user={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}
