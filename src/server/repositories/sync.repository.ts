import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { accessFilter, type HouseholdAccess } from './household.repository.js';
import { visitDueOnSql } from './visit-due-sql.js';

/** Big `IN` lists are split so a large scope never runs into the bind-parameter limit. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    out.push(items.slice(i, i + CHUNK));
  }
  return out;
}

/** When a household's next visit is due (the same rule as the due list in visit.repository.ts). */
const dueOn = visitDueOnSql('household', 'p');

/** The offline work set: what a cadre or helper carries to the village, read in a handful of set-based queries. */
export function createSyncRepository(db: Kysely<DB>) {
  return {
    /** The database clock: the cursor is the server's time, never the phone's. */
    async now(): Promise<Date> {
      const row = await sql<{ now: Date }>`select now() as now`.execute(db);
      return new Date(row.rows[0]?.now ?? Date.now());
    },

    /** Every household id in the actor's scope now (the client drops the ones it holds that are not here). */
    async scopeIds(access: HouseholdAccess): Promise<number[]> {
      const rows = await db
        .selectFrom('household')
        .select('household.id')
        .where((eb) => accessFilter(eb, access))
        .orderBy('household.id')
        .execute();
      return rows.map((r) => r.id);
    },

    /**
     * Households in scope with anything the work set shows changed after `since`: the household row, a
     * member, a new visit, a lead, an alert raised or closed, or a helper assignment that brought it into scope.
     */
    async changedIds(access: HouseholdAccess, since: Date): Promise<number[]> {
      const rows = await db
        .selectFrom('household')
        .select('household.id')
        .where((eb) => accessFilter(eb, access))
        .where((eb) =>
          eb.or([
            eb('household.updated_at', '>', since),
            eb.exists(
              eb
                .selectFrom('person')
                .whereRef('person.household_id', '=', 'household.id')
                .where('person.updated_at', '>', since),
            ),
            eb.exists(
              eb
                .selectFrom('visit')
                .whereRef('visit.household_id', '=', 'household.id')
                .where('visit.created_at', '>', since),
            ),
            eb.exists(
              eb
                .selectFrom('lead')
                .whereRef('lead.household_id', '=', 'household.id')
                .where('lead.updated_at', '>', since),
            ),
            eb.exists(
              eb
                .selectFrom('alert')
                .whereRef('alert.household_id', '=', 'household.id')
                .where((w) => w.or([w('alert.created_at', '>', since), w('alert.closed_at', '>', since)])),
            ),
            eb.exists(
              eb
                .selectFrom('helper_assignment as a')
                .whereRef('a.household_id', '=', 'household.id')
                .where('a.created_at', '>', since),
            ),
          ]),
        )
        .orderBy('household.id')
        .execute();
      return rows.map((r) => r.id);
    },

    /** Whether the visit cadence changed after `since` (every due date moves, so everything is resent). */
    async policyChangedSince(since: Date): Promise<boolean> {
      const row = await db
        .selectFrom('visit_policy')
        .select('household_type')
        .where('updated_at', '>', since)
        .executeTakeFirst();
      return row !== undefined;
    },

    async households(ids: readonly number[]) {
      const out = [];
      for (const part of chunks(ids)) {
        out.push(
          ...(await db
            .selectFrom('household')
            .innerJoin('visit_policy as p', 'p.household_type', 'household.household_type')
            .innerJoin('region as r', 'r.code', 'household.region_code')
            .select([
              'household.id',
              'household.household_no',
              'household.household_type',
              'household.head_name',
              'household.member_count',
              'household.address',
              'household.housing_grade',
              'household.water_quantity_ok',
              'household.water_quality_ok',
              'household.phone_masked',
              'household.region_code',
              'r.name as region_name',
              'household.last_visited_on',
              'p.months',
              'household.version',
            ])
            .select(dueOn.as('due_on'))
            .where('household.id', 'in', part)
            .orderBy('household.id')
            .execute()),
        );
      }
      return out;
    },

    /** Members' key facts only: the masked ID number, never the full one. */
    async members(ids: readonly number[]) {
      const out = [];
      for (const part of chunks(ids)) {
        out.push(
          ...(await db
            .selectFrom('person')
            .select(['id', 'household_id', 'name', 'relation', 'sex', 'id_masked', 'labour_skill', 'health'])
            .where('household_id', 'in', part)
            .orderBy('household_id')
            .orderBy('id')
            .execute()),
        );
      }
      return out;
    },

    /** The last `perHousehold` visits of each household, newest first. */
    async lastVisits(ids: readonly number[], perHousehold: number) {
      const out = [];
      for (const part of chunks(ids)) {
        const ranked = db
          .selectFrom('visit')
          .select([
            'id',
            'household_id',
            'visited_on',
            'visitor_name',
            'income_changed',
            'new_risks',
            'note',
            'created_at',
          ])
          .select(
            sql<number>`row_number() over (partition by household_id order by visited_on desc, created_at desc)`.as(
              'n',
            ),
          )
          .where('household_id', 'in', part)
          .as('v');
        out.push(
          ...(await db
            .selectFrom(ranked)
            .selectAll()
            .where('v.n', '<=', perHousehold)
            .orderBy('v.household_id')
            .orderBy('v.n')
            .execute()),
        );
      }
      return out;
    },

    async openLeads(ids: readonly number[]) {
      const out = [];
      for (const part of chunks(ids)) {
        out.push(
          ...(await db
            .selectFrom('lead')
            .select(['id', 'household_id', 'source', 'reasons', 'found_on', 'note', 'version'])
            .where('household_id', 'in', part)
            .where('status', '=', 'open')
            .orderBy('id')
            .execute()),
        );
      }
      return out;
    },

    async openAlerts(ids: readonly number[]) {
      const out = [];
      for (const part of chunks(ids)) {
        out.push(
          ...(await db
            .selectFrom('alert')
            .innerJoin('person', 'person.id', 'alert.person_id')
            .select([
              'alert.id',
              'alert.household_id',
              'alert.department',
              'alert.feed_type',
              'alert.rule_code',
              'alert.period',
              'alert.due_on',
              'alert.version',
              'person.name as person_name',
            ])
            .where('alert.household_id', 'in', part)
            .where('alert.status', '=', 'open')
            .orderBy('alert.id')
            .execute()),
        );
      }
      return out;
    },
  };
}

export type SyncRepository = ReturnType<typeof createSyncRepository>;
