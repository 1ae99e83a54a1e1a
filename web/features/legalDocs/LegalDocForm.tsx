/** A document's form, to record a new one or change one; problems shown at their fields. */
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { statusAsOf } from '../../../domain/legalDocs/status';
import { parseSymbol } from '../../../domain/legalDocs/symbol';
import { ApiError, api } from '../../app/api';
import { DateField, ErrorAlert } from '../../app/components';
import { todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { StatusBadge } from './look';
import type { Kind, LegalDoc, LegalDocDetail } from './types';

interface FormState {
  symbol: string;
  kind: Kind | null;
  issuer: string;
  title: string;
  field: string;
  signedOn: string | null;
  effectiveOn: string | null;
  expiredOn: string | null;
  endedBy: string;
  parts: { from: string | null; by: string }[];
  lead: string;
  link: string;
  note: string;
}

const byText = (e: { symbol: string | null; link: string | null } | null) => e?.symbol ?? e?.link ?? '';

function fromDoc(d: LegalDoc | null): FormState {
  return {
    symbol: d?.symbol ?? '',
    kind: d?.kind ?? null,
    issuer: d?.issuer.text ?? '',
    title: d?.title ?? '',
    field: d?.field ?? '',
    signedOn: d?.signedOn ?? null,
    effectiveOn: d?.effectiveOn ?? null,
    expiredOn: d?.expiredOn ?? null,
    endedBy: byText(d?.endedBy ?? null),
    parts: (d?.partEndings ?? []).map((p) => ({ from: p.from, by: byText(p) })),
    lead: d?.lead.text ?? '',
    link: d?.link ?? '',
    note: d?.note ?? '',
  };
}

export function LegalDocForm({ doc, onSaved, onCancel }: { doc: LegalDoc | null; onSaved(d: LegalDocDetail): void; onCancel?(): void }) {
  const { t } = useI18n();
  const [f, setF] = useState<FormState>(fromDoc(doc));
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<FormState>) => setF((x) => ({ ...x, ...patch }));
  const parsed = parseSymbol(f.symbol);
  const today = todayVn();
  const preview =
    f.signedOn && f.effectiveOn
      ? statusAsOf({ signedOn: f.signedOn, effectiveOn: f.effectiveOn, expiredOn: f.expiredOn, endings: f.parts.filter((p) => p.from).map((p) => ({ scope: 'part' as const, from: p.from! })) }, today).status
      : null;

  const save = async () => {
    setError(null);
    // what is missing is said at once, in the user's words, before the server is asked
    const missing = Object.fromEntries(
      ([['symbol', f.symbol.trim()], ['issuer', f.issuer.trim()], ['title', f.title.trim()], ['field', f.field.trim()], ['signedOn', f.signedOn], ['effectiveOn', f.effectiveOn]] as const).filter(([, v]) => !v).map(([k]) => [k, t('ld.required')]),
    );
    setFieldErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    const body = {
      symbol: f.symbol,
      kind: f.kind,
      issuer: f.issuer || null,
      title: f.title,
      field: f.field,
      signedOn: f.signedOn ?? '',
      effectiveOn: f.effectiveOn ?? '',
      expiredOn: f.expiredOn,
      endedBy: f.expiredOn ? f.endedBy || null : null,
      partEndings: f.parts.filter((p) => p.from || p.by).map((p) => ({ from: p.from ?? '', by: p.by || null })),
      lead: f.lead || null,
      link: f.link || null,
      note: f.note || null,
    };
    try {
      const saved = doc ? await api.patch<LegalDocDetail>(`/api/legal-documents/${doc.id}`, body) : await api.post<LegalDocDetail>('/api/legal-documents', body);
      onSaved(saved);
    } catch (e) {
      setError((e as Error).message);
      const fields = (e instanceof ApiError ? (e.details?.fields as { field?: string; path?: string; message: string }[] | undefined) : undefined) ?? [];
      setFieldErrors(Object.fromEntries(fields.map((x) => [x.field ?? String(x.path ?? '').replace(/^body\./, '').split('.')[0], x.message])));
    } finally {
      setBusy(false);
    }
  };
  const err = (k: string) => fieldErrors[k];

  return (
    <Paper withBorder p="md">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('ld.symbol')} placeholder="15/2023/NQ-HĐND" value={f.symbol} onChange={(e) => change({ symbol: e.currentTarget.value })} required error={err('symbol')} data-testid="ld-form-symbol" />
          <Select
            label={t('ld.kind')}
            data={(['resolution', 'decision'] as const).map((k) => ({ value: k, label: t(`ld.kind.${k}`) }))}
            value={f.kind ?? parsed?.kind ?? null}
            onChange={(v) => change({ kind: (v as Kind) ?? null })}
            error={err('kind')}
          />
          <TextInput label={t('ld.issuer')} placeholder="HĐND tỉnh Tây Ninh" value={f.issuer} onChange={(e) => change({ issuer: e.currentTarget.value })} required error={err('issuer') ?? err('issuerUnitId')} />
        </SimpleGrid>
        <Textarea label={t('ld.docTitle')} value={f.title} onChange={(e) => change({ title: e.currentTarget.value })} autosize minRows={2} required error={err('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('ld.field')} value={f.field} onChange={(e) => change({ field: e.currentTarget.value })} required error={err('field')} />
          <DateField label={t('ld.signedOn')} value={f.signedOn} onChange={(v) => change({ signedOn: v })} required error={err('signedOn')} />
          <DateField label={t('ld.effectiveOn')} value={f.effectiveOn} onChange={(v) => change({ effectiveOn: v })} required error={err('effectiveOn')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={t('ld.expiredOn')} description={t('ld.expiredOnHint')} value={f.expiredOn} onChange={(v) => change({ expiredOn: v })} error={err('expiredOn')} />
          <TextInput label={t('ld.endedBy')} description={t('ld.endedByHint')} value={f.endedBy} onChange={(e) => change({ endedBy: e.currentTarget.value })} disabled={!f.expiredOn} error={err('endedBy')} />
          <TextInput label={t('ld.lead')} placeholder="Sở Tư pháp" value={f.lead} onChange={(e) => change({ lead: e.currentTarget.value })} error={err('leadUnitId')} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('ld.parts')}
          </Text>
          {f.parts.map((p, i) => (
            <Group key={i} align="flex-end">
              <DateField label={t('ld.partFrom')} value={p.from} onChange={(v) => change({ parts: f.parts.map((x, j) => (j === i ? { ...x, from: v } : x)) })} w={150} />
              <TextInput label={t('ld.partBy')} placeholder="05/2024/QĐ-UBND" value={p.by} onChange={(e) => { const by = e.currentTarget.value; change({ parts: f.parts.map((x, j) => (j === i ? { ...x, by } : x)) }); }} w={280} />
              <Button variant="subtle" color="red" onClick={() => change({ parts: f.parts.filter((_, j) => j !== i) })}>
                {t('ld.remove')}
              </Button>
            </Group>
          ))}
          {err('partEndings') && (
            <Text size="xs" c="red">
              {err('partEndings')}
            </Text>
          )}
          <Group>
            <Button variant="subtle" size="xs" onClick={() => change({ parts: [...f.parts, { from: null, by: '' }] })}>
              {t('ld.addPart')}
            </Button>
          </Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('ld.link')} placeholder="https://vbpl.vn/…" value={f.link} onChange={(e) => change({ link: e.currentTarget.value })} error={err('link')} />
          <TextInput label={t('ld.note')} value={f.note} onChange={(e) => change({ note: e.currentTarget.value })} />
        </SimpleGrid>
        {preview && (
          <Group gap="xs">
            <Text size="sm">
              {t('ld.statusOn')} {today.slice(8, 10)}/{today.slice(5, 7)}/{today.slice(0, 4)}:
            </Text>
            <StatusBadge status={preview} />
          </Group>
        )}
        <ErrorAlert error={error} />
        <Group>
          <Button onClick={save} loading={busy} data-testid="ld-form-save">
            {t('ld.save')}
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={onCancel}>
              {t('ld.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
