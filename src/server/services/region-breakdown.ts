import { scopePrefix } from '../../shared/region-code.js';
import { notFound } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { isRegionInScope } from './region-scope.js';

export interface Breakdown {
  region: { code: string; name: string; level: string };
  /** The region's own code prefixes (a zone: its towns). */
  prefixes: string[];
  /** Its children, each with the code prefix that groups their rows. */
  children: Array<{ code: string; name: string; prefix: string }>;
  /** Length of the children's prefixes (12 for a village, which has none). */
  childLength: number;
}

/**
 * A region in the actor's scope (default: their own region; for the system actor, the first root) and its
 * children, for figures "per child region": a city by county, a county by town, a town or zone by village.
 */
export async function regionBreakdown(
  repos: Repositories,
  actor: Actor,
  regionCode?: string,
): Promise<Breakdown> {
  const code = regionCode ?? (actor.regionCode || (await repos.regions.listRoots()).at(0)?.code || '');
  const region = await repos.regions.findByCode(code);
  if (!region || !(isRegionInScope(region, actor.scope) || actor.scope.includes(''))) {
    throw notFound('区划');
  }
  if (region.level === 'zone') {
    const towns = await repos.regions.listZoneTownCodes(region.code);
    const rows = await repos.regions.findByCodes(towns);
    return {
      region,
      prefixes: towns.map((t) => scopePrefix(t, 'town')),
      children: rows.map((r) => ({ code: r.code, name: r.name, prefix: scopePrefix(r.code, 'town') })),
      childLength: 9,
    };
  }
  const rows = region.level === 'village' ? [] : await repos.regions.listChildren(region.code);
  const children = rows
    .filter((r) => r.level !== 'zone')
    .map((r) => ({ code: r.code, name: r.name, prefix: scopePrefix(r.code, r.level as 'town') }));
  return {
    region,
    prefixes: [scopePrefix(region.code, region.level)],
    children,
    childLength: children[0]?.prefix.length ?? 12,
  };
}
