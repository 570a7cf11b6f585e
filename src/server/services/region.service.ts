import { scopePrefix } from '../../shared/region-code.js';
import { notFound } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { isRegionInScope, isRegionVisible } from './region-scope.js';

const presentRegion = (r: {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  county_code: string | null;
}) => ({
  code: r.code,
  name: r.name,
  level: r.level as 'city' | 'county' | 'town' | 'village' | 'zone',
  parentCode: r.parent_code,
  countyCode: r.county_code,
});

const NEXT_PREFIX_LENGTH: Record<string, number> = { city: 6, county: 9, town: 12 };

/** How many children of an out-of-scope ancestor lead towards the scope: distinct next-level prefixes. */
function visibleChildCount(region: { code: string; level: string }, scope: readonly string[]): number {
  const length = NEXT_PREFIX_LENGTH[region.level];
  if (length === undefined) {
    return 0;
  }
  const own = scopePrefix(region.code, region.level as 'city' | 'county' | 'town');
  return new Set(scope.filter((p) => p.startsWith(own) && /^\d+$/.test(p)).map((p) => p.slice(0, length)))
    .size;
}

export function createRegionService(deps: { repos: Repositories }) {
  const { repos } = deps;

  return {
    /** The top of the tree the actor can see (normally the city), with the actor's own region's path. */
    async roots(actor: Actor) {
      const roots = await repos.regions.listRoots();
      return roots.filter((r) => isRegionVisible(r, actor.scope)).map(presentRegion);
    },

    async get(actor: Actor, code: string) {
      const region = await repos.regions.findByCode(code);
      if (!region || !isRegionVisible(region, actor.scope)) {
        throw notFound('区划');
      }
      const ancestry = await repos.regions.listAncestry(code);
      return {
        ...presentRegion(region),
        isInScope: isRegionInScope(region, actor.scope),
        path: ancestry.map(presentRegion),
      };
    },

    /** Children the actor may see; a neighbouring town of a township user is not listed. */
    async children(actor: Actor, code: string) {
      const parent = await repos.regions.findByCode(code);
      if (!parent || !isRegionVisible(parent, actor.scope)) {
        throw notFound('区划');
      }
      const children = await repos.regions.listChildren(code);
      return children
        .filter((c) => isRegionVisible(c, actor.scope))
        .map((c) => {
          const isInScope = isRegionInScope(c, actor.scope);
          return {
            ...presentRegion(c),
            // An ancestor shown only as the path to the actor's region has just the visible children.
            childCount: isInScope ? (c.child_count ?? 0) : visibleChildCount(c, actor.scope),
            isInScope,
          };
        });
    },

    async zones(actor: Actor) {
      const zones = await repos.regions.listZones();
      return zones
        .filter((z) => isRegionInScope({ code: z.code, level: 'zone' }, actor.scope))
        .map((z) => ({ code: z.code, name: z.name, parentCode: z.parent_code, towns: z.towns ?? [] }));
    },
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
