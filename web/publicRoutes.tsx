/**
 * The public pages (no login), served from their own small entry (web/public.html → web/publicMain.tsx):
 * one line per page, with the dictionaries it speaks. Paths go under a prefix of app/publicPaths.ts.
 * Nothing here may import the staff app (app/App.tsx, Layout, auth, staff pages or their messages.ts) nor
 * ECharts: tests/build/bundle.test.ts reads the build and fails if the public entry reaches them. A page
 * that is heavy and rarely visited can be `lazy(() => import(...))` instead of a static import.
 */
import type { ReactNode } from 'react';
import type { Messages } from './app/i18n';
import { PublicLookupPage } from './features/dossiers/PublicLookupPage';
import * as dossiersPublic from './features/dossiers/publicMessages';
import { PublicRankingPage } from './features/par/PublicRankingPage';
import * as parPublic from './features/par/publicMessages';
import { PublicSurveyPage } from './features/surveys/PublicSurveyPage';
import * as surveysPublic from './features/surveys/publicMessages';

export interface PublicRoute {
  path: string;
  element: ReactNode;
  /** the words of the page (a feature's publicMessages.ts), besides the shared app/publicMessages.ts */
  messages: Messages[];
}

export const PUBLIC_ROUTES: PublicRoute[] = [
  { path: '/tra-cuu', element: <PublicLookupPage />, messages: [dossiersPublic, surveysPublic] },
  { path: '/cong-khai/chi-so-cchc', element: <PublicRankingPage />, messages: [parPublic] },
  { path: '/cong-khai/khao-sat/:dossierCode', element: <PublicSurveyPage />, messages: [surveysPublic] },
];
