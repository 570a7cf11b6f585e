import { notFound } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { isRegionInScope, scopeForRegion } from './region-scope.js';

export interface ListAuditInput {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export function createAuditService(deps: { repos: Repositories }) {
  const { repos } = deps;

  return {
    async list(actor: Actor, input: ListAuditInput) {
      let regionPrefixes: string[] | undefined;
      if (input.regionCode) {
        const region = await repos.regions.findByCode(input.regionCode);
        if (!region || !isRegionInScope(region, actor.scope)) {
          throw notFound('区划');
        }
        const zoneTowns = region.level === 'zone' ? await repos.regions.listZoneTownCodes(region.code) : [];
        regionPrefixes = scopeForRegion(region, zoneTowns);
      }
      const { items, total } = await repos.audit.list({
        scope: actor.scope,
        includeUnscoped: actor.regionLevel === 'city',
        actor: input.actor,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        regionPrefixes,
        from: input.from ? new Date(input.from) : undefined,
        to: input.to ? new Date(input.to) : undefined,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return {
        items: items.map((e) => ({
          id: String(e.id),
          at: new Date(e.at).toISOString(),
          actorId: e.actor_id,
          actorName: e.actor_name,
          ip: e.ip,
          requestId: e.request_id,
          action: e.action,
          entityType: e.entity_type,
          entityId: e.entity_id,
          regionCode: e.region_code,
          regionName: e.region_name ?? null,
          oldValues: (e.old_values ?? null) as Record<string, unknown> | null,
          newValues: (e.new_values ?? null) as Record<string, unknown> | null,
        })),
        total,
        page: input.page,
        pageSize: input.pageSize,
      };
    },

    actions: () => repos.audit.listActions(),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
