import '@mantine/core/styles.css';
import { Center, Loader, MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { HomePage } from '../features/home/HomePage';
import { ProceduresPage } from '../features/procedures/ProceduresPage';
import { DossierDashboard } from '../features/dossiers/DossierDashboard';
import { DossierDetailPage } from '../features/dossiers/DossierDetailPage';
import { DossierListPage } from '../features/dossiers/DossierListPage';
import { Index766Page } from '../features/dossiers/Index766Page';
import { PublicLookupPage } from '../features/dossiers/PublicLookupPage';
import { CriteriaSetsPage } from '../features/par/CriteriaSetsPage';
import { RoundsPage } from '../features/par/RoundsPage';
import { RoundPage } from '../features/par/RoundPage';
import { AssessmentPage } from '../features/par/AssessmentPage';
import { ResultsPage } from '../features/par/ResultsPage';
import { PublicRankingPage } from '../features/par/PublicRankingPage';
import { ImportPage } from '../features/plans/ImportPage';
import { MyUnitPage } from '../features/plans/MyUnitPage';
import { PlanPage } from '../features/plans/PlanPage';
import { PlansPage } from '../features/plans/PlansPage';
import { TaskPage } from '../features/plans/TaskPage';
import { OrgTreePage } from '../features/org/OrgTreePage';
import { UnitHistoryPage } from '../features/org/UnitHistoryPage';
import { UsersPage } from '../features/users/UsersPage';
import { LegalDocsPage } from '../features/legalDocs/LegalDocsPage';
import { LegalDocNewPage, LegalDocPage } from '../features/legalDocs/LegalDocPage';
import { ImportLegalDocsPage } from '../features/legalDocs/ImportLegalDocsPage';
import { StaffingPage } from '../features/staffing/StaffingPage';
import { ImportStaffingPage } from '../features/staffing/ImportStaffingPage';
import { AuthProvider, useAuth } from './auth';
import { I18nProvider } from './i18n';
import { STAFF_MESSAGES } from './staffMessages';
import { Layout } from './Layout';

function RequireLogin({ children }: { children: ReactNode }) {
  const { user, ready } = useAuth();
  const location = useLocation();
  if (!ready) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

export function App() {
  return (
    <MantineProvider>
      <I18nProvider messages={STAFF_MESSAGES}>
        <AuthProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/tra-cuu" element={<PublicLookupPage />} />
              <Route path="/cong-khai/chi-so-cchc" element={<PublicRankingPage />} />
              <Route
                element={
                  <RequireLogin>
                    <Layout />
                  </RequireLogin>
                }
              >
                <Route index element={<HomePage />} />
                <Route path="plans" element={<PlansPage />} />
                <Route path="plans/import" element={<ImportPage />} />
                <Route path="plans/:id" element={<PlanPage />} />
                <Route path="plans/:planId/tasks/:taskId" element={<TaskPage />} />
                <Route path="my" element={<MyUnitPage />} />
                <Route path="org" element={<OrgTreePage />} />
                <Route path="calendar" element={<CalendarPage />} />
                <Route path="procedures" element={<ProceduresPage />} />
                <Route path="dossiers" element={<DossierDashboard />} />
                <Route path="dossiers/list" element={<DossierListPage />} />
                <Route path="dossiers/:id" element={<DossierDetailPage />} />
                <Route path="index766" element={<Index766Page />} />
                <Route path="par/criteria-sets" element={<CriteriaSetsPage />} />
                <Route path="par/rounds" element={<RoundsPage />} />
                <Route path="par/rounds/:id" element={<RoundPage />} />
                <Route path="par/rounds/:id/results" element={<ResultsPage />} />
                <Route path="par/rounds/:id/units/:unitId" element={<AssessmentPage />} />
                <Route path="org/units/:id" element={<UnitHistoryPage />} />
                <Route path="legal-documents" element={<LegalDocsPage />} />
                <Route path="legal-documents/new" element={<LegalDocNewPage />} />
                <Route path="legal-documents/import" element={<ImportLegalDocsPage />} />
                <Route path="legal-documents/:id" element={<LegalDocPage />} />
                <Route path="staffing" element={<StaffingPage />} />
                <Route path="staffing/import" element={<ImportStaffingPage />} />
                <Route path="users" element={<UsersPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="password" element={<ChangePasswordPage />} />
              </Route>
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
