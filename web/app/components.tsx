/** Small pieces shared by the screens. */
import { Alert, Badge, type BadgeProps, Center, Loader, SegmentedControl, Table, Text, TextInput, type TextInputProps } from '@mantine/core';
import { type DependencyList, type ReactNode, useEffect, useState } from 'react';
import { formatDate, parseVnDate } from './format';
import { type Lang, useI18n } from './i18n';

/** A date typed as dd/mm/yyyy; reports ISO `YYYY-MM-DD` (or null while invalid). */
export function DateField({ value, onChange, ...rest }: { value: string | null; onChange(iso: string | null): void } & Omit<TextInputProps, 'value' | 'onChange'>) {
  const { t } = useI18n();
  const [text, setText] = useState(formatDate(value));
  useEffect(() => {
    if (value && parseVnDate(text) !== value) setText(formatDate(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = text.trim() !== '' && parseVnDate(text) === null;
  return (
    <TextInput
      placeholder={t('dateFormatHint')}
      value={text}
      error={invalid ? t('invalidDate') : undefined}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(parseVnDate(e.currentTarget.value));
      }}
      {...rest}
    />
  );
}

/** Loads data for a screen; `reload()` fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    setState((s) => ({ ...s, loading: true }));
    load()
      .then((data) => alive && setState({ data, loading: false }))
      .catch((error: Error) => alive && setState({ error, loading: false }));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((x) => x + 1) };
}

export function LoadState({ loading, error }: { loading: boolean; error?: Error }) {
  const { t } = useI18n();
  if (error) return <Alert color="red" title={t('error')}>{error.message}</Alert>;
  if (loading) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return null;
}

/** While a page's code is on its way (lazy routes). */
export function PageLoader() {
  return (
    <Center h="60vh" data-testid="page-loading">
      <Loader />
    </Center>
  );
}

export function ErrorAlert({ error }: { error: string | null }) {
  const { t } = useI18n();
  return error ? (
    <Alert color="red" title={t('error')} role="alert">
      {error}
    </Alert>
  ) : null;
}

/** VI / EN switch; `long` spells the languages out (login page). */
export function LanguageSwitch({ long = false }: { long?: boolean }) {
  const { t, lang, setLang } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      data={[
        { value: 'vi', label: long ? 'Tiếng Việt' : 'VI' },
        { value: 'en', label: long ? 'English' : 'EN' },
      ]}
      aria-label={t('language')}
    />
  );
}

/**
 * The row a table shows when it has no rows: what is empty and, where it helps, what to do. `columns` is
 * the table's column count (the cell spans them all).
 */
export function EmptyRow({ columns, message, hint, testId = 'empty-row' }: { columns: number; message: string; hint?: ReactNode; testId?: string }) {
  return (
    <Table.Tr data-testid={testId}>
      <Table.Td colSpan={columns}>
        <Text c="dimmed" ta="center" size="sm" py="md">
          {message}
        </Text>
        {hint && (
          <Text c="dimmed" ta="center" size="xs" pb="sm">
            {hint}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * A badge that never cuts its text ("BẮT BU…"): it is as wide as its words, and wraps them when the cell is
 * narrower than that.
 */
export function Tag({ children, style, styles, ...rest }: BadgeProps & { children?: ReactNode; title?: string; 'data-testid'?: string }) {
  return (
    <Badge
      {...rest}
      style={{ height: 'auto', minHeight: 'var(--badge-height)', overflow: 'visible', flexShrink: 0, maxWidth: '100%', ...(style as object) }}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25, paddingBlock: 2, overflowWrap: 'normal' }, ...(styles as object) }}
    >
      {children}
    </Badge>
  );
}
