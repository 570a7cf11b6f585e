import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { inScope } from './scope-filter.js';

/** Helpers (帮扶责任人): who helps which household since when, and the helper users one may assign. */
export function createHelperRepository(db: Kysely<DB>) {
  return {
    helpers(householdId: number) {
      return db
        .selectFrom('helper_assignment as a')
        .innerJoin('app_user as u', 'u.id', 'a.user_id')
        .select(['a.user_id', 'u.display_name', 'u.unit', 'u.phone', 'a.starts_on', 'a.ends_on'])
        .where('a.household_id', '=', householdId)
        .orderBy('a.starts_on', 'desc')
        .execute();
    },

    /**
     * Gives the households to `userId` from `startsOn`: current assignments to someone else end the day
     * before (reassignment keeps the history); a household already with this helper is left alone.
     */
    async assignHelper(input: {
      householdIds: readonly number[];
      userId: number;
      startsOn: string;
      assignedBy: number | null;
    }): Promise<{ assigned: number; ended: number }> {
      const ended = await sql<{ n: number }>`
        with ended as (
          update helper_assignment set ends_on = (${input.startsOn}::date - 1)
          where household_id = any(${sql.val([...input.householdIds])}::bigint[])
            and user_id <> ${input.userId}
            and (ends_on is null or ends_on >= ${input.startsOn}::date)
          returning 1
        ) select count(*)::int as n from ended
      `.execute(db);
      const assigned = await sql<{ n: number }>`
        with added as (
          insert into helper_assignment (household_id, user_id, county_code, starts_on, assigned_by)
          select h.id, ${input.userId}, h.county_code, ${input.startsOn}::date, ${input.assignedBy}
          from household h
          where h.id = any(${sql.val([...input.householdIds])}::bigint[])
            and not exists (
              select 1 from helper_assignment a
              where a.household_id = h.id and a.user_id = ${input.userId}
                and (a.ends_on is null or a.ends_on >= ${input.startsOn}::date))
          on conflict (household_id, user_id, starts_on) do update set ends_on = null
          returning 1
        ) select count(*)::int as n from added
      `.execute(db);
      return { assigned: assigned.rows[0]?.n ?? 0, ended: ended.rows[0]?.n ?? 0 };
    },

    /** Helper-role users whose region lies in the scope, with how many households each has now. */
    helperUsers(scope: readonly string[], today: string) {
      return db
        .selectFrom('app_user as u')
        .innerJoin('region as r', 'r.code', 'u.region_code')
        .select([
          'u.id',
          'u.display_name',
          'u.username',
          'u.region_code',
          'r.name as region_name',
          'u.unit',
          'u.phone',
        ])
        .select((eb) =>
          eb
            .selectFrom('helper_assignment as a')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('a.user_id', '=', 'u.id')
            .where((w) => w.or([w('a.ends_on', 'is', null), w('a.ends_on', '>=', today)]))
            .as('households'),
        )
        .where('u.role', '=', 'helper')
        .where('u.disabled', '=', false)
        .where((eb) => inScope(eb, eb.ref('u.region_code'), scope))
        .orderBy('u.display_name')
        .execute();
    },
  };
}

export type HelperRepository = ReturnType<typeof createHelperRepository>;
