/** The administrator's forms for organisation changes; each posts one change with its legal basis. */
import { Button, Checkbox, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { UNIT_TYPES, type UnitAsOf, type UnitType } from '../../../domain/org/history';
import { api } from '../../app/api';
import { DateField, ErrorAlert, useLoad } from '../../app/components';
import { useI18n } from '../../app/i18n';

interface ModalProps {
  asOf: string;
  onClose(): void;
  onDone(): void;
}

function useUnitOptions(date: string | null) {
  const units = useLoad(() => (date ? api.get<UnitAsOf[]>(`/api/org-units?asOf=${date}`) : Promise.resolve([] as UnitAsOf[])), [date]);
  return (units.data ?? []).map((u) => ({ value: String(u.id), label: `${u.name} (${u.code})` }));
}

/** The frame every change form shares: effective date, legal basis, note, error, save. */
function ChangeModal({ title, date, setDate, hint, children, submit, onClose, onDone }: { title: string; date: string | null; setDate(d: string | null): void; hint?: string; children: ReactNode; submit(meta: { legalBasis?: string; note?: string }): Promise<unknown> } & Omit<ModalProps, 'asOf'>) {
  const { t } = useI18n();
  const [legalBasis, setLegalBasis] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            await submit({ legalBasis: legalBasis || undefined, note: note || undefined });
            onDone();
            onClose();
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Stack>
          <ErrorAlert error={error} />
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
          <DateField label={t('effectiveDate')} value={date} onChange={setDate} required name="effectiveDate" />
          {children}
          <TextInput label={t('legalBasis')} value={legalBasis} onChange={(e) => setLegalBasis(e.currentTarget.value)} placeholder="Nghị quyết 202/2025/QH15" />
          <TextInput label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!date}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface NewUnit {
  code: string;
  name: string;
  type: UnitType;
  parentId: number | null;
}

function NewUnitFields({ value, onChange, parents }: { value: NewUnit; onChange(v: NewUnit): void; parents: { value: string; label: string }[] }) {
  const { t } = useI18n();
  return (
    <Group grow align="flex-start">
      <TextInput label={t('code')} value={value.code} onChange={(e) => onChange({ ...value, code: e.currentTarget.value })} required />
      <TextInput label={t('name')} value={value.name} onChange={(e) => onChange({ ...value, name: e.currentTarget.value })} required />
      <Select label={t('type')} value={value.type} onChange={(v) => v && onChange({ ...value, type: v as UnitType })} data={UNIT_TYPES.map((k) => ({ value: k, label: t(`type.${k}`) }))} allowDeselect={false} />
      <Select label={t('parent')} value={value.parentId ? String(value.parentId) : null} onChange={(v) => onChange({ ...value, parentId: v ? Number(v) : null })} data={parents} searchable clearable placeholder={t('noParent')} />
    </Group>
  );
}

const blank = (): NewUnit => ({ code: '', name: '', type: 'commune', parentId: null });

export function CreateUnitModal({ asOf, onClose, onDone }: ModalProps) {
  const { t } = useI18n();
  const [date, setDate] = useState<string | null>(asOf);
  const [unit, setUnit] = useState<NewUnit>(blank);
  const parents = useUnitOptions(date);
  return (
    <ChangeModal title={t('createUnit')} date={date} setDate={setDate} onClose={onClose} onDone={onDone} submit={(meta) => api.post('/api/org-units', { ...unit, validFrom: date, ...meta })}>
      <NewUnitFields value={unit} onChange={setUnit} parents={parents} />
    </ChangeModal>
  );
}

export function MergeModal({ asOf, onClose, onDone }: ModalProps) {
  const { t } = useI18n();
  const [date, setDate] = useState<string | null>(asOf);
  const [sources, setSources] = useState<string[]>([]);
  const [mode, setMode] = useState<'create' | 'existing'>('create');
  const [existing, setExisting] = useState<string | null>(null);
  const [unit, setUnit] = useState<NewUnit>(blank);
  const options = useUnitOptions(date);
  return (
    <ChangeModal
      title={t('merge')}
      hint={t('mergeHint')}
      date={date}
      setDate={setDate}
      onClose={onClose}
      onDone={onDone}
      submit={(meta) =>
        api.post('/api/org-units/merge', {
          sourceIds: sources.map(Number),
          date,
          target: mode === 'existing' ? { existingId: Number(existing) } : { create: unit },
          ...meta,
        })
      }
    >
      <MultiSelect label={t('sources')} data={options} value={sources} onChange={setSources} searchable required />
      <Select
        label={t('target')}
        value={mode}
        onChange={(v) => v && setMode(v as 'create' | 'existing')}
        data={[
          { value: 'create', label: t('newUnit') },
          { value: 'existing', label: t('existingUnit') },
        ]}
        allowDeselect={false}
      />
      {mode === 'existing' ? <Select data={options} value={existing} onChange={setExisting} searchable aria-label={t('existingUnit')} /> : <NewUnitFields value={unit} onChange={setUnit} parents={options} />}
    </ChangeModal>
  );
}

export function SplitModal({ asOf, onClose, onDone }: ModalProps) {
  const { t } = useI18n();
  const [date, setDate] = useState<string | null>(asOf);
  const [source, setSource] = useState<string | null>(null);
  const [keepSource, setKeepSource] = useState(false);
  const [targets, setTargets] = useState<NewUnit[]>([blank(), blank()]);
  const options = useUnitOptions(date);
  return (
    <ChangeModal
      title={t('split')}
      date={date}
      setDate={setDate}
      onClose={onClose}
      onDone={onDone}
      submit={(meta) => api.post('/api/org-units/split', { sourceId: Number(source), date, keepSource, targets: targets.map((u) => ({ create: u })), ...meta })}
    >
      <Select label={t('sources')} data={options} value={source} onChange={setSource} searchable required />
      <Checkbox label={t('keepSource')} checked={keepSource} onChange={(e) => setKeepSource(e.currentTarget.checked)} />
      <Text fw={500}>{t('targets')}</Text>
      {targets.map((u, i) => (
        <NewUnitFields key={i} value={u} onChange={(v) => setTargets(targets.map((x, j) => (j === i ? v : x)))} parents={options} />
      ))}
      <Group>
        <Button size="xs" variant="subtle" onClick={() => setTargets([...targets, blank()])}>
          +
        </Button>
        {targets.length > 1 && (
          <Button size="xs" variant="subtle" onClick={() => setTargets(targets.slice(0, -1))}>
            −
          </Button>
        )}
      </Group>
    </ChangeModal>
  );
}

interface UnitModalProps extends ModalProps {
  unit: { id: number; name: string };
}

export function RenameModal({ asOf, unit, onClose, onDone }: UnitModalProps) {
  const { t } = useI18n();
  const [date, setDate] = useState<string | null>(asOf);
  const [name, setName] = useState(unit.name);
  return (
    <ChangeModal title={`${t('rename')}: ${unit.name}`} date={date} setDate={setDate} onClose={onClose} onDone={onDone} submit={(meta) => api.post(`/api/org-units/${unit.id}/rename`, { name, date, ...meta })}>
      <TextInput label={t('name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
    </ChangeModal>
  );
}

export function MoveModal({ asOf, unit, onClose, onDone }: UnitModalProps) {
  const { t } = useI18n();
  const [date, setDate] = useState<string | null>(asOf);
  const [parent, setParent] = useState<string | null>(null);
  const options = useUnitOptions(date).filter((o) => o.value !== String(unit.id));
  return (
    <ChangeModal title={`${t('move')}: ${unit.name}`} date={date} setDate={setDate} onClose={onClose} onDone={onDone} submit={(meta) => api.post(`/api/org-units/${unit.id}/move`, { parentId: parent ? Number(parent) : null, date, ...meta })}>
      <Select label={t('parent')} data={options} value={parent} onChange={setParent} searchable clearable placeholder={t('noParent')} />
    </ChangeModal>
  );
}

export function CloseModal({ asOf, unit, onClose, onDone }: UnitModalProps) {
  const { t } = useI18n();
  const [date, setDate] = useState<string | null>(asOf);
  return (
    <ChangeModal title={`${t('close')}: ${unit.name}`} hint={t('closeHint')} date={date} setDate={setDate} onClose={onClose} onDone={onDone} submit={(meta) => api.post(`/api/org-units/${unit.id}/close`, { date, ...meta })}>
      {null}
    </ChangeModal>
  );
}
