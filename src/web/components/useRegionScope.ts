import { scopePrefix } from '../../shared/region-code.js';
import type { RegionLevel } from '../../shared/roles.js';
import { useMe } from '../auth/SessionProvider.js';
import { useZones } from '../data/regions.js';

/**
 * The code prefixes the user's region covers, mirroring the server's scope rule: a region's own prefix,
 * or for a management zone its own code plus the towns it overlays. Used only to grey out regions the
 * server would refuse; the server decides.
 */
export function useRegionScope(): readonly string[] | null {
  const me = useMe();
  const zones = useZones({ enabled: me.regionLevel === 'zone' });
  // Unreadable zones leave the zone's own code (the server still decides); until they load, nothing is greyed.
  const zoneTowns = zones.data
    ? (zones.data.find((z) => z.code === me.regionCode)?.towns.map((town) => town.code) ?? [])
    : zones.isError
      ? []
      : null;

  if (me.regionLevel === 'zone') {
    return zoneTowns ? [me.regionCode, ...zoneTowns.map((code) => scopePrefix(code, 'town'))] : null;
  }
  return [scopePrefix(me.regionCode, me.regionLevel)];
}

export function isInScope(code: string, scope: readonly string[] | null): boolean {
  return scope === null ? true : scope.some((prefix) => code.startsWith(prefix));
}

export type { RegionLevel };
