import {
  REGION_LEVELS,
  type RegionLevel,
  ROLE_REGION_LEVELS,
  ROLES,
  type Role,
} from '../../../../shared/roles.js';

/** The region levels a user placed at `level` can reach with their scope. */
export function reachableLevels(level: RegionLevel): readonly RegionLevel[] {
  switch (level) {
    case 'city':
      return REGION_LEVELS;
    case 'county':
      return ['county', 'town', 'village'];
    case 'zone':
      return ['zone', 'town', 'village'];
    case 'town':
      return ['town', 'village'];
    case 'village':
      return ['village'];
  }
}

/** Roles the actor can give: those with at least one allowed region level inside the actor's scope. */
export function assignableRoles(actorLevel: RegionLevel): Role[] {
  const reachable = reachableLevels(actorLevel);
  return ROLES.filter((role) => ROLE_REGION_LEVELS[role].some((level) => reachable.includes(level)));
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A 12-character initial password without look-alike characters. */
export function generatePassword(): string {
  const bytes = new Uint32Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (n) => ALPHABET[n % ALPHABET.length]).join('');
}
