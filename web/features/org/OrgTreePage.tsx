import { ActionIcon, Box, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { buildTree, type TreeNode, type UnitAsOf } from '../../../domain/org/history';
import { fold } from '../../../domain/text/normalize';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { DateField, EmptyRow, LoadState, Tag, useLoad } from '../../app/components';
import { formatDate, formatNumber, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { CreateUnitModal, MergeModal, SplitModal } from './OrgChangeForms';

const TYPE_COLOR: Record<string, string> = {
  province: 'red',
  department: 'blue',
  district: 'grape',
  commune: 'teal',
  public_service: 'orange',
  central_agency: 'gray',
};

export function TypeBadge({ type }: { type: string }) {
  const { t } = useI18n();
  return (
    <Tag size="xs" variant="light" color={TYPE_COLOR[type] ?? 'gray'}>
      {t(`type.${type}`)}
    </Tag>
  );
}

/** Units matching the search, with their ancestors so the tree still shows where they sit. */
function filterTree(units: UnitAsOf[], query: string): { visible: UnitAsOf[]; matches: Set<number> } {
  const q = fold(query);
  if (!q) return { visible: units, matches: new Set() };
  const byId = new Map(units.map((u) => [u.id, u]));
  const keep = new Set<number>();
  const matches = new Set<number>();
  for (const u of units) {
    if (fold(u.name).includes(q) || fold(u.code).includes(q)) {
      matches.add(u.id);
      for (let p: UnitAsOf | undefined = u; p && !keep.has(p.id); p = p.parentId === null ? undefined : byId.get(p.parentId)) keep.add(p.id);
    }
  }
  return { visible: units.filter((u) => keep.has(u.id)), matches };
}

function Node({ node, depth, asOf, open, toggle, matches }: { node: TreeNode; depth: number; asOf: string; open: Set<number>; toggle(id: number): void; matches: Set<number> }) {
  const expanded = open.has(node.id);
  return (
    <>
      <Group gap="xs" pl={depth * 22} py={3} wrap="nowrap" data-testid="org-node" data-code={node.code}>
        {node.children.length > 0 ? (
          <ActionIcon size="sm" variant="subtle" onClick={() => toggle(node.id)} aria-label={expanded ? '−' : '+'} aria-expanded={expanded}>
            {expanded ? '▾' : '▸'}
          </ActionIcon>
        ) : (
          <Box w={22} />
        )}
        <Text component={Link} to={`/org/units/${node.id}?asOf=${asOf}`} fw={matches.has(node.id) ? 700 : 500} c="blue.8">
          {node.name}
        </Text>
        <Text size="xs" c="dimmed">
          {node.code}
        </Text>
        <TypeBadge type={node.type} />
        {node.children.length > 0 && (
          <Text size="xs" c="dimmed">
            ({formatNumber(node.children.length)})
          </Text>
        )}
        {node.validTo && (
          <Text size="xs" c="orange.8">
            → {formatDate(node.validTo)}
          </Text>
        )}
      </Group>
      {expanded && node.children.map((c) => <Node key={c.id} node={c} depth={depth + 1} asOf={asOf} open={open} toggle={toggle} matches={matches} />)}
    </>
  );
}

export function OrgTreePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? todayVn();
  const [draftDate, setDraftDate] = useState<string | null>(asOf);
  const [query, setQuery] = useState('');
  const [modal, setModal] = useState<'create' | 'merge' | 'split' | null>(null);
  const units = useLoad(() => api.get<UnitAsOf[]>(`/api/org-units?asOf=${asOf}`), [asOf]);
  const [closedIds, setClosedIds] = useState<Set<number>>(new Set());

  const { tree, matches, all } = useMemo(() => {
    const { visible, matches } = filterTree(units.data ?? [], query);
    return { tree: buildTree(visible), matches, all: visible };
  }, [units.data, query]);
  // every node starts expanded down to the district level; communes and searches open fully
  const open = useMemo(() => new Set(all.filter((u) => !closedIds.has(u.id) && (query || u.type !== 'district')).map((u) => u.id)), [all, closedIds, query]);
  const toggle = (id: number) =>
    setClosedIds((s) => {
      const n = new Set(s);
      if (open.has(id)) n.add(id);
      else n.delete(id);
      return n;
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('org')}</Title>
        {can('org.manage') && (
          <Group>
            <Button size="xs" onClick={() => setModal('create')}>
              {t('createUnit')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setModal('merge')}>
              {t('merge')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setModal('split')}>
              {t('split')}
            </Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (draftDate) setParams({ asOf: draftDate });
          }}
        >
          <Group align="flex-end">
            <DateField label={t('asOf')} value={draftDate} onChange={setDraftDate} name="asOf" w={160} />
            <Button type="submit" disabled={!draftDate}>
              {t('show')}
            </Button>
            <TextInput label={t('search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} placeholder="Tân An, so tu phap…" w={260} />
            <Button variant="subtle" onClick={() => setClosedIds(new Set())}>
              {t('expandAll')}
            </Button>
            <Button variant="subtle" onClick={() => setClosedIds(new Set(all.map((u) => u.id)))}>
              {t('collapseAll')}
            </Button>
          </Group>
        </form>
      </Paper>
      <Text size="sm" data-testid="org-summary">
        {formatNumber(units.data?.length ?? 0)} {t('unitsAliveOn')} {formatDate(asOf)}
      </Text>
      <LoadState loading={units.loading} error={units.error} />
      <Paper withBorder p="sm" data-testid="org-tree">
        {tree.map((n) => (
          <Node key={n.id} node={n} depth={0} asOf={asOf} open={open} toggle={toggle} matches={matches} />
        ))}
        {units.data && tree.length === 0 && (
          <Table>
            <Table.Tbody>
              <EmptyRow columns={1} message={t('noUnitsFound')} />
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {modal === 'create' && <CreateUnitModal asOf={asOf} onClose={() => setModal(null)} onDone={units.reload} />}
      {modal === 'merge' && <MergeModal asOf={asOf} onClose={() => setModal(null)} onDone={units.reload} />}
      {modal === 'split' && <SplitModal asOf={asOf} onClose={() => setModal(null)} onDone={units.reload} />}
    </Stack>
  );
}
