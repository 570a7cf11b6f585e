import type { Role } from './roles.js';

/**
 * Every permission in Shoudi. A route names the one it needs; the server refuses the request
 * before the handler runs when the actor's role lacks it. Region scope is checked afterwards,
 * in the service, on the records themselves.
 */
export const PERMISSIONS = ['region.read', 'user.read', 'user.manage', 'audit.read'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Role[] = ['city', 'county', 'township', 'village', 'helper', 'department', 'leader'];

export const ROLE_PERMISSIONS: Record<Permission, readonly Role[]> = {
  'region.read': ALL,
  'user.read': ['city', 'county'],
  'user.manage': ['city', 'county'],
  'audit.read': ['city', 'county', 'leader'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[permission].includes(role);
}
