import { clock } from '../../shared/clock.js';
import { scopePrefix } from '../../shared/region-code.js';
import { notFound } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { isRegionInScope } from './region-scope.js';

/** Data-quality to-do lists per level: each item links to the household or case to fix. */
export function createQualityService(deps: { repos: Repositories }) {
  const { repos } = deps;
  return {
    async list(
      actor: Actor,
      input: { regionCode?: string | undefined; rule?: string | undefined; page: number; pageSize: number },
    ) {
      const today = clock().today();
      let prefixes = actor.scope;
      if (input.regionCode) {
        const region = await repos.regions.findByCode(input.regionCode);
        if (!region || region.level === 'zone' || !isRegionInScope(region, actor.scope)) {
          throw notFound('区划');
        }
        prefixes = [scopePrefix(region.code, region.level)];
      }
      const { counts, items: rows } = await repos.quality.report(
        prefixes,
        today,
        input.rule,
        input.pageSize,
        (input.page - 1) * input.pageSize,
      );
      const total = input.rule ? (counts[input.rule] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
      return {
        counts,
        total,
        items: rows.map((r) => ({
          rule: r.rule as 'identification_late',
          householdId: Number(r.household_id),
          caseId: r.case_id === null ? null : Number(r.case_id),
          headName: r.head_name,
          regionCode: r.region_code,
          regionName: r.region_name,
          detail: r.detail,
        })),
      };
    },
  };
}

export type QualityService = ReturnType<typeof createQualityService>;
