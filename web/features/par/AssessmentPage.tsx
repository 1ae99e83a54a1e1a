/**
 * A unit's self-assessment, and beside it the appraisal. Long by nature: the areas are a menu, every field
 * saves itself when left (Tab / Enter moves on, Enter in a score goes to the next item's score), the progress
 * bar follows. Once submitted it is read-only to the unit, except an item returned for explanation.
 */
import { Alert, Anchor, Box, Button, Card, FileButton, Grid, Group, List, NativeSelect, NavLink, Progress, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../app/api';
import { LoadState, Tag, useLoad } from '../../app/components';
import { formatDate, formatDateTime, formatNumber, formatPoints } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { ItemInput, ScoringRule } from '../../../domain/par/scoring';
import type { Assessment, AssessmentItem } from './types';

const parseNum = (s: string) => (s.trim() === '' ? null : Number(s.trim().replace(/\s/g, '').replace(',', '.')));

/** The text a field shows for an input, and the input a text gives, by the rule the item is scored under. */
function inputText(kind: ScoringRule['kind'], input: ItemInput | null): string {
  if (!input) return '';
  if ('yes' in input) return input.yes ? 'yes' : 'no';
  const n = 'value' in input ? input.value : 'percent' in input ? input.percent : input.count;
  return kind === 'deduction' ? String(n) : formatNumber(n, n % 1 ? 2 : 0);
}
function textInput(kind: ScoringRule['kind'], text: string): ItemInput | null | 'invalid' {
  if (kind === 'yes_no') return text === '' ? null : { yes: text === 'yes' };
  const n = parseNum(text);
  if (n === null) return null;
  if (Number.isNaN(n)) return 'invalid';
  if (kind === 'tiers') return { percent: n };
  if (kind === 'deduction') return { count: n };
  return { value: n };
}

/** Enter in a score field: on to the next item's score (the field saves as it is left); the last one just saves. */
function nextScore(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  const all = [...document.querySelectorAll<HTMLElement>('[data-score-input]')];
  const next = all[all.indexOf(e.currentTarget) + 1];
  if (next) next.focus();
  else e.currentTarget.blur();
}

function ScoreField({ kind, value, onChange, onCommit, disabled, max, label }: { kind: ScoringRule['kind']; value: string; onChange(v: string): void; onCommit(v: string): void; disabled: boolean; max: number; label: string }) {
  const { t } = useI18n();
  if (kind === 'yes_no') {
    return (
      <NativeSelect
        label={label}
        data-score-input
        disabled={disabled}
        value={value}
        data={[
          { value: '', label: '—' },
          { value: 'yes', label: `${t('yes')} (${formatNumber(max, 2)})` },
          { value: 'no', label: `${t('no')} (0)` },
        ]}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          onCommit(e.currentTarget.value);
        }}
        onKeyDown={nextScore}
        w={170}
      />
    );
  }
  const unit = kind === 'tiers' ? '%' : kind === 'deduction' ? t('shortcomings') : `/ ${formatNumber(max, 2)}`;
  return (
    <TextInput
      label={label}
      data-score-input
      disabled={disabled}
      value={value}
      inputMode="decimal"
      rightSection={<Text size="xs">{unit}</Text>}
      rightSectionWidth={kind === 'deduction' ? 60 : 50}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => onCommit(e.currentTarget.value)}
      onKeyDown={nextScore}
      w={170}
    />
  );
}

function UnitSide({ a, item, reload }: { a: Assessment; item: AssessmentItem; reload(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(inputText(item.inputRule, item.input));
  const [explanation, setExplanation] = useState(item.explanation ?? '');
  const [refs, setRefs] = useState(item.refs ?? '');
  const [reply, setReply] = useState('');
  const [state, setState] = useState<{ saved?: string; error?: string }>({});
  const url = `/api/par/rounds/${a.round.id}/units/${a.unit.id}/items/${item.code}`;
  const save = async (body: object) => {
    try {
      await api.put(url, body);
      setState({ saved: formatDateTime(new Date()) });
      reload();
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  const commitScore = (v: string) => {
    const input = textInput(item.inputRule, v);
    if (input === 'invalid') return setState({ error: t('notANumber') });
    if (v === inputText(item.inputRule, item.input)) return;
    void save({ input });
  };
  const upload = async (f: File | null) => {
    if (!f) return;
    const form = new FormData();
    form.append('file', f);
    try {
      await api.upload(`${url}/evidence`, form);
      setState({ saved: formatDateTime(new Date()) });
      reload();
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  const remove = async (id: number) => {
    try {
      await api.delete(`/api/par/evidence/${id}`);
      reload();
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  const answer = async () => {
    try {
      await api.post(`${url}/answer`, { reply });
      reload();
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  const computed = item.inputRule === 'computed';
  return (
    <Stack gap={6}>
      {item.data && (
        <Text size="sm" data-testid={`data-${item.code}`}>
          {t('systemData')}: {item.data.percent === null ? t('noDataSelfScore') : `${formatNumber(item.data.percent, 2)} % (${item.data.numerator}/${item.data.denominator})`}
        </Text>
      )}
      <Group align="end" gap="xs">
        {computed ? (
          <Text size="sm">{t('computedScore')}</Text>
        ) : (
          <ScoreField kind={item.inputRule} value={text} onChange={setText} onCommit={commitScore} disabled={!item.editable} max={item.max} label={t(`input.${item.inputRule}`)} />
        )}
        <Tag size="lg" variant="light" data-testid={`self-${item.code}`}>
          {formatPoints(item.selfScore)} / {formatNumber(item.max, 2)}
        </Tag>
      </Group>
      <Textarea
        label={t('explanation')}
        autosize
        minRows={1}
        disabled={!item.editable}
        value={explanation}
        onChange={(e) => setExplanation(e.currentTarget.value)}
        onBlur={() => explanation !== (item.explanation ?? '') && save({ explanation })}
      />
      <TextInput label={t('references')} placeholder={t('referencesHint')} disabled={!item.editable} value={refs} onChange={(e) => setRefs(e.currentTarget.value)} onBlur={() => refs !== (item.refs ?? '') && save({ refs })} />
      <Group gap="xs">
        {item.evidence.map((f) => (
          <Tag key={f.id} variant="outline" rightSection={item.editable ? <span onClick={() => remove(f.id)} style={{ cursor: 'pointer' }} aria-label={t('remove')}>×</span> : undefined}>
            <Anchor href={`/api/par/evidence/${f.id}`} size="xs">
              {f.fileName}
            </Anchor>
          </Tag>
        ))}
        {item.editable && (
          <FileButton onChange={upload} accept=".pdf,.docx,.xlsx,.doc,.xls,.jpg,.jpeg,.png">
            {(props) => (
              <Button {...props} size="xs" variant="subtle">
                + {t('attachEvidence')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {item.appraisal === 'returned' && item.editable && (
        <Group align="end">
          <TextInput label={t('yourAnswer')} value={reply} onChange={(e) => setReply(e.currentTarget.value)} w={380} />
          <Button size="xs" onClick={answer} disabled={!reply.trim()}>
            {t('sendAnswer')}
          </Button>
        </Group>
      )}
      {state.error && (
        <Text size="xs" c="red" role="alert">
          {state.error}
        </Text>
      )}
      {state.saved && !state.error && (
        <Text size="xs" c="dimmed">
          {t('savedAt')} {state.saved}
        </Text>
      )}
    </Stack>
  );
}

function AppraiserSide({ a, item, reload }: { a: Assessment; item: AssessmentItem; reload(): void }) {
  const { t } = useI18n();
  const kind = item.inputRule === 'computed' ? 'manual' : item.inputRule;
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const url = `/api/par/rounds/${a.round.id}/units/${a.unit.id}/items/${item.code}/appraisal`;
  const send = async (body: object) => {
    setError(null);
    try {
      await api.post(url, body);
      setText('');
      setReason('');
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const adjust = () => {
    const input = textInput(kind, text);
    if (input === null || input === 'invalid') return setError(t('notANumber'));
    void send({ action: 'adjust', input, reason });
  };
  return (
    <Stack gap={6}>
      <Group gap="xs">
        {item.appraisal ? <Tag color={item.appraisal === 'adjusted' ? 'orange' : item.appraisal === 'accepted' ? 'green' : 'yellow'}>{t(`appraisal.${item.appraisal}`)}</Tag> : <Tag color="gray">{t('notAppraised')}</Tag>}
        {(item.appraisal === 'accepted' || item.appraisal === 'adjusted') && (
          <Tag size="lg" variant="light" color="teal" data-testid={`appraised-${item.code}`}>
            {formatPoints(item.appraisedScore)}
          </Tag>
        )}
      </Group>
      {item.appraisalReason && <Text size="sm">{item.appraisalReason}</Text>}
      {item.returnNote && (
        <Text size="sm" c="orange">
          {t('returnNote')}: {item.returnNote}
        </Text>
      )}
      {a.can.appraise && item.appraisal !== 'returned' && (
        <>
          <Group align="end" gap="xs">
            <Button size="xs" color="green" variant="light" onClick={() => send({ action: 'accept' })}>
              {t('accept')}
            </Button>
            <ScoreField kind={kind} value={text} onChange={setText} onCommit={() => undefined} disabled={false} max={item.max} label={t('adjustTo')} />
          </Group>
          <Group align="end" gap="xs">
            <TextInput label={t('reasonOrNote')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={300} />
            <Button size="xs" variant="light" color="orange" onClick={adjust} disabled={!reason.trim() || !text}>
              {t('adjust')}
            </Button>
            {!item.returnedAt && (
              <Button size="xs" variant="subtle" onClick={() => send({ action: 'return', note: reason })} disabled={!reason.trim()}>
                {t('returnForExplanation')}
              </Button>
            )}
          </Group>
        </>
      )}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function ruleHint(t: (k: string) => string, item: AssessmentItem): string {
  const r = item.rule;
  if (r.kind === 'tiers' || (r.kind === 'computed' && r.tiers?.length)) {
    return (r.kind === 'tiers' ? r.tiers : r.tiers!).map((x) => `≥ ${formatNumber(x.atLeast, 0)} % → ${formatNumber(x.share * item.max, 2)}`).join('; ');
  }
  if (r.kind === 'deduction') return `${t('rule.deduction')} ${formatNumber(r.perItem, 2)}`;
  if (r.kind === 'computed') return `${t(`source.${r.source}`)} (${t('proRata')})`;
  return t(`rule.${r.kind}`);
}

export function AssessmentPage() {
  const { t } = useI18n();
  const { id, unitId } = useParams();
  const load = useLoad(() => api.get<Assessment>(`/api/par/rounds/${id}/units/${unitId}`), [id, unitId]);
  const [submitError, setSubmitError] = useState<{ message: string; lines: string[] } | null>(null);
  const a = load.data;
  const submit = async () => {
    setSubmitError(null);
    try {
      await api.post(`/api/par/rounds/${id}/units/${unitId}/submit`);
      load.reload();
    } catch (e) {
      const d = e instanceof ApiError ? e.details : undefined;
      setSubmitError({ message: (e as Error).message, lines: ((d?.problems as { itemCode: string; problem: string }[]) ?? []).map((p) => `${p.itemCode}: ${t(`problem.${p.problem}`)}`) });
    }
  };
  const acceptRest = async () => {
    await api.post(`/api/par/rounds/${id}/units/${unitId}/accept-remaining`);
    load.reload();
  };
  const showAppraisal = a && a.submittedAt && !a.draftHidden;
  return (
    <Stack>
      <LoadState loading={load.loading && !a} error={load.error} />
      {a && (
        <>
          <Group justify="space-between" align="start">
            <div>
              <Title order={3}>{a.unit.name}</Title>
              <Text size="sm">
                <Anchor component={Link} to={`/par/rounds/${a.round.id}`}>
                  {a.round.name}
                </Anchor>{' '}
                · {a.set.name} · {t('selfWindow')} {formatDate(a.round.selfFrom)} – {formatDate(a.round.selfTo)}
              </Text>
            </div>
            <Group>
              {a.submittedAt ? <Tag color="green">{t('submittedAt')} {formatDateTime(a.submittedAt)}</Tag> : <Tag color="gray">{t('draft')}</Tag>}
              {a.reopenedUntil && <Tag color="orange">{t('reopenedUntil')} {formatDate(a.reopenedUntil)}</Tag>}
              {a.can.submit && (
                <Button onClick={submit} data-testid="submit-assessment">
                  {t('submitAssessment')}
                </Button>
              )}
              {a.can.appraise && (
                <Button variant="light" color="green" onClick={acceptRest}>
                  {t('acceptRemaining')}
                </Button>
              )}
            </Group>
          </Group>
          <Card withBorder p="xs">
            <Group>
              <Text size="sm" w={200}>
                {t('progress')}: {a.progress.scored}/{a.progress.total}
              </Text>
              <Progress value={(a.progress.scored / Math.max(1, a.progress.total)) * 100} style={{ flex: 1 }} data-testid="self-progress" />
              {a.totals && (
                <Text size="sm" data-testid="totals">
                  {t('selfScore')}: {formatPoints(a.totals.selfScore)} · {t('appraisedScore')}: {formatPoints(a.totals.appraisedScore)} · {t('surveyPoints')}: {formatPoints(a.surveyScore)} · {t('maxPoints')}: {formatPoints(a.totals.maxScore)}
                </Text>
              )}
            </Group>
          </Card>
          {a.draftHidden && <Alert color="gray">{t('draftHidden')}</Alert>}
          {submitError && (
            <Alert color="red" title={submitError.message} role="alert">
              <List size="sm">
                {submitError.lines.map((l) => (
                  <List.Item key={l}>{l}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {!a.draftHidden && (
            <Grid>
              <Grid.Col span={{ base: 12, md: 2 }}>
                <Box style={{ position: 'sticky', top: 70 }}>
                  {a.set.areas.map((ar) => (
                    <NavLink key={ar.code} href={`#area-${ar.code}`} label={`${ar.code}. ${ar.name}`} description={`${a.items.filter((i) => i.area === ar.code && i.selfScore !== null).length}/${a.items.filter((i) => i.area === ar.code).length}`} />
                  ))}
                </Box>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 10 }}>
                <Stack>
                  {a.set.areas.map((ar) => (
                    <Stack key={ar.code} id={`area-${ar.code}`} gap="xs">
                      <Title order={5}>
                        {ar.code}. {ar.name} ({formatNumber(ar.max, 2)})
                      </Title>
                      {a.items
                        .filter((i) => i.area === ar.code)
                        .map((item) => (
                          <Card key={`${item.code}-${item.selfScore}-${item.appraisal}-${item.evidence.length}`} withBorder data-testid={`item-${item.code}`}>
                            <Text fw={600}>
                              {item.code}. {item.name}{' '}
                              <Text span c="dimmed" size="sm">
                                ({t('maxPoints').toLowerCase()} {formatNumber(item.max, 2)} · {ruleHint(t, item)})
                              </Text>
                              {item.evidenceRequired && (
                                <Tag ml="xs" size="xs" variant="light">
                                  {t('evidenceRequired')}
                                </Tag>
                              )}
                            </Text>
                            {item.guidance && (
                              <Text size="xs" c="dimmed" mb={4}>
                                {item.guidance}
                              </Text>
                            )}
                            <Grid>
                              <Grid.Col span={{ base: 12, md: showAppraisal ? 7 : 12 }}>
                                <UnitSide a={a} item={item} reload={load.reload} />
                              </Grid.Col>
                              {showAppraisal && (
                                <Grid.Col span={{ base: 12, md: 5 }} style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}>
                                  <AppraiserSide a={a} item={item} reload={load.reload} />
                                </Grid.Col>
                              )}
                            </Grid>
                          </Card>
                        ))}
                    </Stack>
                  ))}
                </Stack>
              </Grid.Col>
            </Grid>
          )}
        </>
      )}
    </Stack>
  );
}
