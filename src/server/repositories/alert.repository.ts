import { type Kysely, sql } from 'kysely';
import type { FeedType } from '../../shared/feed-types.js';
import type { DB } from '../db/schema.js';
import { inScope } from './scope-filter.js';

export interface AlertFilter {
  scope: readonly string[];
  status?: string | undefined;
  feedType?: FeedType | undefined;
  overdueOn?: string | undefined;
  limit: number;
  offset: number;
}

/** Alert rules (one row each) and the alerts they raise, as the township and village see them. */
export function createAlertRepository(db: Kysely<DB>) {
  return {
    listRules() {
      return db.selectFrom('alert_rule').selectAll().orderBy('code').execute();
    },

    findRule(code: string) {
      return db.selectFrom('alert_rule').selectAll().where('code', '=', code).executeTakeFirst();
    },

    async updateRule(
      code: string,
      changes: { threshold: string | null; householdTypes: string[]; deadlineDays: number; enabled: boolean },
      by: string,
      expectedVersion: number,
    ): Promise<boolean> {
      const result = await db
        .updateTable('alert_rule')
        .set({
          threshold: changes.threshold,
          household_types: JSON.stringify(changes.householdTypes),
          deadline_days: changes.deadlineDays,
          enabled: changes.enabled,
          version: sql<number>`version + 1`,
          updated_by: by,
          updated_at: new Date(),
        })
        .where('code', '=', code)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async list(filter: AlertFilter) {
      let query = db
        .selectFrom('alert as a')
        .innerJoin('household as h', 'h.id', 'a.household_id')
        .innerJoin('region as v', 'v.code', 'a.region_code')
        .leftJoin('region as t', 't.code', 'a.town_code')
        .where((eb) => inScope(eb, eb.ref('a.region_code'), filter.scope));
      if (filter.status) {
        query = query.where('a.status', '=', filter.status);
      }
      if (filter.feedType) {
        query = query.where('a.feed_type', '=', filter.feedType);
      }
      if (filter.overdueOn) {
        query = query.where('a.status', '=', 'open').where('a.due_on', '<', filter.overdueOn);
      }
      const [rows, total] = await Promise.all([
        query
          .select([
            'a.id',
            'a.department',
            'a.feed_type',
            'a.period',
            'a.rule_code',
            'a.household_id',
            'a.region_code',
            'v.name as village_name',
            't.name as town_name',
            'h.head_name',
            'h.household_type',
            'a.facts',
            'a.status',
            'a.due_on',
            'a.closed_reason',
            'a.closed_at',
            'a.lead_id',
            'a.version',
            'a.created_at',
          ])
          .orderBy(sql`a.status = 'open'`, 'desc')
          .orderBy('a.due_on')
          .orderBy('a.id')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    findById(id: number) {
      return db.selectFrom('alert').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Closes an open alert at its version; false when someone else closed or changed it first. */
    async close(input: {
      id: number;
      version: number;
      status: string;
      reason: string | null;
      leadId: number | null;
      userId: number | null;
    }): Promise<boolean> {
      const result = await db
        .updateTable('alert')
        .set({
          status: input.status,
          closed_reason: input.reason,
          lead_id: input.leadId,
          closed_by: input.userId,
          closed_at: new Date(),
          version: sql<number>`version + 1`,
        })
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Timeliness per county and town: received, closed, closed after the deadline, open past it. */
    timeliness(scope: readonly string[], today: string) {
      return db
        .selectFrom('alert as a')
        .innerJoin('region as c', 'c.code', 'a.county_code')
        .innerJoin('region as t', 't.code', 'a.town_code')
        .where((eb) => inScope(eb, eb.ref('a.region_code'), scope))
        .select([
          'a.county_code',
          'c.name as county_name',
          'a.town_code',
          't.name as town_name',
          sql<number>`count(*)::int`.as('received'),
          sql<number>`(count(*) filter (where a.status <> 'open'))::int`.as('closed'),
          sql<number>`(count(*) filter (where a.status <> 'open' and a.closed_at::date > a.due_on))::int`.as(
            'closed_late',
          ),
          sql<number>`(count(*) filter (where a.status = 'open' and a.due_on < ${today}::date))::int`.as(
            'open_overdue',
          ),
        ])
        .groupBy(['a.county_code', 'c.name', 'a.town_code', 't.name'])
        .orderBy('a.county_code')
        .orderBy('a.town_code')
        .execute();
    },
  };
}

export type AlertRepository = ReturnType<typeof createAlertRepository>;
