import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { AttachmentTable, DB, VisitTable } from '../db/schema.js';
import { accessFilter, type HouseholdAccess } from './household.repository.js';
import { inScope } from './scope-filter.js';

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

/** When a household's next visit is due: its cadence after the last visit, or from its entry if never visited. */
const dueOn = sql<string>`coalesce((household.last_visited_on + make_interval(months => p.months))::date, household.created_at::date)`;

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

    async setPolicy(householdType: string, months: number): Promise<void> {
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

    async insertAttachment(values: Insertable<AttachmentTable>): Promise<boolean> {
      const row = await db
        .insertInto('attachment')
        .values(values)
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    findAttachmentMeta(id: string) {
      return db
        .selectFrom('attachment')
        .select([
          'id',
          'household_id',
          'county_code',
          'filename',
          'mime_type',
          'size_bytes',
          'sha256',
          'uploaded_at',
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    findAttachment(id: string) {
      return db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Which of `ids` are attachments of `householdId` (evidence must belong to the same household). */
    async attachmentsOf(householdId: number, ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) {
        return [];
      }
      const rows = await db
        .selectFrom('attachment')
        .select('id')
        .where('household_id', '=', householdId)
        .where('id', 'in', [...ids])
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

export type VisitRepository = ReturnType<typeof createVisitRepository>;
