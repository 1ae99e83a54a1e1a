/**
 * The satisfaction survey of one dossier, opened from the link or QR code of the lookup page or the slip: phone
 * first, small (buttons only), one answer per dossier.
 */
import { Alert, Anchor, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api';
import { LanguageSwitch } from '../../app/components';
import { useI18n } from '../../app/i18n';

interface Survey {
  code: string;
  procedure: string;
  answered: boolean;
  questionnaire: { id: number; name: string; isSample: boolean };
  elements: { key: string; name: string }[];
  questions: { id: string; element: string; kind: string; text: string; required: boolean; options: { value: string; label: string }[] }[];
}

export function PublicSurveyPage() {
  const { t } = useI18n();
  const { dossierCode = '' } = useParams();
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'done' | 'already' | 'notOpen' | 'notFound' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const url = `/api/public/surveys/dossier/${encodeURIComponent(dossierCode)}`;

  useEffect(() => {
    api
      .get<Survey>(url)
      .then((s) => {
        setSurvey(s);
        setState(s.answered ? 'already' : 'ready');
      })
      .catch((x: Error & { status?: number; code?: string }) => {
        if (x.status === 404) setState('notFound');
        else if (x.status === 409) setState('notOpen');
        else {
          setError(x.message);
          setState('error');
        }
      });
  }, [url]);

  const missing = survey ? survey.questions.filter((q) => q.required && !values[q.id]) : [];
  const submit = async () => {
    if (!survey) return;
    if (missing.length) {
      setError(t('surveyMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(url, { answers: Object.entries(values).map(([questionId, value]) => ({ questionId, value })) });
      setState('done');
    } catch (x) {
      const e = x as Error & { status?: number };
      if (e.status === 409) setState('already');
      else setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  const notice = (text: string, color = 'blue', testId = 'survey-notice') => (
    <Alert color={color} data-testid={testId}>
      {text}
    </Alert>
  );

  return (
    <Container size={560} py="md" px="sm">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3}>{t('surveyTitle')}</Title>
          <LanguageSwitch />
        </Group>
        <Text fw={700}>{dossierCode}</Text>
        {survey && <Text size="sm">{survey.procedure}</Text>}
        {state === 'notFound' && notice(t('surveyNotFound'), 'red')}
        {state === 'notOpen' && notice(t('surveyNotOpen'), 'yellow')}
        {state === 'already' && notice(t('surveyAlready'), 'blue', 'survey-already')}
        {state === 'done' && notice(t('surveyThanks'), 'green', 'survey-done')}
        {state === 'ready' && survey && (
          <>
            <Text size="sm" c="dimmed">
              {t('surveyHelp')}
            </Text>
            {survey.questionnaire.isSample && (
              <Text size="xs" c="dimmed">
                {t('surveySample')}
              </Text>
            )}
            {survey.elements.map((e) => (
              <Card key={e.key} withBorder padding="sm">
                <Stack gap="sm">
                  <Text fw={600}>{e.name}</Text>
                  {survey.questions
                    .filter((q) => q.element === e.key)
                    .map((q) => (
                      <Stack key={q.id} gap={4} data-testid={`survey-q-${q.id}`}>
                        <Text size="sm">
                          {q.id}. {q.text} {!q.required && <Text span size="xs" c="dimmed">{t('surveyOptional')}</Text>}
                        </Text>
                        <Group gap={6} wrap="wrap">
                          {q.options.map((o) => (
                            <Button key={o.value} size="compact-md" variant={values[q.id] === o.value ? 'filled' : 'default'} title={o.label} aria-pressed={values[q.id] === o.value} onClick={() => setValues((v) => ({ ...v, [q.id]: o.value }))} data-testid={`survey-${q.id}-${o.value}`}>
                              {o.value}
                            </Button>
                          ))}
                        </Group>
                        {values[q.id] && (
                          <Text size="xs" c="dimmed">
                            {q.options.find((o) => o.value === values[q.id])?.label}
                          </Text>
                        )}
                      </Stack>
                    ))}
                </Stack>
              </Card>
            ))}
            {survey.questions[0] && (
              <Text size="xs" c="dimmed">
                {survey.questions[0].options.map((o) => `${o.value}: ${o.label}`).join(' · ')}
              </Text>
            )}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button size="md" fullWidth loading={busy} onClick={submit} data-testid="survey-submit">
              {t('surveySubmit')}
            </Button>
          </>
        )}
        {state === 'error' && error && notice(error, 'red')}
        <Anchor component={Link} to={`/tra-cuu?ma=${encodeURIComponent(dossierCode)}`} size="sm">
          {t('surveyBack')}
        </Anchor>
      </Stack>
    </Container>
  );
}
