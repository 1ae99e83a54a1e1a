/** One document: its dates, status (as of today or another day), what ended it and what it ended; edit. */
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { DateField, LoadState, useLoad } from '../../app/components';
import { formatDate, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LegalDocForm } from './LegalDocForm';
import { EndingLink, StatusLine } from './look';
import type { LegalDocDetail } from './types';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children || '—'}
      </Text>
    </Stack>
  );
}

export function LegalDocPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const { can, user } = useAuth();
  const [asOf, setAsOf] = useState<string>(todayVn());
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const doc = useLoad(() => api.get<LegalDocDetail>(`/api/legal-documents/${id}?asOf=${asOf}`), [id, asOf]);
  const d = doc.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} data-testid="ld-detail-symbol">
          {d ? `${t(`ld.kind.${d.kind}`)} ${d.symbol}` : t('legalDocs')}
        </Title>
        <Group>
          {d && can('register.manage') && !editing && (
            <Button variant="light" onClick={() => { setEditing(true); setSaved(false); }} data-testid="ld-edit">
              {t('ld.edit')}
            </Button>
          )}
          <Anchor component={Link} to="/legal-documents">
            {t('ld.back')}
          </Anchor>
        </Group>
      </Group>
      <LoadState loading={doc.loading && !d} error={doc.error} />
      {saved && <Alert color="green">{t('ld.saved')}</Alert>}
      {d && editing && (
        <LegalDocForm
          doc={d}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
            doc.reload();
          }}
        />
      )}
      {d && !editing && (
        <Paper withBorder p="md">
          <Stack>
            <Text fw={500} data-testid="ld-detail-title">
              {d.title}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Field label={t('ld.issuer')}>
                {d.issuer.text}
                {d.issuer.unitName && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({d.issuer.unitName})
                  </Text>
                )}
              </Field>
              <Field label={t('ld.field')}>{d.field}</Field>
              <Field label={t('ld.lead')}>{d.lead.text ?? d.lead.unitName}</Field>
              <Field label={t('ld.signedOn')}>{formatDate(d.signedOn)}</Field>
              <Field label={t('ld.effectiveOn')}>{formatDate(d.effectiveOn)}</Field>
              <Field label={t('ld.expiredOn')}>
                {d.expiredOn && formatDate(d.expiredOn)}
                {d.endedBy && (
                  <>
                    {' '}
                    {t('ld.by')} <EndingLink e={d.endedBy} />
                  </>
                )}
              </Field>
            </SimpleGrid>
            {d.partEndings.length > 0 && (
              <Field label={t('ld.parts')}>
                {d.partEndings.map((p, i) => (
                  <div key={i}>
                    {t('ld.since')} {formatDate(p.from)} {t('ld.by')} <EndingLink e={p} />
                    {p.note && ` — ${p.note}`}
                  </div>
                ))}
              </Field>
            )}
            <Group align="flex-end">
              <DateField label={t('ld.statusOn')} value={asOf} onChange={(v) => v && setAsOf(v)} w={150} />
              <div data-testid="ld-detail-status">
                <StatusLine s={d.status} />
              </div>
            </Group>
            {d.link && (
              <Field label={t('ld.link')}>
                <Anchor href={d.link} target="_blank" rel="noreferrer" size="sm">
                  {d.link}
                </Anchor>
              </Field>
            )}
            {d.note && <Field label={t('ld.note')}>{d.note}</Field>}
            {can('audit.read', { unitId: user?.unitId }) && (
              <Anchor component={Link} to={`/audit?entityType=legal_document&entityId=${d.id}`} size="sm">
                {t('ld.history')}
              </Anchor>
            )}
          </Stack>
        </Paper>
      )}
      {d && d.ended.length > 0 && (
        <Paper withBorder p="md">
          <Title order={5}>{t('ld.ended')}</Title>
          <Table fz="sm">
            <Table.Tbody>
              {d.ended.map((x) => (
                <Table.Tr key={`${x.id}-${x.scope}-${x.from}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/legal-documents/${x.id}`} size="sm">
                      {x.symbol}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{x.title}</Table.Td>
                  <Table.Td>
                    {t(`ld.scope.${x.scope}`)} {t('ld.since')} {formatDate(x.from)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

/** A new document: the form, then its page. */
export function LegalDocNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('ld.new')}</Title>
        <Anchor component={Link} to="/legal-documents">
          {t('ld.back')}
        </Anchor>
      </Group>
      <LegalDocForm doc={null} onSaved={(d) => navigate(`/legal-documents/${d.id}`)} onCancel={() => navigate('/legal-documents')} />
    </Stack>
  );
}
