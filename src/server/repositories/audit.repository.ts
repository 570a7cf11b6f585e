import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { escapeLike, inScope } from './scope-filter.js';

export interface AuditEntry {
  actorId: number | null;
  actorName: string;
  ip: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  regionCode: string | null;
  oldValues: unknown;
  newValues: unknown;
}

export interface AuditFilter {
  scope: readonly string[];
  /** City-level readers also see entries that belong to no region (e.g. failed logins of unknown names). */
  includeUnscoped: boolean;
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  regionPrefixes?: readonly string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export function createAuditRepository(db: Kysely<DB>) {
  return {
    async insert(entry: AuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          actor_id: entry.actorId,
          actor_name: entry.actorName,
          ip: entry.ip,
          request_id: entry.requestId,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          region_code: entry.regionCode,
          old_values: json(entry.oldValues),
          new_values: json(entry.newValues),
        })
        .execute();
    },

    async list(filter: AuditFilter) {
      let query = db.selectFrom('audit_log').where((eb) => {
        const scoped = inScope(eb, eb.ref('region_code'), filter.scope);
        return filter.includeUnscoped ? eb.or([scoped, eb('region_code', 'is', null)]) : scoped;
      });
      if (filter.actor) {
        query = query.where('actor_name', 'ilike', `%${escapeLike(filter.actor)}%`);
      }
      if (filter.action) {
        query = query.where('action', '=', filter.action);
      }
      if (filter.entityType) {
        query = query.where('entity_type', '=', filter.entityType);
      }
      if (filter.entityId) {
        query = query.where('entity_id', '=', filter.entityId);
      }
      if (filter.regionPrefixes) {
        const prefixes = filter.regionPrefixes;
        query = query.where((eb) => inScope(eb, eb.ref('region_code'), prefixes));
      }
      if (filter.from) {
        query = query.where('at', '>=', filter.from);
      }
      if (filter.to) {
        query = query.where('at', '<', filter.to);
      }
      const [items, total] = await Promise.all([
        query
          .selectAll('audit_log')
          .select((eb) =>
            eb
              .selectFrom('region')
              .select('region.name')
              .whereRef('region.code', '=', 'audit_log.region_code')
              .as('region_name'),
          )
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: total.n };
    },

    async listActions(): Promise<string[]> {
      const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
      return rows.map((r) => r.action);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
