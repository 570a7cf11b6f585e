import { isWithinScope, scopePrefix } from '../../shared/region-code.js';
import type { RegionLevel } from '../../shared/roles.js';
import { notFound } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';

interface RegionRef {
  code: string;
  level: RegionLevel;
}

/** The prefixes a user placed on `region` may see: the region itself, or a zone's own code and towns. */
export function scopeForRegion(region: RegionRef, zoneTownCodes: readonly string[] = []): string[] {
  if (region.level === 'zone') {
    return [region.code, ...zoneTownCodes.map((town) => scopePrefix(town, 'town'))];
  }
  return [scopePrefix(region.code, region.level)];
}

/** A region is in scope when it lies within one of the scope's prefixes. */
export function isRegionInScope(region: RegionRef, scope: readonly string[]): boolean {
  return isWithinScope(region.code, scope);
}

/**
 * A region is visible when it is in scope or is an ancestor of something in scope, so a township user
 * can see the county and city above their town (names only) but not the neighbouring towns.
 */
export function isRegionVisible(region: RegionRef, scope: readonly string[]): boolean {
  if (isRegionInScope(region, scope)) {
    return true;
  }
  if (region.level === 'zone') {
    return false;
  }
  const prefix = scopePrefix(region.code, region.level);
  return scope.some((p) => p.startsWith(prefix));
}

/**
 * The prefixes of a region a user picked as a filter (a zone: its own code and towns); none when nothing is
 * picked. A region outside the user's scope is reported like a missing one.
 */
export async function pickedRegionPrefixes(
  repos: Repositories,
  actor: Actor,
  regionCode: string | undefined,
): Promise<string[] | undefined> {
  if (!regionCode) {
    return undefined;
  }
  const region = await repos.regions.findByCode(regionCode);
  if (!region || !isRegionInScope(region, actor.scope)) {
    throw notFound('区划');
  }
  const zoneTowns = region.level === 'zone' ? await repos.regions.listZoneTownCodes(region.code) : [];
  return scopeForRegion(region, zoneTowns);
}
