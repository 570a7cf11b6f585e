import type { Department, RegionLevel, Role } from '../../shared/roles.js';

/**
 * Who is acting, where from, and the region scope their data access is limited to.
 * `scope` is a list of region-code prefixes (see shared/region-code.ts); '' means everything.
 */
export interface Actor {
  userId: number | null;
  username: string;
  displayName: string;
  role: Role;
  department: Department | null;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  scope: string[];
  ip: string | null;
  requestId: string | null;
}

/** The actor for command-line and scheduled work run by an operator on the server itself. */
export function systemActor(name = 'cli'): Actor {
  return {
    userId: null,
    username: name,
    displayName: name,
    role: 'city',
    department: null,
    regionCode: '',
    regionName: '',
    regionLevel: 'city',
    scope: [''],
    ip: null,
    requestId: null,
  };
}
