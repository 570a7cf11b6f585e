import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB, SelfCheckTable } from '../db/schema.js';
import { escapeLike } from './scope-filter.js';

/** Self-check sign-offs and the monthly verification sample. */
export function createSelfCheckRepository(db: Kysely<DB>) {
  return {
    find(month: string, regionCode: string) {
      return db
        .selectFrom('self_check')
        .selectAll()
        .where('month', '=', month)
        .where('region_code', '=', regionCode)
        .executeTakeFirst();
    },

    forRegions(month: string, regionCodes: readonly string[]) {
      if (regionCodes.length === 0) {
        return Promise.resolve([]);
      }
      return db
        .selectFrom('self_check')
        .selectAll()
        .where('month', '=', month)
        .where('region_code', 'in', [...regionCodes])
        .execute();
    },

    async insert(values: Insertable<SelfCheckTable>): Promise<void> {
      await db.insertInto('self_check').values(values).execute();
    },

    /**
     * Weighted sampling without replacement (key = random^(1/weight), highest keys win), per town: live
     * cases weigh 3, households eliminated in the last six months or with a lead closed as not at risk 2,
     * everyone else 1. Returns how many were drawn.
     */
    async drawSample(month: string, countyCode: string, perTown: number, today: string): Promise<number> {
      const result = await sql<{ n: number }>`
        with weighted as (
          select h.id as household_id, h.town_code, h.county_code, live.id as case_id,
                 case when live.id is not null then 3
                      when recent.id is not null or closed_lead.id is not null then 2 else 1 end as weight,
                 case when live.id is not null then 'monitored'
                      when recent.id is not null then 'recently_eliminated'
                      when closed_lead.id is not null then 'lead_closed' else 'random' end as reason
          from household h
          left join lateral (select c.id from monitoring_case c where c.household_id = h.id
                             and c.stage not in ('eliminated', 'rejected') limit 1) live on true
          left join lateral (select c.id from monitoring_case c where c.household_id = h.id and c.stage = 'eliminated'
                             and c.eliminated_on >= ${today}::date - interval '6 months' limit 1) recent on true
          left join lateral (select l.id from lead l where l.household_id = h.id and l.status = 'closed'
                             and l.closed_at >= ${today}::date - interval '3 months' limit 1) closed_lead on true
          where h.county_code = ${countyCode}
        ),
        ranked as (
          select *, row_number() over (partition by town_code order by power(random(), 1.0 / weight) desc) as k
          from weighted
        ),
        inserted as (
          insert into verification_sample (month, county_code, town_code, household_id, case_id, reason)
          select ${month}, county_code, town_code, household_id, case_id, reason from ranked where k <= ${perTown}
          on conflict (month, household_id, county_code) do nothing
          returning 1
        )
        select count(*)::int as n from inserted
      `.execute(db);
      return result.rows[0]?.n ?? 0;
    },

    samples(month: string, prefixes: readonly string[]) {
      return db
        .selectFrom('verification_sample as s')
        .innerJoin('household as h', 'h.id', 's.household_id')
        .innerJoin('region as r', 'r.code', 'h.region_code')
        .leftJoin('app_user as u', 'u.id', 's.checked_by')
        .select([
          's.id',
          's.month',
          's.household_id',
          's.case_id',
          's.town_code',
          's.reason',
          's.outcome',
          's.note',
          's.checked_at',
          's.version',
          'h.head_name',
          'h.region_code',
          'r.name as region_name',
          'u.display_name as checked_by_name',
        ])
        .where('s.month', '=', month)
        .where((eb) =>
          prefixes.includes('')
            ? sql<boolean>`true`
            : eb.or(prefixes.map((p) => sql<boolean>`h.region_code like ${`${escapeLike(p)}%`}`)),
        )
        .orderBy('s.town_code')
        .orderBy('h.region_code')
        .orderBy('s.id')
        .execute();
    },

    findSample(id: number) {
      return db
        .selectFrom('verification_sample as s')
        .innerJoin('household as h', 'h.id', 's.household_id')
        .selectAll('s')
        .select('h.region_code')
        .where('s.id', '=', id)
        .executeTakeFirst();
    },

    async recordOutcome(
      id: number,
      version: number,
      outcome: string,
      note: string | null,
      userId: number | null,
    ) {
      const result = await db
        .updateTable('verification_sample')
        .set({ outcome, note, checked_by: userId, checked_at: new Date(), version: sql<number>`version + 1` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type SelfCheckRepository = ReturnType<typeof createSelfCheckRepository>;
