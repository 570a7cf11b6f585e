import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** Set-based writes of the demo's farmer linkage: who an agreement links, and a year of its payments. */
export function createDemoLinkageRepository(db: Kysely<DB>) {
  return {
    /** Up to `limit` 脱贫 and 监测 households under a region prefix, spread over its villages (by id). */
    async householdsToLink(prefix: string, limit: number, skip: number): Promise<number[]> {
      const result = await sql<{ id: number }>`
        select id::int from household
        where region_code like ${`${prefix}%`} and household_type in ('exited_poverty', 'monitored')
        order by (id * 7919) % 1009, id
        offset ${skip} limit ${limit}`.execute(db);
      return result.rows.map((r) => r.id);
    },

    /**
     * Payments as each mode pays (purchases twice a year, wages quarterly, a dividend, a rent), dated within the
     * term and not after today. Every sixth household is left unpaid, so the ledger's flag has something to show.
     */
    async seedPayments(agreementIds: readonly number[], today: string): Promise<number> {
      if (agreementIds.length === 0) {
        return 0;
      }
      const result = await sql`
        with schedule (mode, month, day, benefit_type, base) as (
          values ('order_farming', 6, 20, 'purchase', 1800), ('order_farming', 10, 15, 'purchase', 2600),
                 ('employment', 3, 31, 'wage', 7200), ('employment', 6, 30, 'wage', 7200),
                 ('employment', 9, 30, 'wage', 7200), ('asset_income', 11, 28, 'dividend', 600),
                 ('land_transfer', 3, 10, 'rent', 2400), ('custody', 12, 1, 'purchase', 3000)
        ),
        due as (
          select lh.county_code, lh.agreement_id, lh.household_id, make_date(lh.year, s.month, s.day) as paid_on,
                 s.benefit_type, (s.base + (lh.household_id % 9) * 50)::numeric(12, 2) as amount, a.started_on,
                 a.ended_on
          from linkage_household lh
          join linkage_agreement a on a.id = lh.agreement_id
          join schedule s on s.mode = a.mode
          where lh.agreement_id in (${sql.join(agreementIds)}) and lh.household_id % 6 <> 0
        )
        insert into linkage_benefit (county_code, agreement_id, household_id, paid_on, benefit_type, amount, evidence)
        select county_code, agreement_id, household_id, paid_on, benefit_type, amount,
               '演示凭证 ' || agreement_id || '-' || household_id || '-' || to_char(paid_on, 'YYYYMMDD')
        from due
        where paid_on <= ${today}::date and paid_on >= started_on and (ended_on is null or paid_on <= ended_on)`.execute(
        db,
      );
      return Number(result.numAffectedRows ?? 0);
    },
  };
}

export type DemoLinkageRepository = ReturnType<typeof createDemoLinkageRepository>;
