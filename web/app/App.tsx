import '@mantine/core/styles.css';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { AuthProvider, useAuth } from './auth';
import { PageLoader } from './components';
import { FullPageLoad } from './FullPageLoad';
import { I18nProvider } from './i18n';
import { PUBLIC_PREFIXES } from './publicPaths';
import { STAFF_MESSAGES } from './staffMessages';

/** A page of its own chunk, downloaded the first time it is shown (named exports, as the pages have). */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/**
 * The shell (AppShell, navigation, bell) is a chunk of its own too, so that the login page and the public
 * pages (which share the vendor chunk) do not carry it; it is fetched as soon as the app starts, alongside
 * the session check, not after it.
 */
const shell = import('./Layout');
const Layout = lazy(async () => ({ default: (await shell).Layout }));
const HomePage = page(() => import('../features/home/HomePage'), 'HomePage');
const OverviewPage = page(() => import('../features/overview/OverviewPage'), 'OverviewPage');
const MapPage = page(() => import('../features/overview/MapPage'), 'MapPage');
const PlansPage = page(() => import('../features/plans/PlansPage'), 'PlansPage');
const ImportPage = page(() => import('../features/plans/ImportPage'), 'ImportPage');
const PlanPage = page(() => import('../features/plans/PlanPage'), 'PlanPage');
const TaskPage = page(() => import('../features/plans/TaskPage'), 'TaskPage');
const MyUnitPage = page(() => import('../features/plans/MyUnitPage'), 'MyUnitPage');
const YearTasksPage = page(() => import('../features/plans/YearTasksPage'), 'YearTasksPage');
const ReportsPage = page(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const ReportPage = page(() => import('../features/reports/ReportPage'), 'ReportPage');
const IndicatorsPage = page(() => import('../features/indicators/IndicatorsPage'), 'IndicatorsPage');
const IndicatorPage = page(() => import('../features/indicators/IndicatorPage'), 'IndicatorPage');
const TargetsPage = page(() => import('../features/indicators/TargetsPage'), 'TargetsPage');
const OrgTreePage = page(() => import('../features/org/OrgTreePage'), 'OrgTreePage');
const UnitHistoryPage = page(() => import('../features/org/UnitHistoryPage'), 'UnitHistoryPage');
const CalendarPage = page(() => import('../features/calendar/CalendarPage'), 'CalendarPage');
const ProceduresPage = page(() => import('../features/procedures/ProceduresPage'), 'ProceduresPage');
const DossierDashboard = page(() => import('../features/dossiers/DossierDashboard'), 'DossierDashboard');
const DossierListPage = page(() => import('../features/dossiers/DossierListPage'), 'DossierListPage');
const DossierDetailPage = page(() => import('../features/dossiers/DossierDetailPage'), 'DossierDetailPage');
const Index766Page = page(() => import('../features/dossiers/Index766Page'), 'Index766Page');
const SurveysPage = page(() => import('../features/surveys/SurveysPage'), 'SurveysPage');
const SatisfactionPage = page(() => import('../features/surveys/SatisfactionPage'), 'SatisfactionPage');
const DvcqgPage = page(() => import('../features/dvcqg/DvcqgPage'), 'DvcqgPage');
const CriteriaSetsPage = page(() => import('../features/par/CriteriaSetsPage'), 'CriteriaSetsPage');
const RoundsPage = page(() => import('../features/par/RoundsPage'), 'RoundsPage');
const RoundPage = page(() => import('../features/par/RoundPage'), 'RoundPage');
const ResultsPage = page(() => import('../features/par/ResultsPage'), 'ResultsPage');
const AssessmentPage = page(() => import('../features/par/AssessmentPage'), 'AssessmentPage');
const UsersPage = page(() => import('../features/users/UsersPage'), 'UsersPage');
const LegalDocsPage = page(() => import('../features/legalDocs/LegalDocsPage'), 'LegalDocsPage');
const LegalDocPage = page(() => import('../features/legalDocs/LegalDocPage'), 'LegalDocPage');
const LegalDocNewPage = page(() => import('../features/legalDocs/LegalDocPage'), 'LegalDocNewPage');
const ImportLegalDocsPage = page(() => import('../features/legalDocs/ImportLegalDocsPage'), 'ImportLegalDocsPage');
const StaffingPage = page(() => import('../features/staffing/StaffingPage'), 'StaffingPage');
const ImportStaffingPage = page(() => import('../features/staffing/ImportStaffingPage'), 'ImportStaffingPage');
const FeedbackInboxPage = page(() => import('../features/feedback/FeedbackPages'), 'FeedbackInboxPage');
const FeedbackItemPage = page(() => import('../features/feedback/FeedbackPages'), 'FeedbackItemPage');
const FeedbackFiguresPage = page(() => import('../features/feedback/FeedbackPages'), 'FeedbackFiguresPage');
const AuditPage = page(() => import('../features/audit/AuditPage'), 'AuditPage');
const ChangePasswordPage = page(() => import('../features/auth/ChangePasswordPage'), 'ChangePasswordPage');

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
            <Suspense fallback={<PageLoader />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                {/* the public pages are the public entry's (web/publicMain.tsx): the server sends its HTML */}
                {PUBLIC_PREFIXES.map((p) => (
                  <Route key={p} path={`${p}/*`} element={<FullPageLoad />} />
                ))}
                <Route
                  element={
                    <RequireLogin>
                      <Layout />
                    </RequireLogin>
                  }
                >
                  <Route index element={<HomePage />} />
                  <Route path="overview" element={<OverviewPage />} />
                  <Route path="overview/map" element={<MapPage />} />
                  <Route path="plans" element={<PlansPage />} />
                  <Route path="plans/import" element={<ImportPage />} />
                  <Route path="plans/year-tasks" element={<YearTasksPage />} />
                  <Route path="plans/:id" element={<PlanPage />} />
                  <Route path="plans/:planId/tasks/:taskId" element={<TaskPage />} />
                  <Route path="my" element={<MyUnitPage />} />
                  <Route path="reports" element={<ReportsPage />} />
                  <Route path="reports/:period" element={<ReportPage />} />
                  <Route path="reports/:period/units/:unitId" element={<ReportPage />} />
                  <Route path="indicators" element={<IndicatorsPage />} />
                  <Route path="indicators/targets" element={<TargetsPage />} />
                  <Route path="indicators/:code" element={<IndicatorPage />} />
                  <Route path="org" element={<OrgTreePage />} />
                  <Route path="calendar" element={<CalendarPage />} />
                  <Route path="procedures" element={<ProceduresPage />} />
                  <Route path="dossiers" element={<DossierDashboard />} />
                  <Route path="dossiers/list" element={<DossierListPage />} />
                  <Route path="dossiers/:id" element={<DossierDetailPage />} />
                  <Route path="index766" element={<Index766Page />} />
                  <Route path="surveys" element={<SurveysPage />} />
                  <Route path="surveys/results" element={<SatisfactionPage />} />
                  <Route path="dvcqg" element={<DvcqgPage />} />
                  <Route path="par/criteria-sets" element={<CriteriaSetsPage />} />
                  <Route path="par/rounds" element={<RoundsPage />} />
                  <Route path="par/rounds/:id" element={<RoundPage />} />
                  <Route path="par/rounds/:id/results" element={<ResultsPage />} />
                  <Route path="par/rounds/:id/units/:unitId" element={<AssessmentPage />} />
                  <Route path="org/units/:id" element={<UnitHistoryPage />} />
                  <Route path="users" element={<UsersPage />} />
                  <Route path="legal-documents" element={<LegalDocsPage />} />
                  <Route path="legal-documents/new" element={<LegalDocNewPage />} />
                  <Route path="legal-documents/import" element={<ImportLegalDocsPage />} />
                  <Route path="legal-documents/:id" element={<LegalDocPage />} />
                  <Route path="staffing" element={<StaffingPage />} />
                  <Route path="staffing/import" element={<ImportStaffingPage />} />
                  <Route path="feedback" element={<FeedbackInboxPage />} />
                  <Route path="feedback/figures" element={<FeedbackFiguresPage />} />
                  <Route path="feedback/:id" element={<FeedbackItemPage />} />
                  <Route path="audit" element={<AuditPage />} />
                  <Route path="password" element={<ChangePasswordPage />} />
                </Route>
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
