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
  'lead.read',
  'lead.write',
  'case.read',
  'case.act',
  'measure.write',
  'helper.assign',
  'visit.read',
  'visit.write',
  'quality.read',
  'cycle.run',
  'attachment.write',
  'report.read',
  'report.manage',
  'selfcheck.sign',
  'verification.manage',
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
  'lead.read': ['city', 'county', 'township', 'village', 'leader'],
  // Cadres report and verify leads; the county too (petitions and department hand-offs land there).
  'lead.write': ['county', 'township', 'village'],
  // Helpers read the cases of their own households (household access filter).
  'case.read': ['city', 'county', 'township', 'village', 'helper', 'leader'],
  // Each workflow step names the level that acts (shared/case-workflow.ts); this is the outer gate.
  'case.act': ['county', 'township', 'village'],
  'measure.write': ['county', 'township', 'village'],
  'helper.assign': ['county', 'township'],
  'visit.read': ['city', 'county', 'township', 'village', 'helper', 'leader'],
  'visit.write': ['county', 'township', 'village', 'helper'],
  'quality.read': ['city', 'county', 'township', 'village', 'leader'],
  'cycle.run': ['city'],
  // Photos and signed forms, for case steps and visits.
  'attachment.write': ['county', 'township', 'village', 'helper'],
  'report.read': ['city', 'county', 'township', 'village', 'leader'],
  // Closing months, ranking weights and bulletins are the city bureau's.
  'report.manage': ['city'],
  'selfcheck.sign': ['county', 'township', 'village'],
  'verification.manage': ['county', 'township'],
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
