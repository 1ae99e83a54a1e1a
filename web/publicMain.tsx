/**
 * The public entry: the pages anyone may open without logging in (web/publicRoutes.tsx), on a phone over a
 * slow network. It carries its own few words and Mantine's styles piece by piece; never the staff app.
 */
import './publicStyles';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { FullPageLoad } from './app/FullPageLoad';
import { I18nProvider, type Messages } from './app/i18n';
import * as common from './app/publicMessages';
import { isPublicPath } from './app/publicPaths';
import { PUBLIC_ROUTES } from './publicRoutes';

const MESSAGES: Messages[] = [common, ...new Set(PUBLIC_ROUTES.flatMap((r) => r.messages))];

/** A public prefix without a page of its own goes to the first public page; any other path is the staff app's. */
function Elsewhere() {
  return isPublicPath(useLocation().pathname) ? <Navigate to={PUBLIC_ROUTES[0].path} replace /> : <FullPageLoad />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider>
      <I18nProvider messages={MESSAGES}>
        <BrowserRouter>
          <Routes>
            {PUBLIC_ROUTES.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path="*" element={<Elsewhere />} />
          </Routes>
        </BrowserRouter>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
