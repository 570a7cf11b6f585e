import type { Role } from './roles.js';

/**
 * Every permission in Shoudi. A route names the one it needs; the server refuses the request
 * before the handler runs when the actor's role lacks it. Region scope is checked afterwards,
 * in the service, on the records themselves.
 */
export const PERMISSIONS = [
  'region.read',
  'user.read',
  'user.manage',
  'audit.read',
  'household.read',
  'household.write',
  'household.reveal',
  'household.import',
  'household.export',
  'screening.read',
  'screening.run',
  'screening.configure',
  'feed.submit',
  'feed.read',
  'alert.read',
  'alert.handle',
  'alert.configure',
  'department.export',
  'declaration.read',
  'declaration.handle',
  'lead.register',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Role[] = ['city', 'county', 'township', 'village', 'helper', 'department', 'leader'];

export const ROLE_PERMISSIONS: Record<Permission, readonly Role[]> = {
  'region.read': ALL,
  'user.read': ['city', 'county'],
  'user.manage': ['city', 'county'],
  'audit.read': ['city', 'county', 'leader'],
  // Helpers reach only their assigned households (see household.repository accessFilter).
  'household.read': ['city', 'county', 'township', 'village', 'helper', 'leader'],
  'household.write': ['county', 'township', 'village', 'helper'],
  // Full ID numbers and phones: the staff who visit and contact households, not city desks or leaders.
  'household.reveal': ['county', 'township', 'village', 'helper'],
  'household.import': ['county', 'township', 'village'],
  'household.export': ['city', 'county', 'township'],
  'screening.read': ['city', 'county', 'township', 'village', 'leader'],
  'screening.run': ['city', 'county', 'township'],
  'screening.configure': ['city'],
  // Departments send their own feeds and see the outcome of each row; never the household registry.
  'feed.submit': ['department'],
  'feed.read': ['city', 'county', 'department'],
  'alert.read': ['city', 'county', 'township', 'village', 'leader'],
  'alert.handle': ['county', 'township', 'village'],
  'alert.configure': ['city'],
  'department.export': ['city', 'county'],
  'declaration.read': ['city', 'county', 'township', 'village', 'leader'],
  'declaration.handle': ['county', 'township', 'village'],
  'lead.register': ['county', 'township'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[permission].includes(role);
}
