import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { HouseholdType } from '../../shared/household-codes.js';
import type { DB, VisitTable } from '../db/schema.js';
import { accessFilter, type HouseholdAccess } from './household.repository.js';
import { inScope } from './scope-filter.js';
import { visitDueOnSql } from './visit-due-sql.js';

export type VisitRow = Selectable<VisitTable>;

export interface VisitDueSearch {
  access: HouseholdAccess;
  regionPrefix?: string | undefined;
  overdueOnly: boolean;
  helperUserId?: number | undefined;
  today: string;
  limit: number;
  offset: number;
}

const dueOn = visitDueOnSql('household', 'p');

export function createVisitRepository(db: Kysely<DB>) {
  return {
    /** Stores the visit once: a second insert with the same client id changes nothing. Returns whether it was new. */
    async insertOnce(values: Insertable<VisitTable>): Promise<boolean> {
      const inserted =
        (await db
          .insertInto('visit')
          .values(values)
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst()) !== undefined;
      if (inserted) {
        await db
          .updateTable('household')
          .set({ last_visited_on: sql<string>`greatest(last_visited_on, ${values.visited_on}::date)` })
          .where('id', '=', values.household_id)
          .execute();
      }
      return inserted;
    },

    policy() {
      return db.selectFrom('visit_policy').select(['household_type', 'months']).orderBy('months').execute();
    },

    async setPolicy(householdType: HouseholdType, months: number): Promise<void> {
      await db
        .updateTable('visit_policy')
        .set({ months, updated_at: new Date() })
        .where('household_type', '=', householdType)
        .execute();
    },

    findById(id: string) {
      return db.selectFrom('visit').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async setLead(id: string, leadId: number): Promise<void> {
      await db.updateTable('visit').set({ lead_id: leadId }).where('id', '=', id).execute();
    },

    async setCase(id: string, caseId: number): Promise<void> {
      await db.updateTable('visit').set({ case_id: caseId }).where('id', '=', id).execute();
    },

    forHousehold(householdId: number) {
      return db
        .selectFrom('visit')
        .selectAll()
        .where('household_id', '=', householdId)
        .orderBy('visited_on', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
    },

    async due(f: VisitDueSearch) {
      let query = db
        .selectFrom('household')
        .innerJoin('visit_policy as p', 'p.household_type', 'household.household_type')
        .innerJoin('region as r', 'r.code', 'household.region_code')
        .where((eb) => accessFilter(eb, f.access));
      if (f.regionPrefix) {
        query = query.where((eb) => inScope(eb, eb.ref('household.region_code'), [f.regionPrefix as string]));
      }
      if (f.helperUserId !== undefined) {
        const userId = f.helperUserId;
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('helper_assignment as a')
              .whereRef('a.household_id', '=', 'household.id')
              .where('a.user_id', '=', userId)
              .where((w) => w.or([w('a.ends_on', 'is', null), w('a.ends_on', '>=', f.today)])),
          ),
        );
      }
      if (f.overdueOnly) {
        query = query.where(sql<boolean>`${dueOn} < ${f.today}::date`);
      }
      const [rows, total] = await Promise.all([
        query
          .select([
            'household.id',
            'household.household_no',
            'household.head_name',
            'household.household_type',
            'household.region_code',
            'r.name as region_name',
            'p.months',
            'household.last_visited_on',
          ])
          .select(dueOn.as('due_on'))
          .orderBy(dueOn)
          .orderBy('household.id')
          .limit(f.limit)
          .offset(f.offset)
          .execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
  };
}

export type VisitRepository = ReturnType<typeof createVisitRepository>;
