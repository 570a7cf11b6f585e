import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions.js';
import type { MessageKey } from '../i18n/messages.js';
import { APP_ROUTES, MENU_GROUPS, type MenuGroup } from '../routes.js';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission?: Permission;
  children?: NavItem[];
}

/** The left navigation, built from the route table (`routes.tsx`): menu entries in table order, grouped. */
export const NAV_ITEMS: NavItem[] = (() => {
  const items: NavItem[] = [];
  const groups = new Map<MenuGroup, NavItem>();
  for (const route of APP_ROUTES) {
    if (!route.menu) {
      continue;
    }
    const entry: NavItem = {
      path: route.path,
      label: route.menu.label,
      icon: route.menu.icon,
      ...(route.permission ? { permission: route.permission } : {}),
    };
    const groupName = route.menu.group;
    if (!groupName) {
      items.push(entry);
      continue;
    }
    let group = groups.get(groupName);
    if (!group) {
      group = { ...MENU_GROUPS[groupName], children: [] };
      groups.set(groupName, group);
      items.push(group);
    }
    group.children?.push(entry);
  }
  return items;
})();

/** The menu a user sees: entries they lack the permission for are left out, and groups left empty too. */
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
