import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { FullPageSpinner, RequireAuth, RequirePermission } from './auth/guards.js';
import { SessionProvider } from './auth/SessionProvider.js';
import { AntdLocale } from './i18n/AntdLocale.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { AppShell } from './layout/AppShell.js';
import { ChangePasswordPage } from './pages/ChangePasswordPage.js';
import { Landing } from './pages/Landing.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/StatusPages.js';

const UsersPage = lazy(() => import('./pages/users/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const HouseholdsPage = lazy(() =>
  import('./pages/households/HouseholdsPage.js').then((m) => ({ default: m.HouseholdsPage })),
);
const HouseholdDetailPage = lazy(() =>
  import('./pages/households/HouseholdDetailPage.js').then((m) => ({ default: m.HouseholdDetailPage })),
);
const ScreeningPage = lazy(() =>
  import('./pages/screening/ScreeningPage.js').then((m) => ({ default: m.ScreeningPage })),
);
const ScreeningRulesPage = lazy(() =>
  import('./pages/screening/ScreeningRulesPage.js').then((m) => ({ default: m.ScreeningRulesPage })),
);
const MonitoringLinesPage = lazy(() =>
  import('./pages/screening/MonitoringLinesPage.js').then((m) => ({ default: m.MonitoringLinesPage })),
);
const LeadsPage = lazy(() => import('./pages/cases/LeadsPage.js').then((m) => ({ default: m.LeadsPage })));
const CasesPage = lazy(() => import('./pages/cases/CasesPage.js').then((m) => ({ default: m.CasesPage })));
const CaseDetailPage = lazy(() =>
  import('./pages/cases/CaseDetailPage.js').then((m) => ({ default: m.CaseDetailPage })),
);
const QualityPage = lazy(() =>
  import('./pages/cases/QualityPage.js').then((m) => ({ default: m.QualityPage })),
);
const VisitsDuePage = lazy(() =>
  import('./pages/visits/VisitsDuePage.js').then((m) => ({ default: m.VisitsDuePage })),
);
const VisitFormPage = lazy(() =>
  import('./pages/visits/VisitFormPage.js').then((m) => ({ default: m.VisitFormPage })),
);
const MonthlyCyclePage = lazy(() =>
  import('./pages/system/MonthlyCyclePage.js').then((m) => ({ default: m.MonthlyCyclePage })),
);
const SelfCheckPage = lazy(() =>
  import('./pages/reports/SelfCheckPage.js').then((m) => ({ default: m.SelfCheckPage })),
);
const BulletinsPage = lazy(() =>
  import('./pages/reports/BulletinsPage.js').then((m) => ({ default: m.BulletinsPage })),
);
const MonthlySummaryPage = lazy(() =>
  import('./pages/reports/MonthlySummaryPage.js').then((m) => ({ default: m.MonthlySummaryPage })),
);
const RankingPage = lazy(() =>
  import('./pages/reports/RankingPage.js').then((m) => ({ default: m.RankingPage })),
);
const VerificationPage = lazy(() =>
  import('./pages/reports/VerificationPage.js').then((m) => ({ default: m.VerificationPage })),
);
const ScreenPage = lazy(() =>
  import('./pages/reports/ScreenPage.js').then((m) => ({ default: m.ScreenPage })),
);
const FeedsPage = lazy(() => import('./pages/feeds/FeedsPage.js').then((m) => ({ default: m.FeedsPage })));
const FeedDetailPage = lazy(() =>
  import('./pages/feeds/FeedDetailPage.js').then((m) => ({ default: m.FeedDetailPage })),
);
const AlertsPage = lazy(() =>
  import('./pages/alerts/AlertsPage.js').then((m) => ({ default: m.AlertsPage })),
);
const PosterPage = lazy(() =>
  import('./pages/alerts/PosterPage.js').then((m) => ({ default: m.PosterPage })),
);
const DeclarePage = lazy(() =>
  import('./pages/declare/DeclarePage.js').then((m) => ({ default: m.DeclarePage })),
);
const RegionsPage = lazy(() =>
  import('./pages/regions/RegionsPage.js').then((m) => ({ default: m.RegionsPage })),
);

/** A helper's work is visiting their households: they land on the visit plan. */
export function App() {
  return (
    <I18nProvider>
      <AntdLocale>
        <SessionProvider>
          <BrowserRouter>
            <Suspense fallback={<FullPageSpinner />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                {/* The public self-declaration page a village QR code opens: no login. */}
                <Route path="/declare/:code" element={<DeclarePage />} />
                <Route element={<RequireAuth />}>
                  <Route path="/change-password" element={<ChangePasswordPage />} />
                  <Route
                    path="/screen"
                    element={
                      <RequirePermission permission="report.read">
                        <ScreenPage />
                      </RequirePermission>
                    }
                  />
                  <Route element={<AppShell />}>
                    <Route index element={<Landing />} />
                    <Route
                      path="households"
                      element={
                        <RequirePermission permission="household.read">
                          <HouseholdsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="households/screening"
                      element={
                        <RequirePermission permission="screening.read">
                          <ScreeningPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="households/:id"
                      element={
                        <RequirePermission permission="household.read">
                          <HouseholdDetailPage />
                        </RequirePermission>
                      }
                    />
                    <Route path="monitoring" element={<Navigate to="/cases" replace />} />
                    <Route path="reports" element={<Navigate to="/reports/self-check" replace />} />
                    <Route
                      path="reports/self-check"
                      element={
                        <RequirePermission permission="report.read">
                          <SelfCheckPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="reports/monthly"
                      element={
                        <RequirePermission permission="report.read">
                          <MonthlySummaryPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="reports/ranking"
                      element={
                        <RequirePermission permission="report.read">
                          <RankingPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="reports/verification"
                      element={
                        <RequirePermission permission="report.read">
                          <VerificationPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="reports/bulletins"
                      element={
                        <RequirePermission permission="report.read">
                          <BulletinsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="leads"
                      element={
                        <RequirePermission permission="lead.read">
                          <LeadsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="cases"
                      element={
                        <RequirePermission permission="case.read">
                          <CasesPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="cases/:id"
                      element={
                        <RequirePermission permission="case.read">
                          <CaseDetailPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="quality"
                      element={
                        <RequirePermission permission="quality.read">
                          <QualityPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="visits"
                      element={
                        <RequirePermission permission="visit.read">
                          <VisitsDuePage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="visits/new"
                      element={
                        <RequirePermission permission="visit.write">
                          <VisitFormPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="system/monthly-cycle"
                      element={
                        <RequirePermission permission="cycle.run">
                          <MonthlyCyclePage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="feeds"
                      element={
                        <RequirePermission permission="feed.read">
                          <FeedsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="feeds/:id"
                      element={
                        <RequirePermission permission="feed.read">
                          <FeedDetailPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="alerts"
                      element={
                        <RequirePermission permission="alert.read">
                          <AlertsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="alerts/poster/:code"
                      element={
                        <RequirePermission permission="declaration.read">
                          <PosterPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="system/screening-rules"
                      element={
                        <RequirePermission permission="screening.read">
                          <ScreeningRulesPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="system/monitoring-lines"
                      element={
                        <RequirePermission permission="screening.read">
                          <MonitoringLinesPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="system/users"
                      element={
                        <RequirePermission permission="user.read">
                          <UsersPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="system/audit"
                      element={
                        <RequirePermission permission="audit.read">
                          <AuditPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="system/regions"
                      element={
                        <RequirePermission permission="region.read">
                          <RegionsPage />
                        </RequirePermission>
                      }
                    />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
      </AntdLocale>
    </I18nProvider>
  );
}
