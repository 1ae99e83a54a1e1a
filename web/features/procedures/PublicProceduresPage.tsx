/** A citizen finds a procedure on a phone: by name with or without diacritics, by field (GET /api/procedures). */
import { Anchor, Button, Card, Container, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import type { ProcedureItem } from '../../app/apiTypes';
import { LanguageSwitch, LoadState, Tag, useLoad } from '../../app/components';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';

type Procedure = ProcedureItem;

const PAGE = 20;
const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(v[k] ?? ''));

export function PublicProceduresPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const field = params.get('linh-vuc');
  const [text, setText] = useState(q);
  const [limit, setLimit] = useState(PAGE);
  const query = new URLSearchParams({ limit: String(limit), ...(q ? { q } : {}), ...(field ? { field } : {}) }).toString();
  const load = useLoad(() => api.get<{ total: number; items: Procedure[]; fields: string[] }>(`/api/procedures?${query}`), [query]);
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    setLimit(PAGE);
    setParams(next, { replace: true });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: text.trim() || null });
  };
  const d = load.data;
  return (
    <Container size={720} py="md" px="sm">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3}>{t('procTitle')}</Title>
          <LanguageSwitch />
        </Group>
        <Anchor component={Link} to="/cong-khai" size="sm">
          ← {t('portalHome')}
        </Anchor>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <TextInput label={t('procSearch')} value={text} onChange={(e) => setText(e.currentTarget.value)} size="md" type="search" data-testid="proc-q" />
            <Select label={t('procField')} placeholder={t('procAllFields')} data={d?.fields ?? []} value={field} onChange={(v) => set({ 'linh-vuc': v })} clearable searchable size="md" data-testid="proc-field" />
            <Button type="submit" size="md" fullWidth data-testid="proc-submit">
              {t('procSearchButton')}
            </Button>
          </Stack>
        </form>
        <LoadState loading={load.loading && !d} error={load.error} />
        {d && (
          <Text size="sm" c="dimmed" data-testid="proc-total">
            {d.total ? fill(t('procFound'), { n: formatNumber(d.total) }) : t('procNone')}
          </Text>
        )}
        {d?.items.map((p) => (
          <Card key={p.id} withBorder padding="sm" data-testid="proc-item">
            <Text fw={600}>{p.name}</Text>
            <Text size="xs" c="dimmed">
              {p.code} · {p.field}
            </Text>
            <Group gap="xs" mt={4}>
              <Tag size="sm" variant="light">
                {t('procLimit')}: {formatNumber(p.limit.value)} {p.limit.unit === 'hour' ? t('procHours') : t('procDays')}
              </Tag>
              <Tag size="sm" variant="light" color={p.onlineLevel === 'none' ? 'gray' : 'green'}>
                {p.onlineLevel === 'none' ? t('procOffline') : t('procOnline')}
              </Tag>
            </Group>
            {p.agency && (
              <Text size="xs" mt={4}>
                {t('procAgency')}: {p.agency}
              </Text>
            )}
            {p.fee && (
              <Text size="xs">
                {t('procFee')}: {p.fee}
              </Text>
            )}
          </Card>
        ))}
        {d && d.items.length < d.total && (
          <Button variant="default" onClick={() => setLimit((n) => n + PAGE)} data-testid="proc-more">
            {t('procMore')}
          </Button>
        )}
      </Stack>
    </Container>
  );
}
