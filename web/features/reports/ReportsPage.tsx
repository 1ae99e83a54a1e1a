/**
 * The periodic CCHC reports of a period: its window and due day, the province's report, every unit's report
 * with its state and how many have been sent; Sở Nội vụ urges the units that have not sent theirs.
 */
import { Alert, Anchor, Button, Card, Group, Modal, Progress, SegmentedControl, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { EmptyRow, ErrorAlert, LoadState, useLoad } from '../../app/components';
import { formatDateTime, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ReportStateBadge } from './look';
import { defaultReportPeriod, periodName, PeriodPicker, windowText } from './periods';
import type { ReportList } from './types';

export function ReportsPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? defaultReportPeriod();
  const province = params.get('province');
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const query = new URLSearchParams({ period, ...(province ? { province } : {}) }).toString();
  const list = useLoad(() => api.get<ReportList>(`/api/reports?${query}`), [query]);
  const [show, setShow] = useState<'all' | 'missing' | 'submitted'>('all');
  const [urging, setUrging] = useState(false);
  const [message, setMessage] = useState('');
  const [urged, setUrged] = useState<{ units: number; notified: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const l = list.data;
  const manage = can('report.manage');
  const rows = (l?.units ?? []).filter((u) => show === 'all' || (show === 'submitted' ? u.state === 'submitted' : u.state !== 'submitted'));
  const urge = async () => {
    setError(null);
    try {
      setUrged(await api.post<{ units: number; notified: number }>(`/api/reports/urge?${query}`, { message }));
      setUrging(false);
      setMessage('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack>
      <Title order={3}>{t('rep.title')}</Title>
      <PeriodPicker value={period} onChange={(k) => set({ period: k })} />
      <LoadState loading={list.loading && !l} error={list.error} />
      {l && (
        <>
          <Card withBorder padding="sm">
            <Group justify="space-between" align="start" wrap="wrap">
              <div>
                <Text fw={700} size="lg" data-testid="period-label">
                  {periodName(l.period.key, lang)}
                </Text>
                <Text size="sm" data-testid="period-window">
                  {windowText(t, l.window, l.period.due)}
                </Text>
              </div>
              {l.provinces.length > 1 && (
                <Select
                  label={t('rep.province')}
                  data={l.provinces.map((p) => ({ value: String(p.id), label: p.name }))}
                  value={province ?? String(l.provinces[0].id)}
                  allowDeselect={false}
                  onChange={(v) => set({ province: v })}
                  w={260}
                  data-testid="province-select"
                />
              )}
            </Group>
            {l.provinces.length > 1 && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('rep.severalProvinces')}
              </Text>
            )}
          </Card>
          {l.province && (
            <Card withBorder padding="sm" data-testid="province-report">
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>
                    {t('rep.provinceReport')} — {l.province.unitName}
                  </Text>
                  <ReportStateBadge state={l.province.state} testId="province-state" />
                  {l.province.finalisedAt && (
                    <Text size="sm" c="dimmed">
                      {t('rep.finalisedAt')} {formatDateTime(l.province.finalisedAt)}
                    </Text>
                  )}
                </Group>
                <Button component={Link} to={`/reports/${l.period.key}${province ? `?province=${province}` : ''}`} variant="light" data-testid="open-province-report">
                  {t('rep.openProvinceReport')}
                </Button>
              </Group>
            </Card>
          )}
          <Group justify="space-between" wrap="wrap" align="end">
            <Stack gap={4} miw={220} style={{ flex: 1 }}>
              <Text fw={600} data-testid="submitted-count">
                {formatNumber(l.counts.submitted)}/{formatNumber(l.counts.units)} {t('rep.unitsSubmitted')}
              </Text>
              <Progress value={(l.counts.submitted / Math.max(1, l.counts.units)) * 100} maw={420} />
            </Stack>
            <Group gap="xs" wrap="wrap">
              <SegmentedControl
                size="xs"
                value={show}
                onChange={(v) => setShow(v as typeof show)}
                data={[
                  { value: 'all', label: t('rep.show.all') },
                  { value: 'missing', label: t('rep.show.missing') },
                  { value: 'submitted', label: t('rep.show.submitted') },
                ]}
              />
              {manage && (
                <Button color="orange" variant="light" onClick={() => setUrging(true)} disabled={l.counts.submitted === l.counts.units} data-testid="urge-open">
                  {t('rep.urge')}
                </Button>
              )}
            </Group>
          </Group>
          {urged && (
            <Alert color="green" withCloseButton onClose={() => setUrged(null)} data-testid="urge-result">
              {t('rep.urgedUnits').replace('{units}', formatNumber(urged.units)).replace('{users}', formatNumber(urged.notified))}
            </Alert>
          )}
          <Table striped highlightOnHover data-testid="unit-reports" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>TT</Table.Th>
                <Table.Th>{t('unit')}</Table.Th>
                <Table.Th>{t('rep.unitType')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('rep.submittedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u, i) => (
                <Table.Tr key={u.unitId} data-testid="unit-report-row" data-unit={u.unitName}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/${l.period.key}/units/${u.unitId}`} size="sm">
                      {u.unitName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`type.${u.unitType}`)}</Table.Td>
                  <Table.Td>
                    <ReportStateBadge state={u.state} />
                  </Table.Td>
                  <Table.Td>{u.submittedAt ? formatDateTime(u.submittedAt) : ''}</Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 && <EmptyRow columns={5} message={l.units.length ? t('rep.noneShown') : t('rep.noUnits')} />}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Modal opened={urging} onClose={() => setUrging(false)} title={t('rep.urgeTitle')}>
        <Stack>
          <Text size="sm">{l ? t('rep.urgeWho').replace('{n}', formatNumber(l.counts.units - l.counts.submitted)).replace('{period}', periodName(l.period.key, lang)) : ''}</Text>
          <ErrorAlert error={error} />
          <Textarea label={t('rep.urgeMessage')} placeholder={t('rep.urgeMessageHint')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={3} maxLength={1000} data-testid="urge-message" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUrging(false)}>
              {t('cancel')}
            </Button>
            <Button color="orange" onClick={urge} data-testid="urge-send">
              {t('rep.urgeSend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
