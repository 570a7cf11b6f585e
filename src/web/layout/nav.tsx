import {
  AlertOutlined,
  AuditOutlined,
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
  HomeOutlined,
  LineChartOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions.js';
import type { MessageKey } from '../i18n/messages.js';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission?: Permission;
  children?: NavItem[];
}

/** The left navigation; items the user lacks the permission for are not shown. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'nav.workbench', icon: <DashboardOutlined /> },
  { path: '/households', label: 'nav.households', icon: <HomeOutlined />, permission: 'household.read' },
  {
    path: '/monitoring',
    label: 'nav.monitoring',
    icon: <ClusterOutlined />,
    children: [
      { path: '/leads', label: 'nav.leads', icon: <FileSearchOutlined />, permission: 'lead.read' },
      { path: '/cases', label: 'nav.cases', icon: <SolutionOutlined />, permission: 'case.read' },
      {
        path: '/quality',
        label: 'nav.quality',
        icon: <SafetyCertificateOutlined />,
        permission: 'quality.read',
      },
    ],
  },
  { path: '/alerts', label: 'nav.alerts', icon: <AlertOutlined />, permission: 'alert.read' },
  { path: '/feeds', label: 'nav.feeds', icon: <CloudUploadOutlined />, permission: 'feed.read' },
  { path: '/visits', label: 'nav.visits', icon: <UserSwitchOutlined />, permission: 'visit.read' },
  {
    path: '/reports',
    label: 'nav.reports',
    icon: <BarChartOutlined />,
    children: [
      {
        path: '/reports/self-check',
        label: 'nav.selfCheck',
        icon: <CheckSquareOutlined />,
        permission: 'report.read',
      },
      {
        path: '/reports/monthly',
        label: 'nav.monthly',
        icon: <TableOutlined />,
        permission: 'report.read',
      },
      {
        path: '/reports/ranking',
        label: 'nav.ranking',
        icon: <OrderedListOutlined />,
        permission: 'report.read',
      },
      {
        path: '/reports/verification',
        label: 'nav.verification',
        icon: <ExperimentOutlined />,
        permission: 'report.read',
      },
      {
        path: '/reports/bulletins',
        label: 'nav.bulletins',
        icon: <NotificationOutlined />,
        permission: 'report.read',
      },
    ],
  },
  {
    path: '/system',
    label: 'nav.system',
    icon: <SettingOutlined />,
    children: [
      { path: '/system/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
      { path: '/system/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
      {
        path: '/system/regions',
        label: 'nav.regions',
        icon: <EnvironmentOutlined />,
        permission: 'region.read',
      },
      {
        path: '/system/screening-rules',
        label: 'nav.screeningRules',
        icon: <FilterOutlined />,
        permission: 'screening.read',
      },
      {
        path: '/system/monitoring-lines',
        label: 'nav.monitoringLines',
        icon: <LineChartOutlined />,
        permission: 'screening.read',
      },
      {
        path: '/system/monthly-cycle',
        label: 'nav.monthlyCycle',
        icon: <CalendarOutlined />,
        permission: 'cycle.run',
      },
    ],
  },
];

export function visibleNav(can: (permission: Permission) => boolean): NavItem[] {
  return NAV_ITEMS.flatMap((item) => {
    if (item.permission && !can(item.permission)) {
      return [];
    }
    if (!item.children) {
      return [item];
    }
    const children = item.children.filter((child) => !child.permission || can(child.permission));
    return children.length > 0 ? [{ ...item, children }] : [];
  });
}

/** The group (submenu) holding a menu key, to open it. */
export function parentNavKey(key: string): string | undefined {
  return NAV_ITEMS.find((item) => item.children?.some((child) => child.path === key))?.path;
}

/** The menu key to highlight for a location: the longest nav path that prefixes it. */
export function selectedNavKey(pathname: string): string {
  const paths = NAV_ITEMS.flatMap((item) => [item.path, ...(item.children ?? []).map((c) => c.path)]);
  const matches = paths.filter((p) => (p === '/' ? pathname === '/' : pathname.startsWith(p)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? '/';
}
