/**
 * THE table of the web app's pages: each route's URL, the permission that opens it (from
 * `src/shared/permissions.ts`, the server's own table) and its menu entry. `App.tsx` builds the router from it,
 * `layout/nav.tsx` the menu, and `canOpen` decides whether a link or button that leads to a page is shown, so
 * the three cannot disagree. `test/web-routes.test.ts` checks that each role's menu leads only to pages whose
 * API calls that role may make.
 */
import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  FilterOutlined,
  FundProjectionScreenOutlined,
  GiftOutlined,
  HomeOutlined,
  ImportOutlined,
  LineChartOutlined,
  LockOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShareAltOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  ToolOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { type ComponentType, lazy, type ReactNode } from 'react';
import type { Permission } from '../shared/permissions.js';
import type { ApiPath } from './api/contract.js';
import type { MessageKey } from './i18n/messages.js';
import { ChangePasswordPage } from './pages/ChangePasswordPage.js';
import { Landing } from './pages/Landing.js';
import { LoginPage } from './pages/LoginPage.js';

export type MenuGroup = 'monitoring' | 'reports' | 'system';

export const MENU_GROUPS: Record<MenuGroup, { path: string; label: MessageKey; icon: ReactNode }> = {
  monitoring: { path: '/monitoring', label: 'nav.monitoring', icon: <ClusterOutlined /> },
  reports: { path: '/reports', label: 'nav.reports', icon: <BarChartOutlined /> },
  system: { path: '/system', label: 'nav.system', icon: <SettingOutlined /> },
};

export interface AppRoute {
  /** The URL pattern (react-router syntax, `:id` for a parameter). */
  path: string;
  /** Who may open it; none = any logged-in user (or anyone, for `public`). */
  permission?: Permission;
  /** `shell`: inside the menu and header; `bare`: logged in, full screen; `public`: no login. */
  layout: 'shell' | 'bare' | 'public';
  page?: ComponentType;
  /** A URL kept for old links: sends on to this path. */
  redirect?: string;
  /**
   * The API reads the page makes when it opens. `test/web-routes.test.ts` checks that whoever may open the page
   * may make each of them (the server's `x-permission`), so no menu entry leads to a page that fails.
   */
  loads?: `GET ${ApiPath}`[];
  /** The menu entry, in the order of this table; a group opens where its first entry stands. */
  menu?: { label: MessageKey; icon: ReactNode; group?: MenuGroup };
}

/** `lazy` for a named export: each page is its own chunk. */
function page<M>(load: () => Promise<M>, name: keyof M): ComponentType {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

export const APP_ROUTES: AppRoute[] = [
  { path: '/login', layout: 'public', page: LoginPage },
  // The public self-declaration page a village QR code opens: no login.
  {
    path: '/declare/:code',
    layout: 'public',
    page: page(() => import('./pages/declare/DeclarePage.js'), 'DeclarePage'),
  },
  { path: '/change-password', layout: 'bare', page: ChangePasswordPage },
  {
    path: '/screen',
    layout: 'bare',
    permission: 'report.read',
    page: page(() => import('./pages/screen/ScreenPage.js'), 'ScreenPage'),
    loads: ['GET /api/dashboard'],
  },
  {
    path: '/',
    layout: 'shell',
    page: Landing,
    menu: { label: 'nav.workbench', icon: <DashboardOutlined /> },
  },
  {
    path: '/households',
    layout: 'shell',
    permission: 'household.read',
    page: page(() => import('./pages/households/HouseholdsPage.js'), 'HouseholdsPage'),
    loads: ['GET /api/households'],
    menu: { label: 'nav.households', icon: <HomeOutlined /> },
  },
  {
    path: '/households/screening',
    layout: 'shell',
    // The run console (常态排查, 集中排查 rounds): for those who run screenings; others see results in leads.
    permission: 'screening.run',
    page: page(() => import('./pages/households/screening/ScreeningPage.js'), 'ScreeningPage'),
    loads: ['GET /api/screening/runs', 'GET /api/screening/rounds'],
  },
  {
    path: '/households/imports',
    layout: 'shell',
    permission: 'household.import',
    page: page(() => import('./pages/households/imports/HouseholdImportsPage.js'), 'HouseholdImportsPage'),
    loads: ['GET /api/households/imports'],
  },
  {
    path: '/households/:id',
    layout: 'shell',
    permission: 'household.read',
    page: page(() => import('./pages/households/HouseholdDetailPage.js'), 'HouseholdDetailPage'),
    loads: ['GET /api/households/{id}'],
  },
  { path: '/monitoring', layout: 'shell', redirect: '/cases' },
  {
    path: '/leads',
    layout: 'shell',
    permission: 'lead.read',
    page: page(() => import('./pages/leads/LeadsPage.js'), 'LeadsPage'),
    loads: ['GET /api/leads'],
    menu: { label: 'nav.leads', icon: <FileSearchOutlined />, group: 'monitoring' },
  },
  {
    path: '/cases',
    layout: 'shell',
    permission: 'case.read',
    page: page(() => import('./pages/cases/CasesPage.js'), 'CasesPage'),
    loads: ['GET /api/cases'],
    menu: { label: 'nav.cases', icon: <SolutionOutlined />, group: 'monitoring' },
  },
  {
    path: '/cases/:id',
    layout: 'shell',
    permission: 'case.read',
    page: page(() => import('./pages/cases/CaseDetailPage.js'), 'CaseDetailPage'),
    loads: ['GET /api/cases/{id}'],
  },
  {
    path: '/quality',
    layout: 'shell',
    permission: 'quality.read',
    page: page(() => import('./pages/quality/QualityPage.js'), 'QualityPage'),
    loads: ['GET /api/quality'],
    menu: { label: 'nav.quality', icon: <SafetyCertificateOutlined />, group: 'monitoring' },
  },
  {
    path: '/alerts',
    layout: 'shell',
    permission: 'alert.read',
    page: page(() => import('./pages/alerts/AlertsPage.js'), 'AlertsPage'),
    loads: ['GET /api/alerts'],
    menu: { label: 'nav.alerts', icon: <AlertOutlined /> },
  },
  {
    path: '/alerts/poster/:code',
    layout: 'shell',
    permission: 'declaration.read',
    page: page(() => import('./pages/alerts/PosterPage.js'), 'PosterPage'),
  },
  {
    path: '/feeds',
    layout: 'shell',
    permission: 'feed.read',
    page: page(() => import('./pages/feeds/FeedsPage.js'), 'FeedsPage'),
    loads: ['GET /api/feeds'],
    menu: { label: 'nav.feeds', icon: <CloudUploadOutlined /> },
  },
  {
    path: '/feeds/:id',
    layout: 'shell',
    permission: 'feed.read',
    page: page(() => import('./pages/feeds/FeedDetailPage.js'), 'FeedDetailPage'),
    loads: ['GET /api/feeds/{id}'],
  },
  {
    path: '/credit',
    layout: 'shell',
    permission: 'credit.read',
    page: page(() => import('./pages/credit/CreditPage.js'), 'CreditPage'),
    menu: { label: 'nav.credit', icon: <BankOutlined /> },
  },
  {
    path: '/operators',
    layout: 'shell',
    permission: 'operator.read',
    page: page(() => import('./pages/operators/OperatorsPage.js'), 'OperatorsPage'),
    loads: ['GET /api/operators'],
    menu: { label: 'nav.operators', icon: <ShopOutlined /> },
  },
  {
    path: '/linkage',
    layout: 'shell',
    permission: 'linkage.read',
    page: page(() => import('./pages/linkage/LinkagePage.js'), 'LinkagePage'),
    loads: ['GET /api/linkages'],
    menu: { label: 'nav.linkage', icon: <ShareAltOutlined /> },
  },
  {
    path: '/linkage-checks',
    layout: 'shell',
    permission: 'linkage.read',
    page: page(() => import('./pages/linkage-checks/LinkageChecksPage.js'), 'LinkageChecksPage'),
    loads: ['GET /api/linkage-checks', 'GET /api/lead-enterprises'],
    menu: { label: 'nav.linkageChecks', icon: <AuditOutlined /> },
  },
  {
    path: '/consumer-assistance',
    layout: 'shell',
    permission: 'consumer.read',
    page: page(() => import('./pages/consumer/ConsumerPage.js'), 'ConsumerPage'),
    loads: [
      'GET /api/consumer-products',
      'GET /api/consumer-products/renewals',
      'GET /api/consumer-brands',
      'GET /api/consumer-sales',
      'GET /api/consumer-sales/report',
    ],
    menu: { label: 'nav.consumer', icon: <ShoppingCartOutlined /> },
  },
  {
    path: '/industry-rewards',
    layout: 'shell',
    permission: 'industry.read',
    page: page(() => import('./pages/industry-rewards/IndustryRewardsPage.js'), 'IndustryRewardsPage'),
    loads: ['GET /api/industry-schemes', 'GET /api/industry-claims'],
    menu: { label: 'nav.industryRewards', icon: <GiftOutlined /> },
  },
  {
    path: '/industry-coverage',
    layout: 'shell',
    permission: 'industry.coverage',
    page: page(() => import('./pages/industry-coverage/IndustryCoveragePage.js'), 'IndustryCoveragePage'),
    loads: ['GET /api/industry-coverage', 'GET /api/industry-coverage/uncovered'],
    menu: { label: 'nav.industryCoverage', icon: <PieChartOutlined /> },
  },
  {
    path: '/courtyard',
    layout: 'shell',
    permission: 'courtyard.read',
    page: page(() => import('./pages/courtyard/CourtyardPage.js'), 'CourtyardPage'),
    loads: ['GET /api/courtyard/progress', 'GET /api/courtyard/villages'],
    menu: { label: 'nav.courtyard', icon: <HomeOutlined /> },
  },
  {
    path: '/visits',
    layout: 'shell',
    permission: 'visit.read',
    page: page(() => import('./pages/visits/VisitsDuePage.js'), 'VisitsDuePage'),
    loads: ['GET /api/visits/due'],
    menu: { label: 'nav.visits', icon: <UserSwitchOutlined /> },
  },
  {
    path: '/projects',
    layout: 'shell',
    permission: 'project.read',
    page: page(() => import('./pages/projects/ProjectsPage.js'), 'ProjectsPage'),
    menu: { label: 'nav.projects', icon: <FundProjectionScreenOutlined /> },
  },
  {
    path: '/funds',
    layout: 'shell',
    permission: 'fund.read',
    page: page(() => import('./pages/funds/FundsPage.js'), 'FundsPage'),
    menu: { label: 'nav.funds', icon: <AccountBookOutlined /> },
  },
  {
    path: '/visits/new',
    layout: 'shell',
    permission: 'visit.write',
    page: page(() => import('./pages/visits/VisitFormPage.js'), 'VisitFormPage'),
  },
  {
    path: '/employment',
    layout: 'shell',
    permission: 'employment.read',
    page: page(() => import('./pages/employment/EmploymentPage.js'), 'EmploymentPage'),
    menu: { label: 'nav.employment', icon: <ToolOutlined /> },
  },
  {
    path: '/employment/imports',
    layout: 'shell',
    permission: 'employment.import',
    page: page(() => import('./pages/employment/WorkImportsPage.js'), 'WorkImportsPage'),
    menu: { label: 'nav.employmentImports', icon: <ImportOutlined /> },
  },
  { path: '/reports', layout: 'shell', redirect: '/reports/self-check' },
  {
    path: '/reports/self-check',
    layout: 'shell',
    permission: 'report.read',
    page: page(() => import('./pages/reports/SelfCheckPage.js'), 'SelfCheckPage'),
    loads: ['GET /api/self-checks'],
    menu: { label: 'nav.selfCheck', icon: <CheckSquareOutlined />, group: 'reports' },
  },
  {
    path: '/reports/monthly',
    layout: 'shell',
    permission: 'report.read',
    page: page(() => import('./pages/reports/MonthlySummaryPage.js'), 'MonthlySummaryPage'),
    loads: ['GET /api/reports/monthly'],
    menu: { label: 'nav.monthly', icon: <TableOutlined />, group: 'reports' },
  },
  {
    path: '/reports/ranking',
    layout: 'shell',
    permission: 'ranking.read',
    page: page(() => import('./pages/reports/RankingPage.js'), 'RankingPage'),
    loads: ['GET /api/rankings'],
    menu: { label: 'nav.ranking', icon: <OrderedListOutlined />, group: 'reports' },
  },
  {
    path: '/reports/verification',
    layout: 'shell',
    permission: 'report.read',
    page: page(() => import('./pages/reports/VerificationPage.js'), 'VerificationPage'),
    loads: ['GET /api/verification-samples'],
    menu: { label: 'nav.verification', icon: <ExperimentOutlined />, group: 'reports' },
  },
  {
    path: '/reports/bulletins',
    layout: 'shell',
    permission: 'report.read',
    page: page(() => import('./pages/reports/BulletinsPage.js'), 'BulletinsPage'),
    loads: ['GET /api/bulletins'],
    menu: { label: 'nav.bulletins', icon: <NotificationOutlined />, group: 'reports' },
  },
  {
    path: '/system/users',
    layout: 'shell',
    permission: 'user.read',
    page: page(() => import('./pages/system/users/UsersPage.js'), 'UsersPage'),
    loads: ['GET /api/users'],
    menu: { label: 'nav.users', icon: <TeamOutlined />, group: 'system' },
  },
  {
    path: '/system/lockouts',
    layout: 'shell',
    permission: 'user.manage',
    page: page(() => import('./pages/system/lockouts/LockoutsPage.js'), 'LockoutsPage'),
    loads: ['GET /api/auth/lockouts'],
    menu: { label: 'nav.lockouts', icon: <LockOutlined />, group: 'system' },
  },
  {
    path: '/system/audit',
    layout: 'shell',
    permission: 'audit.read',
    page: page(() => import('./pages/system/audit/AuditPage.js'), 'AuditPage'),
    loads: ['GET /api/audit', 'GET /api/audit/actions'],
    menu: { label: 'nav.audit', icon: <AuditOutlined />, group: 'system' },
  },
  {
    path: '/system/regions',
    layout: 'shell',
    permission: 'region.read',
    page: page(() => import('./pages/system/regions/RegionsPage.js'), 'RegionsPage'),
    loads: ['GET /api/regions', 'GET /api/zones'],
    menu: { label: 'nav.regions', icon: <EnvironmentOutlined />, group: 'system' },
  },
  {
    path: '/system/screening-rules',
    layout: 'shell',
    permission: 'screening.read',
    page: page(() => import('./pages/system/screening-rules/ScreeningRulesPage.js'), 'ScreeningRulesPage'),
    loads: ['GET /api/screening/rules'],
    menu: { label: 'nav.screeningRules', icon: <FilterOutlined />, group: 'system' },
  },
  {
    path: '/system/monitoring-lines',
    layout: 'shell',
    permission: 'screening.read',
    page: page(() => import('./pages/system/monitoring-lines/MonitoringLinesPage.js'), 'MonitoringLinesPage'),
    loads: ['GET /api/screening/lines'],
    menu: { label: 'nav.monitoringLines', icon: <LineChartOutlined />, group: 'system' },
  },
  {
    path: '/system/monthly-cycle',
    layout: 'shell',
    permission: 'cycle.run',
    page: page(() => import('./pages/system/monthly-cycle/MonthlyCyclePage.js'), 'MonthlyCyclePage'),
    loads: ['GET /api/cycle/monthly'],
    menu: { label: 'nav.monthlyCycle', icon: <CalendarOutlined />, group: 'system' },
  },
];

function matches(pattern: string, pathname: string): boolean {
  const want = pattern.split('/');
  const have = pathname.split('/');
  return want.length === have.length && want.every((part, i) => part.startsWith(':') || part === have[i]);
}

/** The route a pathname opens: a literal segment beats a parameter (`/households/screening` over `:id`). */
export function routeOf(pathname: string): AppRoute | undefined {
  const path = pathname.split('?')[0] ?? pathname;
  const found = APP_ROUTES.filter((route) => matches(route.path, path));
  return found.find((route) => !route.path.includes(':')) ?? found[0];
}

/**
 * Whether a user holding `can` may open the page at `to` (a path, optionally with a query): links and buttons
 * that lead to a page show only when it is true. An unknown path is false (no link to a 404).
 */
export function canOpen(to: string, can: (permission: Permission) => boolean): boolean {
  const route = routeOf(to);
  if (!route) {
    return false;
  }
  if (route.redirect) {
    return canOpen(route.redirect, can);
  }
  return route.permission === undefined || can(route.permission);
}
