/**
 * The public pages (no login), served from their own small entry (web/public.html → web/publicMain.tsx):
 * one line per page, with the dictionaries it speaks. Paths go under a prefix of app/publicPaths.ts.
 * Nothing here may import the staff app (app/App.tsx, Layout, auth, staff pages or their messages.ts) nor
 * ECharts: tests/build/bundle.test.ts reads the build and fails if the public entry reaches them. A page
 * that is heavy and rarely visited can be `lazy(() => import(...))` instead of a static import.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import type { Messages } from './app/i18n';
import { PublicLookupPage } from './features/dossiers/PublicLookupPage';
import * as dossiersPublic from './features/dossiers/publicMessages';
import * as parPublic from './features/par/publicMessages';
import * as feedbackPublic from './features/feedback/publicMessages';
import { PublicHomePage } from './features/overview/PublicHomePage';
import * as overviewPublic from './features/overview/publicMessages';
import * as surveysPublic from './features/surveys/publicMessages';

/** Pages a citizen opens from the portal's home: their own small chunks, fetched when opened. */
const PublicRankingPage = lazy(async () => ({ default: (await import('./features/par/PublicRankingPage')).PublicRankingPage }));
const PublicProceduresPage = lazy(async () => ({ default: (await import('./features/procedures/PublicProceduresPage')).PublicProceduresPage }));
const PublicFeedbackForm = lazy(async () => ({ default: (await import('./features/feedback/PublicFeedbackPages')).PublicFeedbackForm }));
const PublicFeedbackTrack = lazy(async () => ({ default: (await import('./features/feedback/PublicFeedbackPages')).PublicFeedbackTrack }));
const PublicFeedbackAnswers = lazy(async () => ({ default: (await import('./features/feedback/PublicFeedbackPages')).PublicFeedbackAnswers }));
const PublicSurveyPage = lazy(async () => ({ default: (await import('./features/surveys/PublicSurveyPage')).PublicSurveyPage }));
const later = (node: ReactNode) => <Suspense fallback={null}>{node}</Suspense>;

export interface PublicRoute {
  path: string;
  element: ReactNode;
  /** the words of the page (a feature's publicMessages.ts), besides the shared app/publicMessages.ts */
  messages: Messages[];
}

/** The first is where a public path without a page of its own goes (the portal's home). */
export const PUBLIC_ROUTES: PublicRoute[] = [
  { path: '/cong-khai', element: <PublicHomePage />, messages: [overviewPublic, parPublic] },
  { path: '/cong-khai/thu-tuc', element: later(<PublicProceduresPage />), messages: [overviewPublic] },
  { path: '/tra-cuu', element: <PublicLookupPage />, messages: [dossiersPublic, surveysPublic] },
  { path: '/cong-khai/chi-so-cchc', element: later(<PublicRankingPage />), messages: [parPublic] },
  { path: '/cong-khai/phan-anh', element: later(<PublicFeedbackForm />), messages: [feedbackPublic] },
  { path: '/cong-khai/phan-anh/tra-cuu', element: later(<PublicFeedbackTrack />), messages: [feedbackPublic] },
  { path: '/cong-khai/phan-anh/tra-loi', element: later(<PublicFeedbackAnswers />), messages: [feedbackPublic] },
  { path: '/cong-khai/khao-sat/:dossierCode', element: later(<PublicSurveyPage />), messages: [surveysPublic] },
];
