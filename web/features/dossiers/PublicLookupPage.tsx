/** A citizen looks up a dossier by its code, on a phone: status, appointment, history; nothing personal. */
import { Alert, Anchor, Button, Card, Container, Group, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { LanguageSwitch, Tag } from '../../app/components';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';

interface Lookup {
  code: string;
  procedure: string | null;
  status: string;
  statusCode: number;
  receivedAt: string | null;
  appointment: string | null;
  endAt: string | null;
  history: { kind: string; at: string }[];
}

export function PublicLookupPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [result, setResult] = useState<Lookup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const search = async (e?: FormEvent) => {
    e?.preventDefault();
    const c = code.trim();
    if (c.length < 3) {
      setError(t('lookupTooShort'));
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.get<Lookup>(`/api/public/dossiers/${encodeURIComponent(c)}`));
      setParams({ ma: c }, { replace: true });
    } catch (x) {
      setError((x as Error & { status?: number }).status === 404 ? t('lookupNotFound') : (x as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Container size={560} py="md" px="sm">
      <Stack>
        <Group justify="space-between" wrap="nowrap">
          <Title order={3}>{t('lookupTitle')}</Title>
          <LanguageSwitch />
        </Group>
        <Text size="sm" c="dimmed">
          {t('lookupHelp')}
        </Text>
        <form onSubmit={search}>
          <Stack gap="xs">
            <TextInput label={t('dossierCode')} value={code} onChange={(e) => setCode(e.currentTarget.value)} placeholder="TN-STP-260302-0001" size="md" autoComplete="off" data-testid="lookup-code" />
            <Button type="submit" size="md" loading={busy} fullWidth>
              {t('lookup')}
            </Button>
          </Stack>
        </form>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {result && (
          <Card withBorder data-testid="lookup-result">
            <Stack gap="xs">
              <Text fw={700}>{result.code}</Text>
              {result.procedure && <Text size="sm">{result.procedure}</Text>}
              <Group gap="xs">
                <Tag size="lg" variant="light" data-testid="lookup-status">
                  {t(`dstatus.${result.status}`)}
                </Tag>
              </Group>
              {result.receivedAt && (
                <Text size="sm">
                  {t('receivedAt')}: {formatDateTime(result.receivedAt)}
                </Text>
              )}
              {result.appointment && (
                <Text size="sm" fw={600} data-testid="lookup-appointment">
                  {t('appointment')}: {formatDateTime(result.appointment)}
                </Text>
              )}
              {result.endAt && (
                <Text size="sm">
                  {t('endAt')}: {formatDateTime(result.endAt)}
                </Text>
              )}
              {result.status === 'returned' && (
                <Stack gap={4} align="flex-start" mt="xs" data-testid="lookup-survey">
                  <Button component={Link} to={`/cong-khai/khao-sat/${encodeURIComponent(result.code)}`} variant="light" data-testid="lookup-survey-link">
                    {t('surveyLink')}
                  </Button>
                  <img src={`/api/public/surveys/dossier/${encodeURIComponent(result.code)}/qr.svg`} alt={t('surveyQrHelp')} width={132} height={132} />
                  <Text size="xs" c="dimmed">
                    {t('surveyQrHelp')}
                  </Text>
                  <Anchor size="xs" component="button" type="button" onClick={() => window.print()}>
                    {t('surveyPrint')}
                  </Anchor>
                </Stack>
              )}
              <Timeline active={result.history.length - 1} bulletSize={14} mt="sm">
                {result.history.map((h, i) => (
                  <Timeline.Item key={i} title={t(`event.${h.kind}`)}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(h.at)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          </Card>
        )}
        <Anchor component={Link} to="/login" size="sm">
          {t('staffLogin')}
        </Anchor>
      </Stack>
    </Container>
  );
}
