/**
 * A periodic CCHC report: a unit's (`/reports/:period/units/:unitId`) or the province's (`/reports/:period`).
 * Each section of the template in its order shows the sentences the system wrote from the records (each a
 * link to them) above the text the unit writes, saved when the field is left; the key figures sit beside.
 * The province's report also shows what each unit sent for the section and drafts itself from them. Once
 * finalised the report is read-only: when, the audit head it carries, and the figures changed since.
 */
import { Alert, Anchor, Box, Button, Card, Grid, Group, List, Modal, SimpleGrid, Spoiler, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { DateField, ErrorAlert, LoadState, Tag, useLoad } from '../../app/components';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { fold } from '../../../domain/text/normalize';
import { isPercentPath, readableDifferences, ReportStateBadge } from './look';
import { periodName, windowText } from './periods';
import type { ReportRow, ReportSection, ReportView } from './types';

type Saver = (body: Record<string, unknown>) => Promise<boolean>;

function SavedNote({ state }: { state: { saved?: string; error?: string } }) {
  const { t } = useI18n();
  if (state.error) {
    return (
      <Text size="xs" c="red" role="alert">
        {state.error}
      </Text>
    );
  }
  return state.saved ? (
    <Text size="xs" c="dimmed" data-testid="saved-note">
      {t('rep.savedAt')} {state.saved}
    </Text>
  ) : null;
}

function Section({ s, editable, hidden, save }: { s: ReportSection; editable: boolean; hidden: boolean; save: Saver }) {
  const { t } = useI18n();
  const [text, setText] = useState(s.text);
  const [saved, setSaved] = useState(s.text);
  const [state, setState] = useState<{ saved?: string; error?: string }>({});
  const commit = async () => {
    if (text === saved) return;
    try {
      if (await save({ texts: { [s.key]: text } })) {
        setSaved(text);
        setState({ saved: formatDateTime(new Date()) });
      }
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  const units = s.unitTexts ?? [];
  return (
    <Stack gap={6} data-testid={`section-${s.key}`} id={`section-${s.key}`}>
      <Title order={s.level === 1 ? 4 : 5}>{s.title}</Title>
      {s.lines.length > 0 && (
        <Card withBorder padding="xs" bg="var(--mantine-color-blue-light)" data-testid="auto-lines">
          <Text size="xs" c="dimmed" mb={4}>
            {t('rep.fromRecords')}
          </Text>
          <List size="sm" spacing={4}>
            {s.lines.map((l, i) => (
              <List.Item key={i}>
                {l.link ? (
                  <Anchor component={Link} to={l.link} size="sm" data-testid="auto-line">
                    {l.text}
                  </Anchor>
                ) : (
                  <Text span size="sm" data-testid="auto-line-plain">
                    {l.text}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {units.length > 0 && (
        <Card withBorder padding="xs" data-testid="unit-texts">
          <Text size="xs" c="dimmed" mb={4}>
            {t('rep.unitsWrote').replace('{n}', formatNumber(units.length))}
          </Text>
          <Spoiler maxHeight={120} showLabel={t('rep.showMore')} hideLabel={t('rep.showLess')}>
            <Stack gap={6}>
              {units.map((u) => (
                <Text key={u.unitId} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span fw={600} size="sm">
                    {u.unitName}:
                  </Text>{' '}
                  {u.text}
                </Text>
              ))}
            </Stack>
          </Spoiler>
        </Card>
      )}
      {hidden ? null : editable ? (
        <>
          <Textarea
            aria-label={`${t('rep.yourText')}: ${s.title}`}
            placeholder={s.hint ?? t('rep.writeHere')}
            autosize
            minRows={s.level === 1 && s.lines.length === 0 && !s.hint ? 2 : 3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={commit}
            data-testid={`text-${s.key}`}
          />
          <SavedNote state={state} />
        </>
      ) : text.trim() ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`text-${s.key}`}>
          {text}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          {t('rep.noText')}
        </Text>
      )}
    </Stack>
  );
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const get = (o: unknown, ...path: string[]) => path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);

/** The key figures of the report, each opening its records. */
function KeyFigures({ v }: { v: ReportView }) {
  const { t } = useI18n();
  const f = v.figures;
  const q = (extra: Record<string, string>) => new URLSearchParams({ unit: String(v.unit.id), from: v.window.from, to: v.window.to, ...extra }).toString();
  const year = v.window.to.slice(0, 4);
  const items: { key: string; label: string; value: string; sub?: string; to?: string }[] = [];
  const d = (k: string) => num(get(f, 'dossiers', k));
  if (get(f, 'dossiers')) {
    items.push({ key: 'received', label: t('fig.dossiers.received'), value: formatNumber(d('received') ?? 0), sub: `${t('fig.dossiers.receivedOnline')}: ${formatNumber(d('receivedOnline') ?? 0)}`, to: `/dossiers/list?${q({ category: 'received' })}` });
    items.push({ key: 'resolved', label: t('fig.dossiers.resolved'), value: formatNumber(d('resolved') ?? 0), sub: `${t('fig.dossiers.late')}: ${formatNumber(d('late') ?? 0)}`, to: `/dossiers/list?${q({ category: 'resolved' })}` });
    items.push({ key: 'onTimeRate', label: t('fig.dossiers.onTimeRate'), value: formatPercent(d('onTimeRate')), to: `/dossiers/list?${q({ category: 'late' })}`, sub: t('rep.seeLate') });
    items.push({ key: 'onlineRate', label: t('fig.dossiers.onlineRate'), value: formatPercent(d('onlineRate')) });
    items.push({ key: 'inProgressLate', label: t('fig.dossiers.inProgressLate'), value: formatNumber(d('inProgressLate') ?? 0), to: `/dossiers/list?${q({ category: 'in_progress_late' })}` });
  }
  if (get(f, 'planTasks')) {
    const p = (k: string) => num(get(f, 'planTasks', k));
    items.push({ key: 'planTasks', label: t('rep.planTasksDone'), value: `${formatNumber(p('done') ?? 0)}/${formatNumber(p('total') ?? 0)}`, sub: formatPercent(p('percent')), to: `/plans/year-tasks?${q({ year })}` });
    items.push({ key: 'planOverdue', label: t('fig.planTasks.overdue'), value: formatNumber(p('overdue') ?? 0), to: `/plans/year-tasks?${q({ year, status: 'overdue' })}` });
  }
  if (get(f, 'index766')) {
    items.push({ key: 'index766', label: t('fig.index766'), value: `${formatNumber(num(get(f, 'index766', 'total')) ?? 0, 2)}/${formatNumber(num(get(f, 'index766', 'maxWithData')) ?? 0, 0)}`, to: `/index766?${new URLSearchParams({ unit: String(v.unit.id), period: year })}` });
  }
  if (get(f, 'targets')) {
    const m = (k: string) => num(get(f, 'targets', k)) ?? 0;
    const total = m('met') + m('notMet') + m('noData');
    items.push({ key: 'targets', label: t('rep.targetsMet'), value: `${formatNumber(m('met'))}/${formatNumber(total)}`, to: `/indicators/targets?${new URLSearchParams({ year, ...(v.kind === 'unit' ? { unit: String(v.unit.id) } : {}) })}` });
  }
  if (num(get(f, 'par', 'index')) !== null) {
    const rank = num(get(f, 'par', 'rank'));
    const of = num(get(f, 'par', 'of'));
    items.push({ key: 'par', label: `${t('fig.par')} ${get(f, 'par', 'year')}`, value: formatPercent(num(get(f, 'par', 'index'))), sub: rank && of ? `${t('rep.rank')} ${rank}/${of}` : undefined });
  }
  const legal = num(get(f, 'legalDocuments', 'total'));
  if (legal !== null) items.push({ key: 'legal', label: t('fig.legalDocuments.total'), value: formatNumber(legal) });
  return (
    <Card withBorder padding="sm" data-testid="key-figures">
      <Text fw={600} mb="xs">
        {t('rep.keyFigures')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 1 }} spacing="xs">
        {items.map((i) => (
          <Box key={i.key} data-testid={`kf-${i.key}`}>
            <Text size="xs" c="dimmed">
              {i.label}
            </Text>
            <Text fw={700}>
              {i.to ? (
                <Anchor component={Link} to={i.to} inherit>
                  {i.value}
                </Anchor>
              ) : (
                i.value
              )}
            </Text>
            {i.sub && (
              <Text size="xs" c="dimmed">
                {i.sub}
              </Text>
            )}
          </Box>
        ))}
      </SimpleGrid>
    </Card>
  );
}

/**
 * What the document uses when a field is left empty (as server/modules/reports/documents.ts does): the
 * People's Committee's symbol and signer for the province and communes, the unit's initials and its director
 * for a department.
 */
function documentDefaults(v: ReportView) {
  const committee = v.kind === 'province' || v.unit.type === 'commune' || v.unit.type === 'district';
  const initials = fold(v.unit.name)
    .split(/\s+/)
    .filter((w) => w && w !== 'va')
    .map((w) => w[0].toUpperCase())
    .join('');
  return committee ? { symbol: 'BC-UBND', authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch' } : { symbol: `BC-${initials}`, authority: '', title: 'Giám đốc' };
}

/** Number, symbol, signing day, signer, recipients: the parts of the document (Decree 30/2020) the unit fills. */
function DocumentFields({ row, editable, save, defaults }: { row: ReportRow | null; editable: boolean; save: Saver; defaults: ReturnType<typeof documentDefaults> }) {
  const { t } = useI18n();
  const [number, setNumber] = useState(row?.number ?? '');
  const [symbol, setSymbol] = useState(row?.symbol ?? '');
  const [signedOn, setSignedOn] = useState<string | null>(row?.signedOn ?? null);
  const [title, setTitle] = useState(row?.signer?.title ?? '');
  const [name, setName] = useState(row?.signer?.name ?? '');
  const [authority, setAuthority] = useState(row?.signer?.authority ?? '');
  const [recipients, setRecipients] = useState((row?.recipients ?? []).join('\n'));
  const [state, setState] = useState<{ saved?: string; error?: string }>({});
  const commit = async (body: Record<string, unknown>) => {
    try {
      if (await save(body)) setState({ saved: formatDateTime(new Date()) });
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  if (!editable) {
    const parts: [string, string | null | undefined][] = [
      [t('rep.number'), `${row?.number ?? '…'}/${row?.symbol ?? defaults.symbol}`],
      [t('rep.signedOn'), row?.signedOn ? formatDate(row.signedOn) : null],
      [t('rep.signer'), (row?.signer ? [row.signer.authority, row.signer.title, row.signer.name] : [defaults.authority, defaults.title]).filter(Boolean).join(' ') || null],
      [t('rep.recipients'), (row?.recipients ?? []).join('; ') || null],
    ];
    return (
      <Card withBorder padding="sm" data-testid="document-fields">
        <Text fw={600} mb="xs">
          {t('rep.documentFields')}
        </Text>
        <Stack gap={2}>
          {parts.map(([label, value]) => (
            <Text key={label} size="sm">
              <Text span c="dimmed" size="sm">
                {label}:
              </Text>{' '}
              {value ?? '—'}
            </Text>
          ))}
        </Stack>
      </Card>
    );
  }
  // a name or an authority alone is signed under the default title
  const signer = () => {
    if (!title.trim() && !name.trim() && !authority.trim()) return null;
    const auth = authority.trim() || defaults.authority;
    return { title: title.trim() || defaults.title, name: name.trim() || null, ...(auth ? { authority: auth } : {}) };
  };
  const same = (a: string | null | undefined, b: string) => (a ?? '') === b;
  return (
    <Card withBorder padding="sm" data-testid="document-fields">
      <Text fw={600} mb="xs">
        {t('rep.documentFields')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput label={t('rep.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} onBlur={() => !same(row?.number, number) && commit({ number: number || null })} data-testid="doc-number" />
        <TextInput label={t('rep.symbol')} placeholder={defaults.symbol} value={symbol} onChange={(e) => setSymbol(e.currentTarget.value)} onBlur={() => !same(row?.symbol, symbol) && commit({ symbol: symbol || null })} />
        <DateField label={t('rep.signedOn')} value={signedOn} onChange={setSignedOn} onBlur={() => signedOn !== (row?.signedOn ?? null) && commit({ signedOn })} />
        <TextInput label={t('rep.signerAuthority')} placeholder={defaults.authority} value={authority} onChange={(e) => setAuthority(e.currentTarget.value)} onBlur={() => !same(row?.signer?.authority, authority) && commit({ signer: signer() })} />
        <TextInput label={t('rep.signerTitle')} placeholder={defaults.title} value={title} onChange={(e) => setTitle(e.currentTarget.value)} onBlur={() => !same(row?.signer?.title, title) && commit({ signer: signer() })} data-testid="doc-signer-title" />
        <TextInput label={t('rep.signerName')} value={name} onChange={(e) => setName(e.currentTarget.value)} onBlur={() => !same(row?.signer?.name, name) && commit({ signer: signer() })} data-testid="doc-signer-name" />
      </SimpleGrid>
      <Textarea
        mt="xs"
        label={t('rep.recipients')}
        description={t('rep.recipientsHint')}
        autosize
        minRows={2}
        value={recipients}
        onChange={(e) => setRecipients(e.currentTarget.value)}
        onBlur={() => recipients !== (row?.recipients ?? []).join('\n') && commit({ recipients: recipients.split('\n').map((x) => x.trim()).filter(Boolean) })}
        data-testid="doc-recipients"
      />
      <SavedNote state={state} />
    </Card>
  );
}

/** The changes since the report was finalised, by the figures' names. */
function Differences({ v }: { v: ReportView }) {
  const { t } = useI18n();
  const rows = readableDifferences(t, v.differences ?? []);
  const show = (path: string, x: number | null) => (x === null ? '—' : isPercentPath(path) ? formatPercent(x) : formatNumber(x, Number.isInteger(x) ? 0 : 2));
  return (
    <Card withBorder padding="sm" data-testid="differences">
      <Text fw={600}>{t('rep.differences')}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-differences">
          {t('rep.noDifferences')}
        </Text>
      ) : (
        <Table fz="sm" mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rep.figure')}</Table.Th>
              <Table.Th ta="right">{t('rep.whenFinalised')}</Table.Th>
              <Table.Th ta="right">{t('rep.today')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.path} data-testid="difference-row">
                <Table.Td>{d.name}</Table.Td>
                <Table.Td ta="right">{show(d.path, d.frozen)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {show(d.path, d.now)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** A file from the API: saved under the server's name; its message shown when it cannot be made (PDF). */
async function download(url: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new Error(body.message ?? res.statusText);
  }
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const name = m ? decodeURIComponent(m[1]) : url.split('?')[0].split('/').pop()!;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function ReportPage() {
  const { t, lang } = useI18n();
  const { period = '', unitId } = useParams();
  const [params] = useSearchParams();
  const unit = unitId ?? params.get('province');
  const query = new URLSearchParams({ period, ...(unit ? { unit } : {}) }).toString();
  const url = `/api/reports/cchc?${query}`;
  const load = useLoad(() => api.get<ReportView>(url), [url]);
  // the report as fetched again after an action (the sections start again from it: `version`)
  const [fresh, setFresh] = useState<{ for: string; view: ReportView } | null>(null);
  const [version, setVersion] = useState(0);
  const [row, setRow] = useState<{ for: string; row: ReportRow | null } | null>(null);
  const [dialog, setDialog] = useState<'submit' | 'return' | 'finalise' | 'redraft' | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const v = fresh && fresh.for === query ? fresh.view : load.data;
  const current = row && row.for === query ? row.row : (v?.report ?? null);
  const refresh = async (remount: boolean) => {
    const view = await api.get<ReportView>(url);
    setFresh({ for: query, view });
    setRow(null);
    if (remount) setVersion((x) => x + 1);
  };
  const editable = !!v && v.can.edit && !v.frozen;
  const save: Saver = async (body) => {
    const r = await api.put<ReportRow>(`/api/reports/cchc?${query}`, body);
    // the first save makes the report: what may be done with it (submit, finalise) is asked again
    if (!current) await refresh(false);
    else setRow({ for: query, row: r });
    return true;
  };
  const act = async (path: string, body?: unknown) => {
    setError(null);
    setBusy(true);
    try {
      await api.post(`/api/reports/cchc/${path}`, body);
      await refresh(true);
      setDialog(null);
      setComment('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const fetchFile = (ext: string) => download(`/api/reports/cchc.${ext}?${query}`).catch((e: Error) => setError(e.message));
  const state = current?.state ?? null;
  return (
    <Stack>
      <LoadState loading={load.loading && !v} error={load.error} />
      {v && (
        <>
          <Group justify="space-between" align="start" wrap="wrap">
            <div>
              <Anchor component={Link} to={`/reports?period=${v.period.key}`} size="sm">
                ← {t('rep.backToList')}
              </Anchor>
              <Title order={3} data-testid="report-title">
                {t('rep.reportOf')} {periodName(v.period.key, lang)} — {v.unit.name}
              </Title>
              <Text size="sm" data-testid="report-window">
                {windowText(t, v.window, v.period.due)}
              </Text>
            </div>
            <Group gap="xs" wrap="wrap">
              <ReportStateBadge state={state} />
              {current?.submittedAt && state === 'submitted' && (
                <Text size="sm" c="dimmed">
                  {t('rep.submittedAt')} {formatDateTime(current.submittedAt)}
                </Text>
              )}
            </Group>
          </Group>
          <Group gap="xs" wrap="wrap" justify="space-between">
            <Group gap="xs" wrap="wrap">
              {v.can.draftFromUnits && !v.frozen && (
                <Button variant="light" onClick={() => act(`draft?${query}`)} loading={busy} data-testid="draft-from-units">
                  {t('rep.draftFromUnits')}
                </Button>
              )}
              {v.can.draftFromUnits && !v.frozen && (
                <Button variant="subtle" onClick={() => setDialog('redraft')}>
                  {t('rep.redraft')}
                </Button>
              )}
              {v.can.submit && (
                <Button onClick={() => setDialog('submit')} data-testid="submit-report">
                  {t('rep.submit')}
                </Button>
              )}
              {v.can.return && (
                <Button color="orange" variant="light" onClick={() => setDialog('return')} data-testid="return-report">
                  {t('rep.return')}
                </Button>
              )}
              {v.can.finalise && (
                <Button color="green" onClick={() => setDialog('finalise')} data-testid="finalise-report">
                  {t('rep.finalise')}
                </Button>
              )}
            </Group>
            {!v.draftHidden && (
              <Group gap="xs" wrap="wrap">
                <Button variant="default" component="a" href={`/api/reports/cchc.docx?${query}`} data-testid="download-docx">
                  {t('rep.downloadDocx')}
                </Button>
                <Button variant="default" component="a" href={`/api/reports/cchc.xlsx?${query}`} data-testid="download-xlsx">
                  {t('rep.downloadXlsx')}
                </Button>
                <Button variant="default" onClick={() => fetchFile('pdf')} data-testid="download-pdf">
                  {t('rep.downloadPdf')}
                </Button>
              </Group>
            )}
          </Group>
          <ErrorAlert error={dialog ? null : error} />
          {state === 'returned' && current?.returnComment && (
            <Alert color="orange" title={t('rep.returnedTitle')} data-testid="return-comment">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {current.returnComment}
              </Text>
            </Alert>
          )}
          {v.draftHidden && (
            <Alert color="gray" title={t('rep.state.draft')} data-testid="draft-hidden">
              {t('rep.draftHidden')}
            </Alert>
          )}
          {v.frozen && current && (
            <Alert color="green" title={t('rep.frozenTitle')} data-testid="frozen">
              <Text size="sm">
                {t('rep.finalisedAt')} {current.finalisedAt ? formatDateTime(current.finalisedAt) : ''}
                {current.signedOn ? ` · ${t('rep.signedOn')} ${formatDate(current.signedOn)}` : ''}
              </Text>
              {current.auditHead && (
                <Text size="sm" data-testid="audit-head">
                  {t('rep.auditHead').replace('{count}', formatNumber(current.auditHead.count))}{' '}
                  <Text span ff="monospace" size="sm">
                    {current.auditHead.lastHash.slice(0, 12)}…
                  </Text>
                </Text>
              )}
            </Alert>
          )}
          {v.frozen && <Differences v={v} />}
          <Grid>
            <Grid.Col span={{ base: 12, md: 8, lg: 9 }} order={{ base: 2, md: 1 }}>
              <Stack gap="lg" key={`${query}-${version}`}>
                {v.sections.map((s) => (
                  <Section key={s.key} s={s} editable={editable} hidden={v.draftHidden} save={save} />
                ))}
                {!v.draftHidden && (editable || current) && <DocumentFields key={current?.id ?? 'new'} row={current} editable={editable} save={save} defaults={documentDefaults(v)} />}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4, lg: 3 }} order={{ base: 1, md: 2 }}>
              <Box style={{ position: 'sticky', top: 70 }}>
                <KeyFigures v={v} />
                {v.appendices.length > 0 && (
                  <Card withBorder padding="sm" mt="sm">
                    <Text fw={600} size="sm">
                      {t('rep.appendices')}
                    </Text>
                    <List size="xs" mt={4}>
                      {v.appendices.map((a) => (
                        <List.Item key={a.key}>
                          {a.title} ({formatNumber(a.rows.length)} {t('rep.rows')})
                        </List.Item>
                      ))}
                    </List>
                  </Card>
                )}
              </Box>
            </Grid.Col>
          </Grid>
        </>
      )}
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t(`rep.dialog.${dialog}`) : ''}>
        <Stack>
          <ErrorAlert error={error} />
          {dialog === 'return' ? (
            <Textarea label={t('rep.returnComment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={3} data-testid="return-comment-input" />
          ) : (
            <Text size="sm">{dialog ? t(`rep.confirm.${dialog}`) : ''}</Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('cancel')}
            </Button>
            <Button
              loading={busy}
              disabled={dialog === 'return' && !comment.trim()}
              color={dialog === 'return' ? 'orange' : dialog === 'finalise' ? 'green' : undefined}
              data-testid="confirm-action"
              onClick={() => {
                if (dialog === 'submit') void act(`submit?${query}`);
                else if (dialog === 'return') void act(`return?${query}`, { comment });
                else if (dialog === 'finalise') void act(`finalise?${query}`);
                else if (dialog === 'redraft') void act(`draft?${query}&replace=true`);
              }}
            >
              {dialog ? t(`rep.do.${dialog}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
